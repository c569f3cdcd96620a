// `lrnb run`: notebooks into HTML reports, scripts to stdout; `--watch` runs on save.
import ArgumentParser
import Foundation
import Notebook

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run notebooks (.lrnb) into reports, or scripts (.lr) to stdout.",
    discussion: """
      A notebook's report is NAME.html (self-contained) and NAME.json beside it, with its
      figures in NAME_files/. Each cell's progress is printed to stderr.

      Cells with `cache: true` keep their outputs and the values they define in
      .lrnb-cache/NAME/ beside the notebook; an unchanged cell is restored instead of run.
      """)

  @Argument(help: "Notebooks (.lrnb) or scripts (.lr) to run, in order.")
  var files: [String]

  @Option(name: [.short, .long], help: "Directory for reports (default: beside each notebook).")
  var out: String?

  @Option(name: .customShort("p"), help: "Override a notebook parameter: -p epochs=5 (repeatable).")
  var parameters: [String] = []

  @Option(name: .customLong("params"), help: "A YAML file of parameter overrides.")
  var parametersFile: String?

  @Option(help: "Random seed (overrides the notebook's front matter).")
  var seed: UInt64?

  @Flag(help: "Keep running cells after one fails (the run still fails).")
  var keepGoing = false

  @Option(help: "Extra output format: md (a Markdown copy with figures as files).")
  var to: [String] = []

  @Flag(help: "Neither read nor write the cache: every cell runs.")
  var noCache = false

  @Flag(help: "Run cached cells again and replace what the cache holds for them.")
  var refresh = false

  @Flag(help: "After running, run again whenever a notebook (or --params file) is saved.")
  var watch = false

  func validate() throws {
    for file in files where !(file.hasSuffix(".lrnb") || file.hasSuffix(".lr")) {
      throw ValidationError("'\(file)' is neither a notebook (.lrnb) nor a script (.lr)")
    }
    for format in to where format != "md" {
      throw ValidationError("unknown format '\(format)' for --to (expected: md)")
    }
    if noCache && refresh {
      throw ValidationError("--no-cache and --refresh cannot be used together")
    }
    // Reports are named after their notebook; two notebooks of one name would overwrite
    // each other's report in one output folder.
    var seen: [String: String] = [:]
    for file in files where file.hasSuffix(".lrnb") {
      let url = URL(fileURLWithPath: file)
      let folder = out ?? url.deletingLastPathComponent().standardizedFileURL.path
      let report = folder + "/" + url.deletingPathExtension().lastPathComponent
      if let other = seen[report], other != file {
        throw ValidationError(
          "'\(other)' and '\(file)' would write the same report; use separate runs")
      }
      seen[report] = file
    }
  }

  func run() throws {
    RunInterrupts.install(watching: watch)
    var status: Int32 = 0
    if watch {
      WatchLoop(paths: files + (parametersFile.map { [$0] } ?? [])).run { _ = runAll() }
    } else {
      status = runAll()
    }
    if status != 0 { throw ExitCode(status) }
  }

  /// Runs every file in order; returns the first failure's status (130 after Ctrl-C).
  private func runAll() -> Int32 {
    var worst: Int32 = 0
    for file in files {
      guard !RunInterrupts.requested else { break }
      let status = file.hasSuffix(".lr") ? ScriptRunner.run(path: file) : runNotebook(file)
      if worst == 0 { worst = status }
    }
    return RunInterrupts.requested ? RunInterrupts.exitStatus : worst
  }

  /// The `-p` flags and the `--params` file as overrides (file first, flags win).
  func overrides() throws -> [ParameterOverride] {
    var result: [ParameterOverride] = []
    if let parametersFile {
      result += try ParameterOverride.parseFile(try readText(parametersFile), name: parametersFile)
    }
    for flag in parameters { result.append(try ParameterOverride.parse(flag)) }
    return result
  }
}
