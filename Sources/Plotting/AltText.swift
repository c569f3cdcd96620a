// Alternative text generated from a figure: kind, title, axes with ranges, series names.

extension Figure {
  /// The figure's alt text: `alt` when set, else a description generated from its contents.
  public var altText: String {
    if let alt, !alt.isEmpty { return alt }
    return generatedAltText
  }

  /// A description of the figure for readers who cannot see it, e.g.
  /// `Line plot "training loss". x axis "epoch" (linear, 0 to 10); y axis "loss"
  /// (log, 0.001 to 1). Series: train, test.`
  public var generatedAltText: String {
    let used = panels.filter { $0.visible && (!$0.series.isEmpty || $0.title != nil) }
    if used.count <= 1 {
      let axes = used.first ?? panels.first ?? Axes()
      var text = axes.altDescription(figureTitle: title)
      if text.isEmpty { text = "Empty figure" }
      return text
    }
    if used.allSatisfy(\.isImageOnly) {
      var text = "Grid of \(used.count) images in \(gridWords)"
      if let title, !title.isEmpty { text += ", \"\(title)\"" }
      let titles = used.compactMap(\.title).filter { !$0.isEmpty }
      if !titles.isEmpty { text += ". Titles: " + titles.joined(separator: ", ") }
      return text + "."
    }
    var text = "Figure"
    if let title, !title.isEmpty { text += " \"\(title)\"" }
    text += " with \(used.count) panels in \(gridWords)."
    for (i, axes) in used.enumerated() {
      text += " Panel \(i + 1): " + axes.altDescription(figureTitle: nil)
    }
    return text
  }
}

extension Figure {
  /// `2 rows and 3 columns`, singular where it should be.
  fileprivate var gridWords: String {
    "\(rows) row\(rows == 1 ? "" : "s") and \(columns) column\(columns == 1 ? "" : "s")"
  }
}

extension Axes {
  /// One panel in words.
  func altDescription(figureTitle: String?) -> String {
    var kinds: [String] = []
    for s in series where !kinds.contains(s.kindName) && !["annotation"].contains(s.kindName) {
      kinds.append(s.kindName)
    }
    var text = kinds.isEmpty ? "Empty plot" : kinds.joined(separator: " and ").capitalizedFirst
    if !kinds.isEmpty, !["heatmap", "image"].contains(kinds.first ?? "") { text += " plot" }
    let heading = [figureTitle, title].compactMap { $0 }.filter { !$0.isEmpty }
    if !heading.isEmpty { text += " \"" + heading.joined(separator: ": ") + "\"" }
    text += "."
    if isImageOnly, case .image(let m)? = series.first?.data {
      return text + " \(m.columns)×\(m.rows) pixels."
    }
    if case .heatmap(let m)? = series.first(where: { $0.kindName == "heatmap" })?.data,
      let s = series.first(where: { $0.kindName == "heatmap" })
    {
      let (lo, hi) = s.colorRange
      text +=
        " \(m.rows)×\(m.columns) matrix, colour \(s.style.colormap.name) from "
        + "\(NumberFormat.short(lo)) to \(NumberFormat.short(hi))."
    }
    guard !series.isEmpty else { return text }
    let (ex, ey) = dataExtents()
    let (x0, x1) = Axes.limits(ex, kind: xscale, fixedLower: xmin, fixedUpper: xmax)
    let (y0, y1) = Axes.limits(ey, kind: yscale, fixedLower: ymin, fixedUpper: ymax)
    let categories = barCategories
    let xPart =
      categories.isEmpty
      ? axisWords("x", xlabel, xscale, x0, x1)
      : "x axis\(quoted(xlabel)) with categories " + categories.prefix(12).joined(separator: ", ")
    text += " " + xPart + "; " + axisWords("y", ylabel, yscale, y0, y1) + "."
    let names = series.compactMap(\.style.label).filter { !$0.isEmpty }
    if !names.isEmpty { text += " Series: " + names.joined(separator: ", ") + "." }
    return text
  }

  private func quoted(_ label: String?) -> String {
    guard let label, !label.isEmpty else { return "" }
    return " \"\(label)\""
  }

  private func axisWords(
    _ name: String, _ label: String?, _ kind: ScaleKind, _ lo: Double, _ hi: Double
  )
    -> String
  {
    "\(name) axis\(quoted(label)) (\(kind.rawValue), \(NumberFormat.short(lo)) to \(NumberFormat.short(hi)))"
  }
}

extension String {
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
