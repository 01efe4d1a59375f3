// LayoutLab — the one error type of the Evaluation module: bad input, named precisely.

/// Bad input to a scorer: a malformed file, a wrong JSON shape, mismatched lengths or an
/// out-of-range value.
///
/// `source` names where the input came from (a file path, or `gold` / `predicted` for
/// in-memory arguments), `location` names the entry (`entry 3, position 5`,
/// `questionId 49153`), and `problem` says what was expected and what was found.
public struct EvaluationError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The file path or argument name the bad input came from.
  public var source: String
  /// The entry inside `source`, or an empty string when the whole input is at fault.
  public var location: String
  /// What was expected and what was found.
  public var problem: String

  /// Creates an error for `source` at `location`.
  public init(source: String, location: String = "", problem: String) {
    self.source = source
    self.location = location
    self.problem = problem
  }

  public var description: String {
    location.isEmpty ? "\(source): \(problem)" : "\(source): \(location): \(problem)"
  }
}
