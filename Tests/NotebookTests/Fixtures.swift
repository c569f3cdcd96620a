// Shared notebooks and helpers for the Notebook tests.
import Lang
import Notebook
import Testing

enum Fixtures {
  /// A notebook with front matter, prose, three cells and a non-lr fence.
  static let tour = """
    ---
    title: Robust low-rank training
    author: [Ada, Grace]
    date: 2024-05-01
    seed: 7
    params:
      epochs: 3
      tau: 0.1
      mode: no
    note: kept as metadata
    ---

    # Setup

    Some *prose* with a [link][ref].

    ```lr
    #| label: setup
    print hello
    set x = 1
    ```

    ## Training

    ```python
    print("not run")
    ```

    ```lr
    #| label: train
    #| fig-cap: Training loss
    image loss curve
    table epoch,loss;1,0.5;2,0.25
    ```

    ```lr
    show done
    ```

    [ref]: https://example.org
    """

  static func read(
    _ text: String, name: String = "nb.lrnb",
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  )
    throws -> Notebook
  {
    do {
      return try NotebookReader.read(text, name: name)
    } catch {
      Issue.record("unexpected reader error:\n\(error)", sourceLocation: sourceLocation)
      throw error
    }
  }

  /// The reader's diagnostics for `text`, which must not read cleanly.
  static func problems(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    -> [Diagnostic]
  {
    do {
      _ = try NotebookReader.read(text, name: "nb.lrnb")
      Issue.record("expected the reader to fail", sourceLocation: sourceLocation)
      return []
    } catch {
      return error.diagnostics
    }
  }

  /// Runs `text` through a fresh fake kernel.
  static func run(_ text: String, options: RunOptions = RunOptions()) throws -> (
    NotebookRun, FakeKernel
  ) {
    let kernel = FakeKernel()
    let run = NotebookRunner(kernel: kernel, options: options).run(try read(text))
    return (run, kernel)
  }
}
