// LayoutLab — parsing JSON or JSON5 text, and the error (line, column, expectation) when it fails.

import Foundation

/// A JSON5 text that does not parse: where (1-based line and column, in Unicode scalars) and
/// what the parser expected there.
public struct JSON5SyntaxError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The 1-based line (lines end at LF, CR or CR LF).
  public var line: Int
  /// The 1-based column, counted in Unicode scalars.
  public var column: Int
  /// What was expected at that point, e.g. `',' or '}' after an object member`.
  public var expected: String
  /// What was there instead (`'x'`, `the end of the input`), when that helps.
  public var found: String?

  /// Creates an error.
  public init(line: Int, column: Int, expected: String, found: String? = nil) {
    self.line = line
    self.column = column
    self.expected = expected
    self.found = found
  }

  /// `line L, column C: expected …, found …`.
  public var description: String {
    "line \(line), column \(column): expected \(expected)" + (found.map { ", found \($0)" } ?? "")
  }
}

extension JSONValue {
  /// Parses JSON5 text (comments, trailing commas, unquoted keys, single quotes, hexadecimal,
  /// `Infinity`, `NaN`); strict JSON is JSON5, so this reads `.json` files too. Object keys keep
  /// the order they were written; a key repeated within one object is an error. Every number
  /// is the `Double` that `Double(String)` gives for its literal.
  ///
  /// - Throws: `JSON5SyntaxError`, naming the line and column.
  public static func parseJSON5(_ data: Data) throws -> JSONValue {
    try JSON5Parser.parse(data)
  }
}
