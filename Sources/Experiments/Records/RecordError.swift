// LayoutLab — a record file that cannot be read, named by its path.

/// A `result.json` that cannot be used: not JSON, not a run record, or a version this code does
/// not read.
public enum RecordError: Error, CustomStringConvertible, Equatable {
  /// The file at `path`, and why it cannot be read.
  case unreadable(path: String, reason: String)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason): return "\(path): cannot read the result (\(reason))"
    }
  }
}
