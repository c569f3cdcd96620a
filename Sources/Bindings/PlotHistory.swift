// plot_history: the loss and accuracy curves of a training history in one call.
import Lang
import Plotting

/// Fields `plot_history` draws, per panel, with their legend names.
private let historyPanels: [(title: String, fields: [(String, String)])] = [
  (
    "loss",
    [("loss", "train"), ("train_loss", "train"), ("val_loss", "validation"), ("test_loss", "test")]
  ),
  (
    "accuracy",
    [
      ("acc", "train"), ("accuracy", "train"), ("train_acc", "train"), ("val_acc", "validation"),
      ("val_accuracy", "validation"), ("test_acc", "test"),
    ]
  ),
]

/// `plot_history(h, …)`.
///
/// Written in Swift rather than in `stdlib/*.lr` because *lr* cannot yet ask whether a
/// record has a field, and a history may lack validation curves.
func plotHistoryNative(_ session: Session) -> NativeFunction {
  NativeFunction(
    name: "plot_history",
    params: [
      Parameter("history"), Parameter("title", default: .nil),
      Parameter("ylog", default: .bool(false)),
    ] + figureOptionParameters,
    doc: """
      The curves of a training history: a loss panel (`loss`, `val_loss`, `test_loss`) and
      an accuracy panel (`acc`, `val_acc`, `test_acc`; also `accuracy`, `val_accuracy`),
      each against the epoch (`epoch` when the history has it, else 1, 2, …). `history` is a
      record of lists (or tensors), or a history object from training; fields it lacks or
      leaves empty are skipped. Options: `title`, `ylog` (log loss axis), `width`,
      `height`, `dpi`, `theme`, `alt`.

          {loss: [0.9, 0.5, 0.3], val_loss: [1.0, 0.7, 0.6]} |> plot_history
          let history = {loss: [0.9, 0.5, 0.3], acc: [0.6, 0.8, 0.9]}
          history |> plot_history(title: "LeNet5, rank 16", ylog: true)
      """
  ) { args in
    let history = try args.value("history")
    guard history.asRecord != nil || history.asNative != nil else {
      throw args.bad(
        "history", expected: "a record of lists such as {loss: [...], val_loss: [...]}")
    }
    let epochs = try historyField(history, "epoch", args)
    var panels: [Axes] = []
    for (title, fields) in historyPanels {
      var axes = Axes(title: title, xlabel: "epoch")
      for (field, name) in fields {
        guard let y = try historyField(history, field, args), !y.isEmpty else { continue }
        let x = epochs?.count == y.count ? epochs ?? [] : (1...y.count).map(Double.init)
        axes.add(try plotting(args.callee) { try .line(x: x, y: y, label: name) })
      }
      if title == "loss", try args.bool("ylog") { axes.yscale = .log }
      if !axes.series.isEmpty { panels.append(axes) }
    }
    guard !panels.isEmpty else {
      throw args.bad("history", expected: "a history with a 'loss' or 'acc' list")
    }
    let size = try args.figureSize(
      fallback: session.figureSize.map { Size($0.width, $0.height) } ?? gridSize(1, panels.count))
    var figure = Figure(
      width: size.width, height: size.height, rows: 1, columns: panels.count,
      title: try args.optionalText("title"))
    figure.panels = panels
    try args.applyFigureOptions(to: &figure)
    return .native(FigureObject(figure))
  }
}

/// The numbers of field `name` of a history record or object; nil when it has no such
/// field (or the field is nil).
private func historyField(_ history: Value, _ name: String, _ args: Arguments) throws -> [Double]? {
  let field: Value?
  switch history {
  case .record(let record): field = record[name]
  case .native(let object): field = try object.member(name)
  default: field = nil
  }
  guard let field, !field.isNil else { return nil }
  guard let values = try numberSeries(field) else {
    throw RuntimeError(
      "bad argument 'history' to \(args.callee) (expected '\(name)' to be a list of numbers, "
        + "got \(field.typeName))")
  }
  return values
}
