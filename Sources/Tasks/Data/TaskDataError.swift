// LayoutLab — a task's data that cannot be used: the wrong source, or a set it cannot read.

/// Data a task cannot prepare. The text matches the spec checks' (`file: 'key' must be …`).
public enum TaskDataError: Error, CustomStringConvertible, Equatable {
  /// `data.source` names a source the task does not read.
  case wrongSource(expected: String)
  /// A data file or folder that cannot be used, and why.
  case unreadable(file: String, reason: String)

  public var description: String {
    switch self {
    case .wrongSource(let expected): return "data: 'data.source' must be \(expected)"
    case .unreadable(let file, let reason): return "\(file): cannot read the spec (\(reason))"
    }
  }
}
