// A dataset as an lr value: len(ds), ds.x, ds.y, ds.classes, ds[i], shown as a short table.
import Datasets
import Lang
import Tensors

/// The native object *lr* sees for a `Dataset`. Immutable: every method returns a new
/// dataset, so datasets behave as values like tensors do.
final class DatasetObject: NativeObject {
  let dataset: Dataset
  /// The session whose seeded generator shuffles and splits draw from.
  let session: Session

  init(_ dataset: Dataset, session: Session) {
    self.dataset = dataset
    self.session = session
  }

  var typeName: String { "dataset" }
  var length: Int? { dataset.count }

  var description: String {
    "<dataset \(dataset.name): \(dataset.count) × \(dataset.sampleShape), \(outputSummary(short: true))>"
  }

  /// One row: name, size, input shape, classes (or the regression target shape).
  func display() -> Display {
    let shape = dataset.sampleShape.map(String.init).joined(separator: "×")
    var columns = [
      "dataset", "size", "input shape", dataset.isClassification ? "classes" : "targets",
    ]
    var row = [
      dataset.name, "\(dataset.count)", shape.isEmpty ? "scalar" : shape,
      outputSummary(short: false),
    ]
    if dataset.normalization != nil {
      columns.append("normalised")
      row.append("yes")
    }
    return .table(Display.Table(columns: columns, rows: [row]))
  }

  /// "10: T-shirt/top, Trouser, …" or "regression [8]".
  private func outputSummary(short: Bool) -> String {
    guard dataset.isClassification else {
      return "regression \(Array((dataset.targets?.shape ?? []).dropFirst()))"
    }
    let names = dataset.classNames
    if short { return "\(names.count) classes" }
    let shown = names.prefix(4).joined(separator: ", ")
    return "\(names.count): \(shown)\(names.count > 4 ? ", …" : "")"
  }

  func member(_ name: String) throws -> Value? {
    switch name {
    case "x": return .native(TensorObject(dataset.inputs))
    case "y": return .native(TensorObject(dataset.labelTensor))
    case "classes": return .list(dataset.classNames.map(Value.string))
    case "class_counts": return .list(dataset.classCounts.map { .number(Double($0)) })
    case "name": return .string(dataset.name)
    case "shape": return .list(dataset.sampleShape.map { .number(Double($0)) })
    case "size": return .number(Double(dataset.count))
    case "normalization":
      guard let n = dataset.normalization else { return .nil }
      return .record([("mean", .tensor(n.mean)), ("std", .tensor(n.standardDeviation))])
    default:
      guard let method = datasetMethods[name] else { return nil }
      return .function(method.bind(to: self))
    }
  }

  /// `ds[i]` is one example as a record {x, y, class}; `ds[a..<b]` a smaller dataset.
  func index(_ i: Value) throws -> Value? {
    let n = dataset.count
    switch i {
    case .number(let x):
      guard let k = wholeNumber(x) else {
        throw RuntimeError("dataset index must be an integer, got \(x)")
      }
      let j = k < 0 ? k + n : k
      guard j >= 0, j < n else {
        throw RuntimeError("index \(k) out of range for a dataset of \(n) examples")
      }
      var fields: [(String, Value)] = [("x", .native(TensorObject(try dataset.inputs.select(j))))]
      if let targets = dataset.targets {
        fields.append(("y", .tensor(try targets.select(j))))
      } else {
        fields.append(("y", .number(Double(dataset.labels[j]))))
        fields.append(("class", .string(dataset.classNames[dataset.labels[j]])))
      }
      return .record(fields)
    case .range(let r):
      let lower = max(0, min(r.lower, n))
      let upper = max(lower, min(r.end, n))
      var part = try dataset.gathering(Array(lower..<upper))
      part.name = dataset.name
      return wrap(part)
    default:
      return nil
    }
  }

  /// A new dataset value in the same session.
  func wrap(_ other: Dataset) -> Value { .native(DatasetObject(other, session: session)) }
}
