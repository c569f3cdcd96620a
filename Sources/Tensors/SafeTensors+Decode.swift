// Reading safetensors: validate the header against the file length, then convert the data.

/// One tensor's entry in the header.
private struct HeaderEntry {
  var name: String
  var dtype: SafeTensorsDType
  var shape: [Int]
  var begin: Int
  var end: Int
}

extension SafeTensors {
  static func decode(_ raw: UnsafeRawBufferPointer, fileName: String) throws
    -> SafeTensorsArchive
  {
    func fail(_ message: String) -> SafeTensorsError {
      SafeTensorsError(file: fileName, message: message)
    }
    guard raw.count >= 8 else {
      throw fail("the file is \(raw.count) bytes, too short for a safetensors header")
    }
    let declared = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
    guard declared <= UInt64(maxHeaderBytes) else {
      throw fail(
        "header length \(declared) exceeds the limit of \(maxHeaderBytes) bytes"
          + " (not a safetensors file, or corrupt)")
    }
    let headerLength = Int(declared)
    guard headerLength <= raw.count - 8 else {
      throw fail("header length \(headerLength) runs past the end of the file (\(raw.count) bytes)")
    }
    let headerBytes = Array(raw[8..<(8 + headerLength)])
    guard headerBytes.first == UInt8(ascii: "{") else {
      throw fail("the header does not start with '{' (not a safetensors file?)")
    }
    let json: HeaderJSON
    do {
      json = try HeaderJSONParser.parse(headerBytes)
    } catch {
      throw fail("the header is not valid JSON: \(error.message)")
    }
    guard case .object(let fields) = json else { throw fail("the header is not a JSON object") }

    var metadata: [String: String] = [:]
    var entries: [HeaderEntry] = []
    var seen = Set<String>()
    for (key, value) in fields {
      guard seen.insert(key).inserted else { throw fail("the header names '\(key)' twice") }
      if key == metadataKey {
        metadata = try parseMetadata(value, fail)
      } else {
        entries.append(try parseEntry(key, value, fail))
      }
    }

    let data = UnsafeRawBufferPointer(rebasing: raw[(8 + headerLength)...])
    try checkLayout(&entries, dataCount: data.count, fail)

    var tensors: [String: Tensor] = [:]
    var dtypes: [String: String] = [:]
    for entry in entries {
      let bytes = UnsafeRawBufferPointer(rebasing: data[entry.begin..<entry.end])
      do {
        tensors[entry.name] = try Tensor(shape: entry.shape) {
          entry.dtype.convert(bytes, into: $0)
        }
      } catch {
        throw fail("tensor '\(entry.name)': \(error)")
      }
      dtypes[entry.name] = entry.dtype.rawValue
    }
    return SafeTensorsArchive(
      tensors: tensors, metadata: metadata, names: entries.map(\.name), dtypes: dtypes)
  }

  private static func parseMetadata(
    _ value: HeaderJSON, _ fail: (String) -> SafeTensorsError
  ) throws -> [String: String] {
    guard case .object(let pairs) = value else {
      throw fail("'\(metadataKey)' is not an object of strings")
    }
    var metadata: [String: String] = [:]
    for (key, item) in pairs {
      guard case .string(let text) = item else {
        throw fail("metadata '\(key)' is not a string")
      }
      metadata[key] = text
    }
    return metadata
  }

  private static func parseEntry(
    _ name: String, _ value: HeaderJSON, _ fail: (String) -> SafeTensorsError
  ) throws -> HeaderEntry {
    guard case .object(let fields) = value else {
      throw fail("tensor '\(name)' is not described by an object")
    }
    func field(_ key: String) throws -> HeaderJSON {
      guard let found = fields.first(where: { $0.0 == key }) else {
        throw fail("tensor '\(name)' has no '\(key)'")
      }
      return found.1
    }
    func integers(_ key: String) throws -> [Int] {
      guard case .array(let items) = try field(key) else {
        throw fail("tensor '\(name)': '\(key)' is not a list of integers")
      }
      return try items.map { item in
        guard case .number(_, let integer?) = item, integer >= 0 else {
          throw fail("tensor '\(name)': '\(key)' holds something other than a non-negative integer")
        }
        return integer
      }
    }
    guard case .string(let code) = try field("dtype") else {
      throw fail("tensor '\(name)': 'dtype' is not a string")
    }
    guard let dtype = SafeTensorsDType(rawValue: code) else {
      let known = SafeTensorsDType.allCases.map(\.rawValue).joined(separator: " ")
      throw fail("tensor '\(name)' has dtype \(code), which lrnb cannot read (it reads \(known))")
    }
    let shape = try integers("shape")
    let offsets = try integers("data_offsets")
    guard offsets.count == 2, offsets[0] <= offsets[1] else {
      throw fail("tensor '\(name)': 'data_offsets' must be [begin, end] with begin ≤ end")
    }
    var bytes = dtype.size
    for dimension in shape {
      let (product, overflow) = bytes.multipliedReportingOverflow(by: dimension)
      guard !overflow else { throw fail("tensor '\(name)' has an impossibly large shape \(shape)") }
      bytes = product
    }
    guard offsets[1] - offsets[0] == bytes else {
      throw fail(
        "tensor '\(name)' of shape \(shape) and dtype \(code) needs \(bytes) bytes,"
          + " but its offsets \(offsets) span \(offsets[1] - offsets[0])")
    }
    return HeaderEntry(name: name, dtype: dtype, shape: shape, begin: offsets[0], end: offsets[1])
  }

  /// Sorts `entries` by offset and checks that they tile the data section exactly: no
  /// overlaps, no gaps, nothing past the end (the reference implementation's rules).
  private static func checkLayout(
    _ entries: inout [HeaderEntry], dataCount: Int, _ fail: (String) -> SafeTensorsError
  ) throws {
    entries.sort { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
    var expected = 0
    var previous: String?
    for entry in entries {
      guard entry.end <= dataCount else {
        throw fail(
          "tensor '\(entry.name)' needs data bytes \(entry.begin)..<\(entry.end), but the file"
            + " holds only \(dataCount) (truncated?)")
      }
      if entry.begin < expected, let previous {
        throw fail("tensors '\(previous)' and '\(entry.name)' overlap in the data section")
      }
      guard entry.begin == expected else {
        throw fail("the data section has a gap of unused bytes before tensor '\(entry.name)'")
      }
      expected = entry.end
      previous = entry.name
    }
    guard expected == dataCount else {
      throw fail(
        "the data section holds \(dataCount) bytes but the tensors cover only \(expected)")
    }
  }
}
