// Continuous colour maps: viridis (sequential), a red–blue diverging map and greys.

/// A continuous map from 0...1 to colours, piecewise linear between stops.
///
/// ```swift
/// Colormap.viridis.color(at: 0.5)     // teal
/// Colormap.diverging.color(at: 0.5)   // near white: the zero of signed data
/// ```
public struct Colormap: Sendable, Hashable {
  /// A short name for alt text and bindings, e.g. `viridis`.
  public var name: String
  /// Stop positions in 0...1, increasing, first 0 and last 1.
  var positions: [Double]
  /// Colours at `positions`.
  var colors: [Color]

  /// A map through `colors` spaced evenly over 0...1 (at least one colour).
  public init(name: String, colors: [Color]) {
    self.name = name
    let stops = colors.isEmpty ? [Color.black] : colors
    self.colors = stops
    self.positions =
      stops.count == 1 ? [0] : stops.indices.map { Double($0) / Double(stops.count - 1) }
  }

  init(name: String, positions: [Double], colors: [Color]) {
    self.name = name
    self.positions = positions
    self.colors = colors
  }

  /// The colour at `t` (clamped to 0...1; NaN gives the lowest colour).
  public func color(at t: Double) -> Color {
    guard colors.count > 1 else { return colors.first ?? .black }
    let x = t.isNaN ? 0 : min(1, max(0, t))
    var upper = 1
    while upper < positions.count - 1, positions[upper] < x { upper += 1 }
    let lo = positions[upper - 1]
    let hi = positions[upper]
    let f = hi > lo ? (x - lo) / (hi - lo) : 0
    return colors[upper - 1].mixed(with: colors[upper], f)
  }

  /// `count` RGBA8 entries sampled evenly, for mapping large images quickly.
  func lookupTable(count: Int = 256) -> [UInt8] {
    var table: [UInt8] = []
    table.reserveCapacity(count * 4)
    for i in 0..<count {
      let c = color(at: Double(i) / Double(max(1, count - 1)))
      for v in [c.red, c.green, c.blue, c.alpha] { table.append(UInt8((v * 255).rounded())) }
    }
    return table
  }

  /// Perceptually uniform, colour-blind-friendly sequential map (van der Walt & Smith,
  /// CC0), sampled from its 256-entry table at every 16th entry.
  public static let viridis = Colormap(
    name: "viridis",
    positions: [0, 16, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 255].map {
      Double($0) / 255
    },
    colors: [
      (0.267004, 0.004874, 0.329415), (0.282327, 0.094955, 0.417331),
      (0.278826, 0.175490, 0.483397), (0.258965, 0.251537, 0.524736),
      (0.229739, 0.322361, 0.545706), (0.199430, 0.387607, 0.554642),
      (0.172719, 0.448791, 0.557885), (0.149039, 0.508051, 0.557250),
      (0.127568, 0.566949, 0.550556), (0.120638, 0.625828, 0.533488),
      (0.157851, 0.683765, 0.501686), (0.246070, 0.738910, 0.452024),
      (0.369214, 0.788888, 0.382914), (0.515992, 0.831158, 0.294279),
      (0.678489, 0.863742, 0.189503), (0.845561, 0.887322, 0.099702),
      (0.993248, 0.906157, 0.143936),
    ].map { Color(red: $0.0, green: $0.1, blue: $0.2) })

  /// Blue (negative) – white (zero) – red (positive): ColorBrewer's RdBu reversed, safe for
  /// red–green colour blindness. Use with limits symmetric around zero.
  public static let diverging = Colormap(
    name: "diverging",
    colors: [
      0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582,
      0xD6604D, 0xB2182B, 0x67001F,
    ].map { Color(hex: $0) })

  /// Black to white, for grey images such as digits.
  public static let greys = Colormap(name: "greys", colors: [.black, .white])

  /// White to black, as digits are often shown (ink dark on paper).
  public static let greysReversed = Colormap(name: "greys_r", colors: [.white, .black])

  /// The maps bindings can name: `viridis`, `diverging`, `greys`, `greys_r`.
  public static func named(_ name: String) -> Colormap? {
    switch name.lowercased() {
    case "viridis": viridis
    case "diverging", "rdbu", "coolwarm", "bwr": diverging
    case "greys", "grays", "grey", "gray": greys
    case "greys_r", "grays_r", "grey_r", "gray_r": greysReversed
    default: nil
    }
  }
}
