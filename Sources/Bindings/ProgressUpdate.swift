// Progress reports from long-running natives, for the CLI's progress bars.

/// Progress of a long-running native (training, attacks), for the CLI's progress bars.
public struct ProgressUpdate: Sendable {
  /// What is running, e.g. `fit`.
  public var task: String
  /// Work done and total work (e.g. steps of the whole run).
  public var completed: Int, total: Int
  /// A short status, e.g. `epoch 2/3 · loss 0.412 · acc 0.853`.
  public var detail: String

  /// A report of `completed` out of `total` steps of `task`.
  public init(task: String, completed: Int, total: Int, detail: String = "") {
    self.task = task
    self.completed = completed
    self.total = total
    self.detail = detail
  }
}
