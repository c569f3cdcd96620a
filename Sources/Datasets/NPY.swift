// NumPy's .npy files (raw or gzipped): v1–v3 headers, common dtypes, C or Fortran order.
import Foundation
import Tensors

/// Reads `.npy` files as written by `numpy.save`: the magic `\x93NUMPY`, a version, a
/// Python-literal header `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`,
/// then the data. Reads dtypes `f2 f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1` in either byte order,
/// converting to Float32; Fortran-ordered arrays are transposed into row-major order.
///
/// ```swift
/// let x = try NPY.read(URL(fileURLWithPath: "features.npy"))   // shape as saved
/// ```
public enum NPY {
  /// NumPy itself refuses headers over 10,000 bytes by default; a little more slack here,
  /// and anything larger is a corrupt file.
  static let maxHeaderBytes = 100_000

  /// The array in the file as a Float32 tensor of its shape.
  /// - Throws: `DatasetError` naming the file for a bad magic string, an unsupported
  ///   dtype, a malformed header, or data shorter or longer than the header promises.
  public static func read(_ url: URL) throws -> Tensor {
    let file = try DataFile(url)
    let magic = try file.read(exactly: 8, what: "the magic string")
    guard magic[0..<6].elementsEqual([0x93] + Array("NUMPY".utf8)) else {
      throw file.error("not a NumPy .npy file (bad magic string)")
    }
    let version = magic[6]
    guard (1...3).contains(version) else {
      throw file.error("unknown .npy format version \(version)")
    }
    let lengthBytes = try file.read(exactly: version == 1 ? 2 : 4, what: "the header length")
    let headerLength = lengthBytes.reversed().reduce(0) { $0 << 8 | Int($1) }
    guard headerLength <= maxHeaderBytes else {
      throw file.error(
        "header length \(headerLength) exceeds \(maxHeaderBytes) bytes (corrupt file?)")
    }
    let headerBytes = try file.read(exactly: headerLength, what: "the header")
    guard let text = String(validating: headerBytes, as: UTF8.self) else {
      throw file.error("the header is not text")
    }
    let header: NPYHeader
    do {
      header = try NPYHeader(parsing: text)
    } catch {
      throw file.error(
        "bad header (\(error.message)): \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
    }
    return try readData(file, header, dataStart: 8 + lengthBytes.count + headerLength)
  }

  private static func readData(_ file: DataFile, _ header: NPYHeader, dataStart: Int) throws
    -> Tensor
  {
    var count = 1
    for dimension in header.shape {
      let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
      guard !overflow else { throw file.error("shape \(header.shape) is impossibly large") }
      count = product
    }
    let available = file.maxLength - dataStart
    let (bytes, overflow) = count.multipliedReportingOverflow(by: header.itemSize)
    guard !overflow, bytes <= available else {
      throw file.error(
        "the header promises shape \(header.shape) of \(header.descr) (\(overflow ? "too many" : "\(bytes)")"
          + " bytes), but the file holds at most \(available) (wrong shape, or a truncated file)")
    }
    // Fortran order is the C order of the reversed shape; transpose it back afterwards.
    let stored = header.fortranOrder ? header.shape.reversed() : header.shape
    var tensor: Tensor
    do {
      tensor = try Tensor(shape: stored) { buffer in
        var raw = [UInt8](repeating: 0, count: bytes)
        let got = try raw.withUnsafeMutableBytes { try file.read(into: $0) }
        guard got == bytes else {
          throw file.error(
            "truncated: the header promises \(bytes) bytes of data, the file holds \(got)")
        }
        raw.withUnsafeBytes { header.convert($0, into: buffer) }
      }
      if header.fortranOrder, header.shape.count > 1 {
        tensor = try tensor.permuted(Array((0..<header.shape.count).reversed()))
      }
    } catch let error as TensorError {
      throw file.error("\(error)")
    }
    guard try file.isAtEnd() else {
      throw file.error("the file has more data than its header's shape \(header.shape) describes")
    }
    return tensor
  }
}
