// A notebook that exercises every part of the report, for report and browser tests.
import Lang
import Notebook

enum SampleNotebook {
  static let text = #"""
    ---
    title: Low-rank layers under attack
    subtitle: A tour of the report
    author: [Ada Lovelace, Grace Hopper]
    date: 2024-05-01
    seed: 7
    params:
      epochs: 3
      tau: 0.1
    ---

    Low-rank layers store $W = U S V^\top$ with $U \in \mathbb{R}^{m \times r}$ and cost far
    less to apply. This report shows prose, math, code, printed output, tables, figures and
    errors — all in one file. The spectral regulariser is

    $$R(S) = \beta \left\lVert S S^\top - \frac{\lVert S \rVert_F^2}{r} I \right\rVert_F .$$

    # Setup

    We start by defining a few globals. Things to check:

    - [x] reader
    - [ ] ~~interpreter~~ fake kernel for now
    - see <https://example.org/docs>

    ```lr
    #| label: setup
    # hyper-parameters come from the front matter
    set rank = 16
    print training for $epochs epochs
    print tau = $tau
    ```

    ## Training

    | model | rank | params |
    |-------|-----:|-------:|
    | dense | 784 | 203,530 |
    | low-rank | 16 | 27,290 |

    ```lr
    #| label: train
    #| fig-cap: Training loss per epoch for the low-rank model.
    #| fig-alt: Line chart of the training loss falling over three epochs.
    print epoch 1  loss 0.912
    print epoch 2  loss 0.433
    print epoch 3  loss 0.271
    image loss curve
    table epoch,loss,accuracy;1,0.912,71.2%;2,0.433,86.0%;3,0.271,90.4%
    ```

    ## Robustness

    Errors are part of the story: this cell's error is expected (`error: true`).

    ```lr
    #| label: expected-error
    #| error: true
    fail rank 0 is not allowed
    ```

    ```python
    # other languages render as code and never run
    print("hello")
    ```

    ```lr
    #| label: attack
    #| code-fold: true
    print running FGSM at eps = 0.1
    show accuracy 41.3%
    ```

    ```lr
    #| label: broken
    print about to fail
    fail undefined variable 'epsilon'
    ```

    ## Summary

    ```lr
    #| label: summary
    show this cell never runs
    ```
    """#

  /// Runs the sample with a fake kernel and `--keep-going` off.
  static func run() throws -> NotebookRun {
    let notebook = try NotebookReader.read(text, name: "sample.lrnb")
    var options = RunOptions()
    options.toolVersion = "0.1.0-test"
    return NotebookRunner(kernel: FakeKernel(), options: options).run(notebook)
  }
}
