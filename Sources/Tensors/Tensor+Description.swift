// A NumPy-like printout: a shape header, then aligned rows, truncated with … when large.

extension Tensor: CustomStringConvertible {
  /// Axes longer than this show only their first and last `summaryEdge` entries.
  static let summaryThreshold = 10
  /// How many entries a summarised axis shows at each end.
  static let summaryEdge = 3

  /// `tensor [2, 3]` on the first line, then the scalars with about four significant
  /// digits in aligned columns, NumPy style; long axes are cut to `a  b  c  …  x  y  z`.
  ///
  /// ```
  /// tensor [2, 3]
  /// [[ 1.000  -2.500   0.125]
  ///  [ 4.000   5.000   6.000]]
  /// ```
  public var description: String {
    let header = "tensor \(shape)"
    if count == 0 { return header + "\n[]" }
    let format = ScalarFormat(sample: shownOffsets().map { storage.pointer[$0] })
    if rank == 0 { return header + "\n" + format.string(storage.pointer[0]) }
    var lines: [String] = []
    var current = ""
    appendBlock(axis: 0, offset: 0, format: format, lines: &lines, current: &current)
    lines.append(current)
    return header + "\n" + lines.joined(separator: "\n")
  }

  /// The indices shown along an axis of `size` (nil marks the elision).
  private static func shownIndices(_ size: Int) -> [Int?] {
    guard size > summaryThreshold else { return Array(0..<size) }
    return Array(0..<summaryEdge) + [nil] + Array((size - summaryEdge)..<size)
  }

  /// Flat offsets of every scalar the printout shows, to choose one format for all.
  private func shownOffsets() -> [Int] {
    var offsets = [0]
    let strides = self.strides
    for axis in 0..<rank {
      let indices = Tensor.shownIndices(shape[axis]).compactMap { $0 }
      offsets = offsets.flatMap { base in indices.map { base + $0 * strides[axis] } }
    }
    return offsets
  }

  /// Appends the nested-bracket text of the sub-tensor at `offset` spanning axes `axis...`.
  private func appendBlock(
    axis: Int, offset: Int, format: ScalarFormat, lines: inout [String], current: inout String
  ) {
    current += "["
    let stride = strides[axis]
    let shown = Tensor.shownIndices(shape[axis])
    if axis == rank - 1 {
      let cells = shown.map { index in
        index.map { format.string(storage.pointer[offset + $0 * stride]) } ?? "…"
      }
      current += cells.joined(separator: "  ") + "]"
      return
    }
    let indent = String(repeating: " ", count: axis + 1)
    let gap = rank - axis - 2  // blank lines between blocks of higher axes
    for (position, index) in shown.enumerated() {
      if position > 0 {
        lines.append(current)
        lines.append(contentsOf: Array(repeating: "", count: gap))
        current = indent
      }
      if let index {
        appendBlock(
          axis: axis + 1, offset: offset + index * stride, format: format, lines: &lines,
          current: &current)
      } else {
        current += "…"
      }
    }
    current += "]"
  }
}
