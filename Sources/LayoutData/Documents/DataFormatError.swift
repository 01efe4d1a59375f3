// LayoutLab — the errors that readers, writers and encoders throw on bad input.

/// Bad input: a malformed or truncated file, wrong JSON, or an out-of-range value.
///
/// The message names the file, the entry inside it (a JSON path such as `form[3].words[0].box`
/// or a line number) and what was expected there.
public struct DataFormatError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The file (or other source) that holds the bad entry.
  public var file: String
  /// Where in the file: a JSON path, `line N`, or a field name.
  public var entry: String
  /// What was expected at that place.
  public var expected: String

  /// Creates an error.
  public init(file: String, entry: String, expected: String) {
    self.file = file
    self.entry = entry
    self.expected = expected
  }

  /// The message: file, entry and what was expected.
  public var description: String {
    entry.isEmpty ? "\(file): expected \(expected)" : "\(file): \(entry): expected \(expected)"
  }
}

/// A problem outside the data itself: a missing file or folder, or an external tool.
public struct DataEnvironmentError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The full message.
  public var message: String

  /// Creates an error with a message.
  public init(_ message: String) { self.message = message }

  /// The message.
  public var description: String { message }
}

extension DataFormatError {
  /// The most characters of a file's text (a line, a field, a path) that an error echoes.
  public static let maximumEcho = 200

  /// `text` in single quotes for an error message, cut to `maximumEcho` characters with "…" so
  /// a multi-megabyte line does not become a multi-megabyte message.
  public static func quoted<Text: StringProtocol>(_ text: Text) -> String {
    text.count <= maximumEcho ? "'\(text)'" : "'\(text.prefix(maximumEcho))…'"
  }
}
