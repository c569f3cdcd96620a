// Writing safetensors: a sorted JSON header padded to 8 bytes, then F32 data in name order.

extension SafeTensors {
  /// The safetensors bytes for `tensors` (stored as F32) and `metadata`.
  ///
  /// Tensors are laid out in name order, so the same dictionary always gives the same
  /// bytes. The header is padded with spaces so the data starts on an 8-byte boundary, as
  /// the format recommends.
  /// - Throws: `SafeTensorsError` when a tensor is named `__metadata__`.
  public static func encode(_ tensors: [String: Tensor], metadata: [String: String] = [:]) throws
    -> [UInt8]
  {
    try encode(tensors, metadata: metadata, fileName: "<memory>")
  }

  static func encode(_ tensors: [String: Tensor], metadata: [String: String], fileName: String)
    throws -> [UInt8]
  {
    guard tensors[metadataKey] == nil else {
      throw SafeTensorsError(
        file: fileName, message: "a tensor may not be named '\(metadataKey)' (reserved)")
    }
    let names = tensors.keys.sorted()
    var entries: [String] = []
    if !metadata.isEmpty {
      let pairs = metadata.sorted { $0.key < $1.key }.map {
        jsonQuoted($0.key) + ":" + jsonQuoted($0.value)
      }
      entries.append(jsonQuoted(metadataKey) + ":{" + pairs.joined(separator: ",") + "}")
    }
    var offset = 0
    for name in names {
      guard let tensor = tensors[name] else { continue }
      let size = tensor.count * MemoryLayout<Float>.size
      let shape = tensor.shape.map(String.init).joined(separator: ",")
      entries.append(
        jsonQuoted(name)
          + ":{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(offset + size)]}"
      )
      offset += size
    }
    var header = Array(("{" + entries.joined(separator: ",") + "}").utf8)
    // Pad so that 8 + header length is a multiple of 8: the data then starts aligned.
    header += [UInt8](repeating: 0x20, count: (8 - header.count % 8) % 8)

    var bytes = [UInt8]()
    bytes.reserveCapacity(8 + header.count + offset)
    withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes += $0 }
    bytes += header
    for name in names {
      guard let tensor = tensors[name] else { continue }
      tensor.withUnsafeBufferPointer { scalars in
        #if _endian(little)
          bytes += UnsafeRawBufferPointer(scalars)
        #else
          for x in scalars { withUnsafeBytes(of: x.bitPattern.littleEndian) { bytes += $0 } }
        #endif
      }
    }
    return bytes
  }
}
