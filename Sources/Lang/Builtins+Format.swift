// `format(x, digits: 3)` and friends: numbers as text with a fixed number of
// decimals, in scientific notation or as percentages, padded to a width.
import Foundation

extension Interpreter {
  func registerFormatBuiltins() {
    register(
      NativeFunction(
        name: "format",
        params: [
          Parameter("x"), Parameter("digits", default: .nil),
          Parameter("width", default: .number(0)),
          Parameter("align", default: .string("right")), Parameter("sci", default: .bool(false)),
          Parameter("percent", default: .bool(false)),
        ],
        doc: """
          x as text: numbers with `digits` decimals (in scientific notation with sci: true, \
          as a percentage with percent: true), padded to `width` characters and aligned \
          "left", "right" or "center".

              format(3.14159, digits: 2)
          """
      ) { args in .string(try formatValue(args)) })
  }
}

private func formatValue(_ args: Arguments) throws -> String {
  let x = try args.value("x")
  let digits = try args.optional("digits") { try args.nonNegativeInt($0) }
  if let digits, digits > 20 { throw args.bad("digits", expected: "at most 20") }
  var text: String
  if case .number(var n) = x {
    let percent = try args.bool("percent")
    if percent { n *= 100 }
    if try args.bool("sci") {
      text = String(format: "%.\(digits ?? 3)e", n)
    } else if let digits {
      text = String(format: "%.\(digits)f", n)
    } else {
      text = formatNumber(n)
    }
    if !n.isFinite { text = formatNumber(n) }
    if percent { text += "%" }
  } else {
    guard !args.isGiven("digits"), !args.isGiven("sci"), !args.isGiven("percent") else {
      throw args.bad("x", expected: "a number when digits, sci or percent are given")
    }
    text = x.description
  }
  let width = try args.nonNegativeInt("width")
  guard width <= Limits.maxStringBytes / 4 else {
    throw args.bad("width", expected: "a smaller width")
  }
  let missing = max(0, width - text.count)
  switch try args.string("align") {
  case "right": return String(repeating: " ", count: missing) + text
  case "left": return text + String(repeating: " ", count: missing)
  case "center":
    let left = missing / 2
    return String(repeating: " ", count: left) + text
      + String(repeating: " ", count: missing - left)
  default: throw args.bad("align", expected: "\"left\", \"right\" or \"center\"")
  }
}
