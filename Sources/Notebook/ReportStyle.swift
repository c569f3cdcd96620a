// The report's stylesheet: a centred reading column, light and dark schemes, print rules.

enum ReportStyle {
  /// Inline CSS (no web fonts: the page must not touch the network). System UI fonts for
  /// prose, a monospace stack for code, colours as variables so the dark scheme and
  /// print only swap values.
  static let css = """
    :root {
      --bg: #ffffff; --fg: #1f2328; --muted: #656d76; --faint: #8c959f; --rule: #d8dee4;
      --accent: #2f6feb; --accent-soft: #ddf4ff;
      --code-bg: #f6f8fa; --code-border: #e4e8ec; --output-rule: #c8d1da;
      --error: #cf222e; --error-bg: #fff5f5; --error-border: #ffcecb;
      --warn-bg: #fff8c5; --warn-border: #eac54f;
      --tok-keyword: #cf222e; --tok-string: #0a3069; --tok-number: #0550ae; --tok-comment: #6e7781;
      --tok-function: #8250df; --tok-operator: #953800; --tok-constant: #0550ae;
      --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", "DejaVu Sans", Arial, sans-serif;
      --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
    }
    @media screen and (prefers-color-scheme: dark) {
      :root {
        --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --faint: #6e7681; --rule: #30363d;
        --accent: #4493f8; --accent-soft: #0d2a4d;
        --code-bg: #161b22; --code-border: #262c36; --output-rule: #3d444d;
        --error: #ff7b72; --error-bg: #25171c; --error-border: #5a2a2e;
        --warn-bg: #2e2611; --warn-border: #7a5d12;
        --tok-keyword: #ff7b72; --tok-string: #a5d6ff; --tok-number: #79c0ff; --tok-comment: #8b949e;
        --tok-function: #d2a8ff; --tok-operator: #ffa657; --tok-constant: #79c0ff;
      }
      img { background: #ffffff; border-radius: 4px; }
    }
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body {
      margin: 0; background: var(--bg); color: var(--fg); font-family: var(--sans);
      font-size: 1.0625rem; line-height: 1.65; text-rendering: optimizeLegibility;
    }
    .page { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 3rem; }
    main > :first-child { margin-top: 0; }
    h1, h2, h3, h4, h5, h6 { line-height: 1.25; font-weight: 600; margin: 2.2rem 0 0.8rem; scroll-margin-top: 1rem; }
    h1 { font-size: 1.9rem; } h2 { font-size: 1.5rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--rule); }
    h3 { font-size: 1.25rem; } h4 { font-size: 1.05rem; } h5, h6 { font-size: 1rem; color: var(--muted); }
    .anchor { margin-left: 0.4rem; color: var(--faint); text-decoration: none; opacity: 0; font-weight: 400; }
    h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { opacity: 1; }
    p, ul, ol, dl, blockquote, table, pre, figure { margin: 0 0 1rem; }
    a { color: var(--accent); text-underline-offset: 0.15em; }
    hr { border: 0; border-top: 1px solid var(--rule); margin: 2rem 0; }
    blockquote { margin-left: 0; padding: 0.1rem 1rem; color: var(--muted); border-left: 0.25rem solid var(--rule); }
    li > p { margin: 0.25rem 0; } li + li { margin-top: 0.2rem; }
    ul.contains-task-list, ul:has(> li > input[type=checkbox]) { list-style: none; padding-left: 1.2rem; }
    li > input[type=checkbox] { margin: 0 0.45rem 0 -1.2rem; vertical-align: -0.1rem; }
    code, pre, kbd { font-family: var(--mono); font-size: 0.875em; }
    :not(pre) > code { background: var(--code-bg); border: 1px solid var(--code-border); border-radius: 4px; padding: 0.08em 0.3em; }
    pre { overflow-x: auto; line-height: 1.5; tab-size: 4; }
    main > pre, li > pre, blockquote > pre {
      background: var(--code-bg); border: 1px solid var(--code-border); border-radius: 6px; padding: 0.8rem 1rem;
    }
    img { max-width: 100%; height: auto; }
    del { color: var(--muted); }
    math { font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", "DejaVu Math TeX Gyre", math; font-size: 1.05em; }
    math[display="block"] { margin: 1rem 0; overflow-x: auto; overflow-y: hidden; }
    merror { color: var(--error); }
    main > table, .table-wrap table { border-collapse: collapse; font-size: 0.92rem; font-variant-numeric: tabular-nums; }
    main > table { display: block; overflow-x: auto; }
    th, td { padding: 0.35rem 0.75rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid var(--output-rule); font-weight: 600; }
    td.num, th.num { text-align: right; }
    caption { caption-side: top; text-align: left; color: var(--muted); font-size: 0.88rem; padding-bottom: 0.35rem; }

    .title-block { margin-bottom: 2rem; padding-bottom: 1.2rem; border-bottom: 1px solid var(--rule); }
    .title { font-size: 2.3rem; margin: 0 0 0.4rem; border: 0; letter-spacing: -0.01em; }
    .subtitle { font-size: 1.25rem; color: var(--muted); margin: 0 0 1rem; }
    .meta { display: flex; flex-wrap: wrap; gap: 0.5rem 2.5rem; margin-top: 1rem; }
    .meta-label { text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.72rem; color: var(--muted); }
    .meta-value { font-size: 0.98rem; }

    .toc { font-size: 0.9rem; margin: 0 0 2rem; padding: 0.8rem 1rem; border: 1px solid var(--rule); border-radius: 8px; }
    .toc h2 { font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); border: 0; margin: 0 0 0.4rem; padding: 0; }
    .toc ul { list-style: none; margin: 0; padding: 0; }
    .toc li { margin: 0.15rem 0; }
    .toc a { color: var(--fg); text-decoration: none; }
    .toc a:hover { color: var(--accent); text-decoration: underline; }
    .toc .toc-1 { padding-left: 1rem; } .toc .toc-2 { padding-left: 2rem; } .toc .toc-3 { padding-left: 3rem; }
    @media screen and (min-width: 78rem) {
      .toc {
        position: fixed; top: 2.5rem; left: calc(50% + 24.5rem); width: calc(50% - 26.5rem); max-width: 17rem;
        max-height: calc(100vh - 5rem); overflow-y: auto; border: 0; border-left: 1px solid var(--rule);
        border-radius: 0; padding: 0 0 0 1rem;
      }
    }

    .banner { border: 1px solid var(--error-border); background: var(--error-bg); border-left: 4px solid var(--error);
      border-radius: 6px; padding: 0.8rem 1rem; margin: 0 0 1.5rem; font-size: 0.95rem; }
    .banner p { margin: 0 0 0.4rem; } .banner ul { margin: 0; padding-left: 1.2rem; }
    .warnings { border: 1px solid var(--warn-border); background: var(--warn-bg); border-radius: 6px;
      padding: 0.5rem 1rem; margin: 0 0 1.5rem; font-size: 0.9rem; }
    .warnings summary { cursor: pointer; } .warnings ul { margin: 0.5rem 0 0; padding-left: 1.2rem; }
    .loc { font-family: var(--mono); font-size: 0.82em; color: var(--muted); }

    .cell { margin: 1.5rem 0 1.75rem; scroll-margin-top: 1rem; }
    .cell-header { display: flex; justify-content: space-between; gap: 1rem; font-size: 0.75rem; color: var(--faint);
      margin: 0 0 0.25rem; font-family: var(--mono); }
    .cell-header a.cell-link { color: var(--muted); text-decoration: none; }
    .cell-header a.cell-link:hover { color: var(--accent); }
    .cell-header .loc { font-size: 1em; color: var(--faint); }
    .badge { display: inline-block; padding: 0 0.45rem; border-radius: 999px; border: 1px solid var(--rule); color: var(--muted); }
    .badge-failed { color: var(--error); border-color: var(--error-border); background: var(--error-bg); }
    .badge-error { color: var(--tok-operator); border-color: var(--warn-border); }
    .cache { border-bottom: 1px dotted var(--faint); cursor: help; }
    pre.code { background: var(--code-bg); border: 1px solid var(--code-border); border-left: 3px solid var(--accent);
      border-radius: 6px; padding: 0.75rem 1rem; margin: 0; font-size: 0.95rem; }
    .cell.failed pre.code { border-left-color: var(--error); }
    .cell.not-run pre.code, .cell.skipped pre.code { border-left-color: var(--rule); opacity: 0.65; }
    details.code-fold > summary { cursor: pointer; font-size: 0.85rem; color: var(--muted); margin-bottom: 0.35rem; }
    .cell-output { margin: 0.6rem 0 0; padding-left: 1rem; border-left: 2px solid var(--output-rule); }
    .cell-output > :last-child { margin-bottom: 0; }
    .cell-output pre.stdout, .cell-output pre.display { margin: 0 0 0.75rem; font-size: 0.85rem; white-space: pre-wrap; overflow-wrap: anywhere; }
    .table-wrap { overflow-x: auto; margin: 0 0 0.75rem; }
    .figure { margin: 0.25rem 0 1rem; }
    .figure img { display: block; }
    figcaption { font-size: 0.9rem; color: var(--muted); margin-top: 0.4rem; }
    .unsupported { color: var(--muted); font-style: italic; }
    .error { border: 1px solid var(--error-border); background: var(--error-bg); border-radius: 6px;
      padding: 0.6rem 0.9rem; margin: 0 0 0.75rem; }
    .error-head { margin: 0 0 0.4rem; font-size: 0.92rem; }
    .error-head .severity { color: var(--error); font-weight: 700; text-transform: lowercase; }
    .error-head .severity::after { content: ":"; }
    .error-message { font-weight: 600; }
    .error pre.excerpt { margin: 0 0 0.5rem; font-size: 0.85rem; background: transparent; border: 0; padding: 0; }
    .error-note { margin: 0 0 0.3rem; font-size: 0.88rem; color: var(--muted); }
    .stack { margin: 0; padding-left: 1.3rem; font-size: 0.85rem; color: var(--muted); }

    .tok-keyword { color: var(--tok-keyword); } .tok-string { color: var(--tok-string); }
    .tok-number, .tok-constant { color: var(--tok-number); } .tok-comment { color: var(--tok-comment); font-style: italic; }
    .tok-function { color: var(--tok-function); } .tok-operator { color: var(--tok-operator); }

    .report-footer { margin-top: 3.5rem; padding-top: 1rem; border-top: 1px solid var(--rule); font-size: 0.82rem; color: var(--muted); }
    .report-footer dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: 0.6rem 1.5rem; margin: 0; }
    .report-footer .wide { grid-column: 1 / -1; }
    .report-footer dt { text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.68rem; color: var(--faint); }
    .report-footer dd { margin: 0; }
    .overridden { color: var(--tok-operator); }

    @media print {
      body { font-size: 10.5pt; line-height: 1.5; }
      .page { max-width: none; padding: 0; }
      .toc, .anchor, .warnings { display: none; }
      a { color: inherit; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; }
      .cell, figure, pre, table, .error, .banner { break-inside: avoid; }
      h1, h2, h3, h4 { break-after: avoid; }
      details.code-fold > pre { display: block; }
    }
    """
}
