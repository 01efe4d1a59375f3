// LayoutLab — the error of a JSON file whose contents are not what its reader expects.

/// A JSON file that does not parse, or holds the wrong thing somewhere: the file, where in it
/// (a JSON path such as `form[3].words[0].box`, `top level`, or nothing for the whole text) and
/// what was expected there.
public struct JSONFileError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The file (or other source) the JSON came from.
  public var file: String
  /// Where in the file: a JSON path, `top level`, or empty for a syntax error.
  public var location: String
  /// What was expected there, e.g. `a number` or `valid JSON (line 3, column 5: …)`.
  public var expected: String

  /// Creates an error.
  public init(file: String, location: String, expected: String) {
    self.file = file
    self.location = location
    self.expected = expected
  }

  /// `file: location: expected …` (without the location when it is empty).
  public var description: String {
    location.isEmpty
      ? "\(file): expected \(expected)" : "\(file): \(location): expected \(expected)"
  }
}
