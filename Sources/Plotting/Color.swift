// Colours and the colour-blind-safe categorical palette.

/// An sRGB colour with straight (not premultiplied) alpha, components in 0...1.
public struct Color: Sendable, Hashable {
  /// Red, 0...1.
  public var red: Double
  /// Green, 0...1.
  public var green: Double
  /// Blue, 0...1.
  public var blue: Double
  /// Opacity, 0 transparent ... 1 opaque.
  public var alpha: Double

  /// A colour from components in 0...1 (values outside are clamped).
  public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
    self.red = Color.clamp(red)
    self.green = Color.clamp(green)
    self.blue = Color.clamp(blue)
    self.alpha = Color.clamp(alpha)
  }

  /// A colour from a 24-bit `0xRRGGBB` value.
  public init(hex: UInt32, alpha: Double = 1) {
    self.init(
      red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
      blue: Double(hex & 0xFF) / 255, alpha: alpha)
  }

  /// Parses `#rgb`, `#rrggbb` or `#rrggbbaa` (the `#` is optional), or a few names
  /// (`black`, `white`, `red`, `green`, `blue`, `grey`/`gray`, `orange`, `purple`);
  /// nil when `text` is neither.
  public init?(parsing text: String) {
    let lower = text.lowercased()
    if let named = Color.named[lower] {
      self = named
      return
    }
    var digits = Substring(lower)
    if digits.hasPrefix("#") { digits = digits.dropFirst() }
    guard digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else {
      return nil
    }
    switch digits.count {
    case 3:
      let r = (value >> 8) & 0xF
      let g = (value >> 4) & 0xF
      let b = value & 0xF
      self.init(hex: (r * 17) << 16 | (g * 17) << 8 | b * 17)
    case 6: self.init(hex: value)
    case 8: self.init(hex: value >> 8, alpha: Double(value & 0xFF) / 255)
    default: return nil
    }
  }

  /// The same colour with opacity `alpha`.
  public func withAlpha(_ alpha: Double) -> Color {
    Color(red: red, green: green, blue: blue, alpha: alpha)
  }

  /// Linear interpolation towards `other` by `t` in 0...1.
  public func mixed(with other: Color, _ t: Double) -> Color {
    Color(
      red: red + (other.red - red) * t, green: green + (other.green - green) * t,
      blue: blue + (other.blue - blue) * t, alpha: alpha + (other.alpha - alpha) * t)
  }

  /// `#rrggbb` (and `aa` when not opaque), as used by SVG and HTML.
  public var hexString: String {
    func byte(_ v: Double) -> String {
      let s = String(Int((v * 255).rounded()), radix: 16)
      return s.count == 1 ? "0" + s : s
    }
    return "#" + byte(red) + byte(green) + byte(blue) + (alpha < 1 ? byte(alpha) : "")
  }

  static func clamp(_ v: Double) -> Double { v.isNaN ? 0 : min(1, max(0, v)) }

  /// Black.
  public static let black = Color(hex: 0x000000)
  /// White.
  public static let white = Color(hex: 0xFFFFFF)

  /// The Okabe–Ito palette (Okabe & Ito 2008), distinguishable under the common colour-vision
  /// deficiencies. Ordered so the first colours contrast most on white; yellow comes late
  /// because thin yellow lines are hard to see on white.
  public static let okabeIto: [Color] = [
    0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0xCC79A7, 0x56B4E9, 0xF0E442, 0x000000,
  ].map { Color(hex: $0) }

  static let named: [String: Color] = [
    "black": .black, "white": .white, "red": Color(hex: 0xD55E00),
    "green": Color(hex: 0x009E73), "blue": Color(hex: 0x0072B2), "grey": Color(hex: 0x808080),
    "gray": Color(hex: 0x808080), "orange": Color(hex: 0xE69F00),
    "purple": Color(hex: 0xCC79A7),
  ]
}
