// Cache keys for `cache: true` cells: what a cached result depends on, part by part.

/// What a cell's cached result would depend on. Each part is a digest so the manifest
/// can say which one changed; `digest` chains them with the previous cell's key, since
/// every cell may read globals that earlier cells wrote.
public struct CacheKey: Codable, Sendable, Hashable {
  /// The cell's code (option lines excluded: `echo` or `fig-cap` do not change values).
  public var source: String
  /// Options that change what runs: `eval`, `error`, `timeout`, `fig-width`, `fig-height`.
  public var options: String
  /// The previous cell's full key (empty for the first cell).
  public var upstream: String
  /// Every parameter, by name.
  public var parameters: String
  /// The seed as text (`-` when none).
  public var seed: String
  /// The lrnb version, with its build when known (`0.1.0 build 48213504-1765093741`).
  public var toolVersion: String
  /// SHA-256 over all of the above.
  public var digest: String

  /// The key of `cell` given the key of the cell before it.
  public init(
    cell: Cell, upstream: String, parameters: [Parameter], seed: UInt64?, toolVersion: String
  ) {
    let code = cell.source.text.split(separator: "\n", omittingEmptySubsequences: false)
      .dropFirst(cell.optionLineCount).joined(separator: "\n")
    source = SHA256.hex(code)
    let o = cell.options
    options = SHA256.hex(
      "eval=\(o.eval);error=\(o.error);timeout=\(o.timeout.map { "\($0)" } ?? "-");"
        + "fig-width=\(o.figWidth.map { "\($0)" } ?? "-");fig-height=\(o.figHeight.map { "\($0)" } ?? "-")"
    )
    self.upstream = upstream
    self.parameters = SHA256.hex(
      parameters.sorted { $0.name < $1.name }.map { "\($0.name)=\($0.value.lrLiteral)" }.joined(
        separator: "\n"))
    self.seed = seed.map(String.init) ?? "-"
    self.toolVersion = toolVersion
    var hasher = SHA256()
    for part in [source, options, upstream, self.parameters, self.seed, toolVersion] {
      hasher.update(field: part)
    }
    digest = hasher.hexDigest()
  }

  /// The first part that differs from `old`, in the order a reader would look for it.
  func changedPart(since old: CacheKey) -> CacheStatus.MissReason {
    if source != old.source { return .sourceChanged }
    if options != old.options { return .optionsChanged }
    if parameters != old.parameters { return .parametersChanged }
    if seed != old.seed { return .seedChanged }
    if toolVersion != old.toolVersion { return .toolVersionChanged }
    return .upstreamChanged
  }
}
