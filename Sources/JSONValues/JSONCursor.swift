// LayoutLab — typed reading of a parsed JSON file, so that errors name the file and the bad entry.

import Foundation

/// One value inside a parsed JSON file, with the file and the JSON path it came from, for
/// readers of file formats: every accessor either returns the type asked for or throws a
/// `JSONFileError` such as `train.json: form[3].words[0].box: expected a box of 4 numbers`.
public struct JSONCursor: Sendable {
  /// The value.
  public let value: JSONValue
  /// Where the value is inside its file.
  public let location: JSONPath
  /// The file the value came from, for error messages.
  public let file: String

  /// A cursor on `value` at `location` inside `file`.
  public init(_ value: JSONValue, file: String, location: JSONPath = .root) {
    self.value = value
    self.file = file
    self.location = location
  }

  /// Parses `data` read from `file` (JSON, or JSON5); text that does not parse throws a
  /// `JSONFileError` naming the file, the line and the column.
  public static func parse(_ data: Data, file: String) throws -> JSONCursor {
    do {
      return JSONCursor(try JSONValue.parseJSON5(data), file: file)
    } catch let error as JSON5SyntaxError {
      throw JSONFileError(file: file, location: "", expected: "valid JSON (\(error))")
    }
  }

  /// The JSON path of this value (`form[3].words[0]`); empty for the root.
  public var path: String { location.description }

  /// An error at this value: `expected` was wanted here.
  public func failure(_ expected: String) -> JSONFileError {
    let path = self.path
    return JSONFileError(
      file: file, location: path.isEmpty ? "top level" : path, expected: expected)
  }

  /// The members of an object, in written order.
  public func object() throws -> [(String, JSONValue)] {
    guard case .object(let pairs) = value else { throw failure("an object") }
    return pairs
  }

  /// The elements of an array, each with its indexed path.
  public func array() throws -> [JSONCursor] {
    guard case .array(let items) = value else { throw failure("an array") }
    var cursors: [JSONCursor] = []
    cursors.reserveCapacity(items.count)
    for (index, item) in items.enumerated() {
      cursors.append(JSONCursor(item, file: file, location: .element(location, index)))
    }
    return cursors
  }

  /// The member `key`, which must be present and not null.
  public func member(_ key: String) throws -> JSONCursor {
    guard let child = try optionalMember(key) else {
      throw JSONCursor(.null, file: file, location: .member(location, key))
        .failure("a value (the key is missing)")
    }
    return child
  }

  /// The member `key`, or `nil` when it is absent or null.
  public func optionalMember(_ key: String) throws -> JSONCursor? {
    let pairs = try object()
    guard let found = pairs.first(where: { $0.0 == key })?.1 else { return nil }
    if case .null = found { return nil }
    return JSONCursor(found, file: file, location: .member(location, key))
  }

  /// This value as a string.
  public func string() throws -> String {
    guard case .string(let string) = value else { throw failure("a string") }
    return string
  }

  /// This value as a finite number.
  public func double() throws -> Double {
    let number: Double
    switch value {
    case .number(let value): number = value
    case .integer(let value): number = Double(value)
    default: throw failure("a number")
    }
    guard number.isFinite else { throw failure("a finite number") }
    return number
  }

  /// This value as an integer (a number with no fractional part, below 9·10^15 in magnitude).
  public func int() throws -> Int {
    let number = try double()
    guard number == number.rounded(), abs(number) < 9.0e15 else { throw failure("an integer") }
    return Int(number)
  }

  /// This value as an array of exactly `count` numbers (any count when `nil`).
  public func doubles(count: Int? = nil) throws -> [Double] {
    let elements = try array()
    if let count, elements.count != count { throw failure("an array of \(count) numbers") }
    return try elements.map { try $0.double() }
  }
}
