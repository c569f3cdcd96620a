// The notebook kernel the CLI uses: an interpreter with lrnb's bindings, wired so the
// notebook's seed and cell figure sizes reach the bindings' session.
import Bindings
import Lang
import Notebook

/// A kernel over a fresh interpreter with every native and the stdlib loaded.
func makeKernel() throws(RunFailure) -> InterpreterKernel {
  let (interpreter, session) = try Library.makeInterpreter(output: CollectingSink())
  return makeKernel(interpreter, session)
}

/// A kernel over an interpreter the caller set up (the REPL's, for `:load`).
func makeKernel(_ interpreter: Interpreter, _ session: Session) -> InterpreterKernel {
  InterpreterKernel(
    interpreter: interpreter, seed: { session.seed($0) },
    figureSize: { width, height in
      // Cell options give inches, as Quarto does; figures are drawn at 96 px per inch.
      // One side alone keeps the default aspect ratio (640 × 420).
      switch (width, height) {
      case (let w?, let h?): session.figureSize = (w * 96, h * 96)
      case (let w?, nil): session.figureSize = (w * 96, w * 96 * 420 / 640)
      case (nil, let h?): session.figureSize = (h * 96 * 640 / 420, h * 96)
      case (nil, nil): session.figureSize = nil
      }
    })
}
