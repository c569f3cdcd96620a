// gzip decompression with zlib, a chunk at a time, from bytes held in memory.
import CZlib

/// Inflates gzip (or zlib) data in chunks, so a caller can stop early (a `limit`) and never
/// holds more decompressed data than it asked for. Concatenated gzip members (as `cat a.gz
/// b.gz` makes) are read as one stream; anything else after the last member is ignored,
/// as `gunzip` does with trailing zeros.
final class Inflater {
  /// zlib's state must not move between calls (it keeps a pointer back to the stream),
  /// so it lives in its own allocation.
  private let stream: UnsafeMutablePointer<z_stream>
  /// How many input bytes have been consumed.
  private(set) var consumed = 0
  /// True once the last member has ended.
  private(set) var isFinished = false

  /// A new inflater at the start of a stream.
  init() throws(InflateError) {
    stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    // 15 + 32: the largest window, and detect the gzip or zlib header automatically.
    let status = inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
    guard status == Z_OK else {
      stream.deallocate()
      throw InflateError(message: "zlib could not start (status \(status))")
    }
  }

  deinit {
    inflateEnd(stream)
    stream.deallocate()
  }

  /// Decompresses from `input[consumed...]` into `output`; returns the bytes written,
  /// fewer than `output.count` only when the stream has ended.
  /// - Throws: `InflateError` for corrupt or truncated data.
  func inflate(from input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer)
    throws(InflateError) -> Int
  {
    guard let inBase = input.baseAddress, let outBase = output.baseAddress else { return 0 }
    var produced = 0
    while produced < output.count, !isFinished {
      let availableIn = UInt32(clamping: input.count - consumed)
      let availableOut = UInt32(clamping: output.count - produced)
      stream.pointee.next_in = UnsafeMutablePointer(
        mutating: (inBase + consumed).assumingMemoryBound(to: Bytef.self))
      stream.pointee.avail_in = availableIn
      stream.pointee.next_out = (outBase + produced).assumingMemoryBound(to: Bytef.self)
      stream.pointee.avail_out = availableOut
      let status = CZlib.inflate(stream, Z_NO_FLUSH)
      consumed += Int(availableIn - stream.pointee.avail_in)
      produced += Int(availableOut - stream.pointee.avail_out)
      switch status {
      case Z_OK:
        continue
      case Z_STREAM_END:
        let rest = input.count - consumed
        if rest >= 2, input[consumed] == 0x1F, input[consumed + 1] == 0x8B {
          inflateReset(stream)
        } else {
          isFinished = true
        }
      case Z_BUF_ERROR where consumed == input.count:
        throw InflateError(message: "the gzip data ends early (truncated file?)")
      default:
        let detail = stream.pointee.msg.map { String(cString: $0) } ?? "status \(status)"
        throw InflateError(message: "corrupt gzip data (\(detail))")
      }
    }
    return produced
  }
}

/// Why inflating failed; the caller adds the file name.
struct InflateError: Error {
  var message: String
}
