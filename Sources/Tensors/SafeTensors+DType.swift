// The element types a safetensors file may hold, and their conversion to Float32.

/// A safetensors dtype that `SafeTensors` reads (every one converts to Float32).
enum SafeTensorsDType: String, CaseIterable {
  case f64 = "F64"
  case f32 = "F32"
  case f16 = "F16"
  case bf16 = "BF16"
  case i64 = "I64"
  case i32 = "I32"
  case i16 = "I16"
  case i8 = "I8"
  case u64 = "U64"
  case u32 = "U32"
  case u16 = "U16"
  case u8 = "U8"
  case bool = "BOOL"

  /// Bytes per element.
  var size: Int {
    switch self {
    case .f64, .i64, .u64: 8
    case .f32, .i32, .u32: 4
    case .f16, .bf16, .i16, .u16: 2
    case .i8, .u8, .bool: 1
    }
  }

  /// Converts `count` little-endian elements at `source` into `target`.
  func convert(
    _ source: UnsafeRawBufferPointer, into target: UnsafeMutableBufferPointer<Float>
  ) {
    let n = target.count
    switch self {
    case .f32:
      #if _endian(little)
        // The file's byte order is the machine's: one copy, no per-element work.
        UnsafeMutableRawBufferPointer(target).copyMemory(
          from: UnsafeRawBufferPointer(rebasing: source.prefix(n * 4)))
      #else
        for i in 0..<n {
          target[i] = Float(bitPattern: UInt32(littleEndian: load(source, i, UInt32.self)))
        }
      #endif
    case .f64:
      for i in 0..<n {
        target[i] = Float(Double(bitPattern: UInt64(littleEndian: load(source, i, UInt64.self))))
      }
    case .f16:
      for i in 0..<n { target[i] = halfToFloat(UInt16(littleEndian: load(source, i, UInt16.self))) }
    case .bf16:
      for i in 0..<n {
        let bits = UInt32(UInt16(littleEndian: load(source, i, UInt16.self))) << 16
        target[i] = Float(bitPattern: bits)
      }
    case .i64:
      for i in 0..<n { target[i] = Float(Int64(littleEndian: load(source, i, Int64.self))) }
    case .i32:
      for i in 0..<n { target[i] = Float(Int32(littleEndian: load(source, i, Int32.self))) }
    case .i16:
      for i in 0..<n { target[i] = Float(Int16(littleEndian: load(source, i, Int16.self))) }
    case .i8: for i in 0..<n { target[i] = Float(load(source, i, Int8.self)) }
    case .u64:
      for i in 0..<n { target[i] = Float(UInt64(littleEndian: load(source, i, UInt64.self))) }
    case .u32:
      for i in 0..<n { target[i] = Float(UInt32(littleEndian: load(source, i, UInt32.self))) }
    case .u16:
      for i in 0..<n { target[i] = Float(UInt16(littleEndian: load(source, i, UInt16.self))) }
    case .u8: for i in 0..<n { target[i] = Float(source[i]) }
    case .bool: for i in 0..<n { target[i] = source[i] == 0 ? 0 : 1 }
    }
  }
}

/// Element `i` of type `T` at `source`, read without assuming alignment (safetensors
/// offsets need not be multiples of the element size).
@inline(__always)
private func load<T: FixedWidthInteger>(
  _ source: UnsafeRawBufferPointer, _ i: Int, _ type: T.Type
) -> T {
  source.loadUnaligned(fromByteOffset: i * MemoryLayout<T>.size, as: T.self)
}

/// An IEEE 754 half-precision number as a Float (exact: every half is a float), done by
/// hand because `Float16` is unavailable on some platforms Swift supports.
func halfToFloat(_ h: UInt16) -> Float {
  let sign = UInt32(h >> 15) << 31
  let exponent = Int((h >> 10) & 0x1F)
  let mantissa = UInt32(h & 0x3FF)
  switch exponent {
  case 0:
    // Zero or subnormal: mantissa · 2⁻²⁴.
    let magnitude = Float(mantissa) * 0x1p-24
    return sign == 0 ? magnitude : -magnitude
  case 0x1F:
    return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
  default:
    return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | (mantissa << 13))
  }
}
