// One cached cell on disk: its key, its outputs and the values it defined, in one file.
import Foundation
import Lang

/// What the cache keeps for a cell that ran: enough to show it and to go on without
/// running it.
///
/// File layout: the magic `LRNBCE01`, the header's length (UInt64, little-endian), the
/// header (JSON: key, outputs, blob sizes, checksum), then the blobs back to back (the
/// kernel's manifest, its payloads, then images). One file written atomically, so an
/// entry is whole or absent; a damaged one fails its checks and counts as a miss.
struct CacheEntry: Equatable {
  /// The cache key digest the entry was made under.
  var key: String
  /// The cell's outputs, last expression's display included.
  var outputs: [OutputItem]
  /// The kernel's saved values.
  var state: StoredState

  static let magic = Array("LRNBCE01".utf8)
  static let formatVersion = 1
  /// Headers are small (outputs' text and tables); anything larger is damage.
  static let maxHeaderBytes = 256 << 20

  private struct Header: Codable {
    var format: Int
    var key: String
    var names: [String]
    var outputs: [StoredOutput]
    /// Blob 0 is the manifest, then `stateBlobCount` state payloads, then images.
    var stateBlobCount: Int
    var blobSizes: [Int]
    var checksum: String
  }

  private struct StoredOutput: Codable {
    var kind: String
    var text: String?
    var columns: [String]?
    var rows: [[String]]?
    var caption: String?
    var mimeType: String?
    var width: Int?
    var height: Int?
    var alt: String?
    var svg: String?
    var blob: Int?
  }

  /// The entry as file bytes.
  func encoded() throws -> Data {
    var blobs = [state.manifest] + state.blobs
    var storedOutputs: [StoredOutput] = []
    for item in outputs {
      switch item {
      case .stdout(let text): storedOutputs.append(StoredOutput(kind: "stdout", text: text))
      case .display(.text(let text)): storedOutputs.append(StoredOutput(kind: "text", text: text))
      case .display(.table(let t)):
        storedOutputs.append(
          StoredOutput(kind: "table", columns: t.columns, rows: t.rows, caption: t.caption))
      case .display(.image(let image)):
        blobs.append(image.data)
        storedOutputs.append(
          StoredOutput(
            kind: "image", mimeType: image.mimeType, width: image.width, height: image.height,
            alt: image.alt, svg: image.svg, blob: blobs.count - 1))
      }
    }
    let header = Header(
      format: Self.formatVersion, key: key, names: state.names, outputs: storedOutputs,
      stateBlobCount: state.blobs.count, blobSizes: blobs.map(\.count),
      checksum: String(Self.checksum(blobs), radix: 16))
    let json = try JSONEncoder().encode(header)
    var data = Data(capacity: Self.magic.count + 8 + json.count + blobs.reduce(0) { $0 + $1.count })
    data.append(contentsOf: Self.magic)
    withUnsafeBytes(of: UInt64(json.count).littleEndian) { data.append(contentsOf: $0) }
    data.append(json)
    for blob in blobs { data.append(contentsOf: blob) }
    return data
  }

  /// Reads an entry written by `encoded()`. Each blob is copied once out of `data`
  /// (which may be a mapped file): entries can hold hundreds of megabytes of tensors.
  /// - Throws: `CacheRefusal` saying what is wrong with damaged or foreign bytes.
  static func decode(_ data: Data) throws(CacheRefusal) -> CacheEntry {
    let result: Result<CacheEntry, CacheRefusal> = data.withUnsafeBytes { raw in
      do throws(CacheRefusal) {
        return .success(try decode(raw))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  private static func decode(_ raw: UnsafeRawBufferPointer) throws(CacheRefusal) -> CacheEntry {
    let prefix = magic.count + 8
    guard raw.count >= prefix, raw.prefix(magic.count).elementsEqual(magic) else {
      throw CacheRefusal("not a cache entry")
    }
    let length = raw[magic.count..<prefix].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    guard length <= UInt64(min(maxHeaderBytes, raw.count - prefix)) else {
      throw CacheRefusal("the entry is truncated")
    }
    let headerEnd = prefix + Int(length)
    let header: Header
    do {
      header = try JSONDecoder().decode(
        Header.self, from: Data(UnsafeRawBufferPointer(rebasing: raw[prefix..<headerEnd])))
    } catch {
      throw CacheRefusal("the entry's header is unreadable")
    }
    guard header.format == formatVersion else { throw CacheRefusal("the entry has an old format") }
    var total = 0
    for size in header.blobSizes {
      let (sum, overflow) = total.addingReportingOverflow(size)
      guard size >= 0, !overflow else { throw CacheRefusal("the entry's header is unreadable") }
      total = sum
    }
    guard total == raw.count - headerEnd, !header.blobSizes.isEmpty,
      (0..<header.blobSizes.count).contains(header.stateBlobCount)
    else { throw CacheRefusal("the entry is truncated") }
    var blobs: [[UInt8]] = []
    var offset = headerEnd
    for size in header.blobSizes {
      blobs.append(Array(UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + size)])))
      offset += size
    }
    guard String(checksum(blobs), radix: 16) == header.checksum else {
      throw CacheRefusal("the entry's checksum does not match")
    }
    var outputs: [OutputItem] = []
    for stored in header.outputs { outputs.append(try output(stored, blobs: blobs)) }
    let state = StoredState(
      manifest: blobs[0], blobs: Array(blobs[1..<(1 + header.stateBlobCount)]), names: header.names)
    return CacheEntry(key: header.key, outputs: outputs, state: state)
  }

  private static func output(_ stored: StoredOutput, blobs: [[UInt8]]) throws(CacheRefusal)
    -> OutputItem
  {
    switch stored.kind {
    case "stdout": return .stdout(stored.text ?? "")
    case "text": return .display(.text(stored.text ?? ""))
    case "table":
      return .display(
        .table(
          Display.Table(
            columns: stored.columns ?? [], rows: stored.rows ?? [], caption: stored.caption)))
    case "image":
      guard let blob = stored.blob, blobs.indices.contains(blob), let mime = stored.mimeType,
        let width = stored.width, let height = stored.height
      else { throw CacheRefusal("a stored figure is malformed") }
      return .display(
        .image(
          Display.Image(
            data: blobs[blob], mimeType: mime, width: width, height: height,
            alt: stored.alt ?? "", svg: stored.svg)))
    default:
      throw CacheRefusal("the entry holds an unknown kind of output")
    }
  }

  /// FNV-1a over 64-bit words (and each blob's length): cheap enough for big tensors,
  /// and catches the truncation or overwriting that would otherwise restore wrong numbers.
  static func checksum(_ blobs: [[UInt8]]) -> UInt64 {
    let prime: UInt64 = 0x100_0000_01b3
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for blob in blobs {
      blob.withUnsafeBytes { raw in
        var i = 0
        while i + 8 <= raw.count {
          hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* prime
          i += 8
        }
        while i < raw.count {
          hash = (hash ^ UInt64(raw[i])) &* prime
          i += 1
        }
      }
      hash = (hash ^ UInt64(blob.count)) &* prime
    }
    return hash
  }
}
