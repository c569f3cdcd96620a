// Models, layers and training histories as lr values, displayed as tables.
import Foundation
import Lang
import NeuralNets
import Tensors

/// A model in *lr*: a reference to one `Sequential`, shared by every variable holding it
/// (training updates it in place, as in PyTorch).
final class ModelObject: NativeObject {
  let model: Sequential

  init(_ model: Sequential) { self.model = model }

  var typeName: String { "model" }
  var description: String {
    "<model \(model.name): \(model.layers.count) layers, \(model.parameterCount) parameters>"
  }
  var length: Int? { model.layers.count }

  func display() -> Display { .table(modelTable(model)) }

  func member(_ name: String) throws -> Value? {
    switch name {
    case "layers":
      let shapes = try model.layerShapes()
      return .list(
        zip(model.layers, shapes).enumerated().map { i, pair in
          .native(LayerObject(pair.0, index: i, shapes: pair.1))
        })
    case "name": return .string(model.name)
    case "parameters": return .number(Double(model.parameterCount))
    case "dense_parameters": return .number(Double(model.denseParameterCount))
    case "compression": return .number(model.compression)
    case "flops": return .number(Double(model.flopsPerSample))
    case "input_shape": return .list(model.inputShape.map { .number(Double($0)) })
    case "output_shape": return .list(try model.outputShape().map { .number(Double($0)) })
    case "kappa": return .number(try model.kappaProduct())
    case "training":
      // The rule of each low-rank layer, as `fit` will apply it when given no settings.
      return .list(
        model.layers.indices.filter { model.layers[$0] is any LowRankLayer }.map { i in
          .record([
            ("layer", .number(Double(i))),
            ("rule", .string(describe(model.layerTraining[i] ?? LowRankTraining()))),
          ])
        })
    default: return nil
    }
  }

  func index(_ i: Value) throws -> Value? {
    guard case .number(let x) = i, let k = wholeNumber(x) else { return nil }
    let n = model.layers.count
    guard k >= -n, k < n else {
      throw RuntimeError("layer index \(k) is out of range for \(n) layers")
    }
    let at = k < 0 ? k + n : k
    let shapes = try model.layerShapes()
    return .native(LayerObject(model.layers[at], index: at, shapes: shapes[at]))
  }
}

/// One layer of a model in *lr*.
final class LayerObject: NativeObject {
  let layer: any Layer
  let index: Int
  let shapes: (input: [Int], output: [Int])?

  init(_ layer: any Layer, index: Int = 0, shapes: (input: [Int], output: [Int])? = nil) {
    self.layer = layer
    self.index = index
    self.shapes = shapes
  }

  var typeName: String { "layer" }
  var description: String { layer.description }

  func display() -> Display {
    var rows = [["layer", layer.description], ["parameters", "\(layer.parameterCount)"]]
    if let shapes { rows.append(["output shape", "\(shapes.output)"]) }
    if let sigma = try? singularValues(of: layer)?.scalars, let top = sigma.first,
      let bottom = sigma.last
    {
      rows.append(["rank", "\(sigma.count)"])
      rows.append(["κ", formatNumber(bottom == 0 ? .infinity : Double(top / bottom))])
    }
    return .table(Display.Table(columns: ["", ""], rows: rows))
  }

  func member(_ name: String) throws -> Value? {
    switch name {
    case "kind": return .string(layer.kind)
    case "parameters": return .number(Double(layer.parameterCount))
    case "rank":
      return try singularValues(of: layer).map { .number(Double($0.count)) } ?? .nil
    case "input_shape": return shapes.map { .list($0.input.map { .number(Double($0)) }) } ?? .nil
    case "output_shape": return shapes.map { .list($0.output.map { .number(Double($0)) }) } ?? .nil
    default:
      // Parameters by name: weight, bias, U, S, V.
      if let p = layer.parameters.first(where: { $0.name == name || $0.name.lowercased() == name })
      {
        return .tensor(p.value)
      }
      return nil
    }
  }
}

/// The per-epoch history of `fit`.
final class HistoryObject: NativeObject {
  let history: History

  init(_ history: History) { self.history = history }

  var typeName: String { "history" }
  var description: String { "<history: \(history.epochs) epochs>" }
  var length: Int? { history.epochs }

  func display() -> Display {
    var columns = ["epoch", "loss", "accuracy"]
    let validation = !history.validationLoss.isEmpty
    if validation { columns += ["val loss", "val accuracy"] }
    columns += ["lr", "time (s)"]
    let tracked = history.compression.count == history.epochs && !history.trackedLayers.isEmpty
    if tracked { columns += ["ranks", "compression", "Πκ"] }
    let rows = (0..<history.epochs).map { e -> [String] in
      var row = [
        "\(e + 1)", formatNumber(history.trainLoss[e]), formatNumber(history.trainAccuracy[e]),
      ]
      if validation {
        row += [
          formatNumber(history.validationLoss[e]), formatNumber(history.validationAccuracy[e]),
        ]
      }
      row += [formatNumber(history.learningRate[e]), String(format: "%.2f", history.seconds[e])]
      if tracked {
        let ranks = history.ranks.map { $0.indices.contains(e) ? "\($0[e])" : "?" }
        row += [
          ranks.joined(separator: ", "), formatPercent(history.compression[e]),
          formatNumber(history.kappaProduct[e]),
        ]
      }
      return row
    }
    return .table(
      Display.Table(
        columns: columns, rows: rows, caption: history.stoppedEarly ? "stopped early" : nil))
  }

  func member(_ name: String) throws -> Value? {
    func numbers(_ xs: [Double]) -> Value { .list(xs.map { .number($0) }) }
    switch name {
    case "loss": return numbers(history.trainLoss)
    case "accuracy": return numbers(history.trainAccuracy)
    case "val_loss": return numbers(history.validationLoss)
    case "val_accuracy": return numbers(history.validationAccuracy)
    case "time": return numbers(history.seconds)
    case "lr": return numbers(history.learningRate)
    case "epochs": return .number(Double(history.epochs))
    case "stopped_early": return .bool(history.stoppedEarly)
    case "tracked_layers": return .list(history.trackedLayers.map { .number(Double($0)) })
    case "ranks": return .list(history.ranks.map { .list($0.map { .number(Double($0)) }) })
    case "kappa": return .list(history.kappa.map(numbers))
    case "singular_values":
      return .list(history.singularValues.map { .list($0.map(numbers)) })
    case "prod_kappa": return numbers(history.kappaProduct)
    case "compression": return numbers(history.compression)
    default: return nil
    }
  }
}

/// The layer table of a model: shapes, ranks, parameters, compression and κ per layer.
func modelTable(_ model: Sequential) -> Display.Table {
  guard let reports = try? model.layerReports() else {
    return Display.Table(
      columns: ["layer"], rows: model.layers.map { [$0.description] }, caption: model.name)
  }
  let rows = reports.map { r -> [String] in
    let compression =
      r.denseParameters == 0
      ? "" : formatPercent(1 - Double(r.parameters) / Double(r.denseParameters))
    return [
      "\(r.index)", r.description, r.outputShape.map(String.init).joined(separator: "×"),
      r.rank.map(String.init) ?? "", r.parameters == 0 ? "" : "\(r.parameters)",
      r.parameters == 0 ? "" : compression, r.kappa.map(formatNumber) ?? "",
    ]
  }
  let kappa = (try? model.kappaProduct()).map(formatNumber) ?? "?"
  let caption =
    "\(model.name): \(model.parameterCount) parameters (dense \(model.denseParameterCount)), "
    + "compression \(formatPercent(model.compression)), \(model.flopsPerSample) FLOPs/sample, Πκ = \(kappa)"
  return Display.Table(
    columns: ["#", "layer", "output", "rank", "parameters", "compression", "κ"], rows: rows,
    caption: caption)
}

/// Four significant digits, as tables show them.
func formatNumber(_ x: Double) -> String {
  guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "∞" : "-∞") }
  return String(format: "%.4g", x)
}

/// A fraction as a percentage with one decimal.
func formatPercent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
