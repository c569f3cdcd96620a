// Cell options and parameters through the real binary: the report, JSON and exit status.
import Foundation
import Testing
import _TestSupport

@Suite struct NotebookOptionsTests {
  static let notebook = """
    ---
    title: Options
    seed: 3
    params:
      epochs: 2
      rate: 0.1
      name: base
      flags: [1, 2]
    ---

    ```lr
    #| label: sized
    #| fig-width: 5
    #| fig-height: 2.5
    #| fig-alt: A tiny line
    #| fig-cap: The caption
    lineplot([1, 2, 3])
    ```

    ```lr
    #| label: hidden
    #| echo: false
    print("params: \\(epochs) \\(rate) \\(name) \\(flags)")
    ```

    ```lr
    #| label: quiet
    #| output: false
    print("quiet output")
    ```

    ```lr
    #| label: skipped
    #| eval: false
    error("never evaluated")
    ```

    ```lr
    #| label: allowed
    #| error: true
    error("shown and allowed")
    ```

    ```lr
    #| label: slow
    #| timeout: 0.3
    while true {}
    ```

    ```lr
    print("not reached")
    ```
    """

  @Test func everyOptionAndParameterTyping() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("options.lrnb")
    try Self.notebook.write(to: file, atomically: true, encoding: .utf8)
    let overrides = directory.appendingPathComponent("p.yaml")
    try "rate: 0.5\nflags: [3, 4]\nname: from file\n".write(
      to: overrides, atomically: true, encoding: .utf8)
    let r = try runProcess(
      lrnbExecutable(),
      [
        "run", file.path, "-p", "epochs=5", "-p", "name=flag wins", "--params", overrides.path,
        "--to", "md",
      ])
    #expect(r.status == 70, "\(r.stderr)")
    #expect(r.stderr.contains("cell stopped after its timeout of 0.3 s (#| timeout)"))
    #expect(r.stderr.contains("[7/7] \(file.path):50 … not run"))

    let html = try String(
      contentsOf: directory.appendingPathComponent("options.html"), encoding: .utf8)
    let json = try String(
      contentsOf: directory.appendingPathComponent("options.json"), encoding: .utf8)
    let markdown = try String(
      contentsOf: directory.appendingPathComponent("options.md"), encoding: .utf8)
    // fig-width/height in inches at 96 px per inch; alt and caption on the figure.
    #expect(json.contains("\"width\": 480") && json.contains("\"height\": 240"))
    #expect(html.contains("alt=\"A tiny line\" width=\"480\" height=\"240\""))
    #expect(html.contains("<figcaption>The caption</figcaption>"))
    #expect(markdown.contains("![A tiny line](options_files/fig-sized-1.png)"))
    #expect(
      FileManager.default.fileExists(
        atPath: directory.appendingPathComponent("options_files/fig-sized-1.png").path))
    // Parameters typed from -p and --params; flags win over the file.
    #expect(html.contains("params: 5 0.5 flag wins [3, 4]"))
    #expect(html.contains("<code>epochs = 5</code> <span class=\"overridden\">(overridden)</span>"))
    // echo: false hides the code, output: false the output; eval: false runs nothing.
    #expect(!html.contains("params: \\("))
    #expect(html.contains("&quot;quiet output&quot;"))  // the code
    #expect(!html.contains("<pre class=\"stdout\">quiet output"))
    #expect(json.contains("quiet output"))
    #expect(html.contains("not evaluated"))
    #expect(!html.contains("<span class=\"error-message\">never evaluated"))
    // error: true shows the error and goes on; the timeout stops the run.
    #expect(html.contains("<span class=\"error-message\">shown and allowed</span>"))
    #expect(html.contains("badge-error"))
    #expect(html.contains("The notebook could not") || html.contains("A cell failed."))
    #expect(html.contains("href=\"#cell-slow\""))
    #expect(!html.contains(">not reached"))
  }

  @Test func badParametersAreUsageErrors() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("options.lrnb")
    try Self.notebook.write(to: file, atomically: true, encoding: .utf8)
    for (flag, message) in [
      ("epochs=many", "parameter 'epochs' is a number"), ("unknown=1", "'unknown'"),
      ("noequals", "="),
    ] {
      let r = try runProcess(lrnbExecutable(), ["run", file.path, "-p", flag])
      #expect(r.status == 64, "\(flag): \(r.stderr)")
      #expect(r.stderr.contains(message), "\(flag): \(r.stderr)")
    }
  }
}
