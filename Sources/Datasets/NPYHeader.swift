// The .npy header: a Python dict literal with descr, fortran_order and shape.

/// The parsed header of a `.npy` file.
struct NPYHeader {
  /// The dtype string as written, e.g. `<f4`.
  var descr: String
  var fortranOrder: Bool
  var shape: [Int]
  /// `f`, `i`, `u` or `b`.
  var kind: Character
  var itemSize: Int
  var bigEndian: Bool

  /// Parses `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`.
  init(parsing text: String) throws(NPYHeaderError) {
    var scanner = PythonLiteralScanner(text)
    let fields = try scanner.dictionary()
    guard case .string(let descr)? = fields["descr"] else {
      throw NPYHeaderError(message: "no 'descr' string (structured dtypes are not supported)")
    }
    guard case .bool(let fortran)? = fields["fortran_order"] else {
      throw NPYHeaderError(message: "no 'fortran_order'")
    }
    guard case .tuple(let shape)? = fields["shape"] else {
      throw NPYHeaderError(message: "no 'shape' tuple")
    }
    let order = descr.first ?? " "
    let code = descr.dropFirst()
    let supported = ["f2", "f4", "f8", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "b1"]
    guard "<>|=".contains(order), supported.contains(String(code)), let kind = code.first,
      let size = Int(code.dropFirst())
    else {
      throw NPYHeaderError(
        message:
          "dtype '\(descr)' is not supported (lrnb reads \(supported.joined(separator: " ")))")
    }
    self.descr = descr
    self.fortranOrder = fortran
    self.shape = shape
    self.kind = kind
    self.itemSize = size
    self.bigEndian = order == ">"
  }

  /// Converts `buffer.count` elements of this dtype at `source` to Float.
  func convert(_ source: UnsafeRawBufferPointer, into buffer: UnsafeMutableBufferPointer<Float>) {
    func bits<T: FixedWidthInteger>(_ i: Int, _: T.Type) -> T {
      let raw = source.loadUnaligned(fromByteOffset: i * MemoryLayout<T>.size, as: T.self)
      return bigEndian ? T(bigEndian: raw) : T(littleEndian: raw)
    }
    for i in buffer.indices {
      buffer[i] =
        switch (kind, itemSize) {
        case ("f", 2): Float(halfBits: bits(i, UInt16.self))
        case ("f", 4): Float(bitPattern: bits(i, UInt32.self))
        case ("f", 8): Float(Double(bitPattern: bits(i, UInt64.self)))
        case ("i", 1): Float(Int8(bitPattern: source[i]))
        case ("i", 2): Float(bits(i, Int16.self))
        case ("i", 4): Float(bits(i, Int32.self))
        case ("i", 8): Float(bits(i, Int64.self))
        case ("u", 2): Float(bits(i, UInt16.self))
        case ("u", 4): Float(bits(i, UInt32.self))
        case ("u", 8): Float(bits(i, UInt64.self))
        case ("b", _): source[i] == 0 ? 0 : 1
        default: Float(source[i])  // u1
        }
    }
  }
}

extension Float {
  /// The value of IEEE half-precision bits (exact).
  init(halfBits h: UInt16) {
    let sign: Float = h >> 15 == 0 ? 1 : -1
    let exponent = Int((h >> 10) & 0x1F)
    let mantissa = Float(h & 0x3FF)
    switch exponent {
    case 0: self = sign * mantissa * 0x1p-24
    case 0x1F: self = mantissa == 0 ? sign * .infinity : .nan
    default:
      self =
        sign * (1 + mantissa / 1024) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
    }
  }
}

/// What is wrong with a header; the reader adds the file name.
struct NPYHeaderError: Error {
  var message: String
}

/// A value in the header's Python literal.
enum PythonLiteral {
  case string(String)
  case bool(Bool)
  case tuple([Int])
}

/// Reads the small subset of Python literals `numpy.save` writes.
struct PythonLiteralScanner {
  private let characters: [Character]
  private var position = 0

  init(_ text: String) { characters = Array(text) }

  mutating func dictionary() throws(NPYHeaderError) -> [String: PythonLiteral] {
    try expect("{")
    var fields: [String: PythonLiteral] = [:]
    while try peek() != "}" {
      guard case .string(let key) = try value() else { throw fail("a key is not a string") }
      try expect(":")
      fields[key] = try value()
      if try peek() == "," { position += 1 }
    }
    position += 1
    return fields
  }

  private func fail(_ message: String) -> NPYHeaderError { NPYHeaderError(message: message) }

  private mutating func peek() throws(NPYHeaderError) -> Character {
    while position < characters.count, characters[position].isWhitespace { position += 1 }
    guard position < characters.count else { throw fail("the header ends early") }
    return characters[position]
  }

  private mutating func expect(_ c: Character) throws(NPYHeaderError) {
    guard try peek() == c else { throw fail("expected '\(c)'") }
    position += 1
  }

  private mutating func value() throws(NPYHeaderError) -> PythonLiteral {
    let c = try peek()
    if c == "'" || c == "\"" {
      position += 1
      guard let end = characters[position...].firstIndex(of: c) else {
        throw fail("an unclosed string")
      }
      defer { position = end + 1 }
      return .string(String(characters[position..<end]))
    }
    if c == "(" {
      position += 1
      var items: [Int] = []
      while try peek() != ")" {
        let start = position
        while position < characters.count, characters[position].isNumber { position += 1 }
        // Python 2 wrote long integers as `3L`.
        if position < characters.count, characters[position] == "L" { position += 1 }
        guard let n = Int(String(characters[start..<position]).trimmingSuffix("L")) else {
          throw fail("a shape entry is not a non-negative integer")
        }
        items.append(n)
        if try peek() == "," { position += 1 }
      }
      position += 1
      return .tuple(items)
    }
    for (word, literal) in [("True", true), ("False", false)]
    where characters[position...].starts(with: word) {
      position += word.count
      return .bool(literal)
    }
    throw fail("an unexpected '\(c)'")
  }
}

extension String {
  fileprivate func trimmingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
  }
}
