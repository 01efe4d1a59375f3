// LayoutLab — a typed, path-tracking view over parsed JSON, so that errors name the bad entry.

import Foundation

/// One value inside a parsed JSON file, with its path (`form[3].words[0]`) for error messages.
public struct JSONNode {
  /// The value as `JSONSerialization` returns it.
  public let value: Any
  /// The JSON path of this value inside its file; empty for the root.
  public let path: String
  /// The file the value came from, for error messages.
  public let file: String

  /// Parses `data` read from `file`; invalid JSON throws a `DataFormatError` naming the file.
  public static func parse(_ data: Data, file: String) throws -> JSONNode {
    do {
      let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
      return JSONNode(value: value, path: "", file: file)
    } catch {
      throw DataFormatError(
        file: file, entry: "", expected: "valid JSON (\(error.localizedDescription))")
    }
  }

  /// Reads and parses the file at `url`.
  public static func read(_ url: URL) throws -> JSONNode {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw DataEnvironmentError("cannot read \(url.path): \(error.localizedDescription)")
    }
    return try parse(data, file: url.path)
  }

  func failure(_ expected: String) -> DataFormatError {
    DataFormatError(file: file, entry: path.isEmpty ? "top level" : path, expected: expected)
  }

  private func child(_ value: Any, key: String) -> JSONNode {
    JSONNode(value: value, path: path.isEmpty ? key : "\(path).\(key)", file: file)
  }

  /// The members of an object.
  public func object() throws -> [String: Any] {
    guard let object = value as? [String: Any] else { throw failure("an object") }
    return object
  }

  /// The elements of an array, each with its indexed path.
  public func array() throws -> [JSONNode] {
    guard let array = value as? [Any] else { throw failure("an array") }
    var nodes: [JSONNode] = []
    nodes.reserveCapacity(array.count)
    for (index, element) in array.enumerated() {
      nodes.append(JSONNode(value: element, path: "\(path)[\(index)]", file: file))
    }
    return nodes
  }

  /// The member `key`, which must be present.
  public func member(_ key: String) throws -> JSONNode {
    guard let value = try object()[key], !(value is NSNull) else {
      throw child(NSNull(), key: key).failure("a value (the key is missing)")
    }
    return child(value, key: key)
  }

  /// The member `key`, or `nil` when it is absent or null.
  public func optionalMember(_ key: String) throws -> JSONNode? {
    guard let value = try object()[key], !(value is NSNull) else { return nil }
    return child(value, key: key)
  }

  /// This value as a string.
  public func string() throws -> String {
    guard let string = value as? String else { throw failure("a string") }
    return string
  }

  /// This value as a finite number.
  public func double() throws -> Double {
    // JSON booleans also bridge to NSNumber (and 0/1 to Bool); tell them apart by class.
    guard let number = value as? NSNumber, !(value is String),
      !String(describing: type(of: value)).contains("Boolean")
    else {
      throw failure("a number")
    }
    let result = number.doubleValue
    guard result.isFinite else { throw failure("a finite number") }
    return result
  }

  /// This value as an integer (a number with no fractional part).
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

  /// This value as a box `[x0, y0, x1, y1]` in pixels.
  public func box() throws -> BoundingBox {
    guard let elements = value as? [Any], elements.count == 4 else {
      throw failure("a box of 4 numbers [x0, y0, x1, y1]")
    }
    let numbers = try doubles(count: 4)
    return BoundingBox(x0: numbers[0], y0: numbers[1], x1: numbers[2], y1: numbers[3])
  }
}

/// Serialises a JSON value (made of dictionaries, arrays, strings and numbers) deterministically:
/// sorted keys, no escaped slashes, pretty-printed when asked.
func serializeJSON(_ value: Any, pretty: Bool = true) throws -> Data {
  var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
  if pretty { options.insert(.prettyPrinted) }
  return try JSONSerialization.data(withJSONObject: value, options: options)
}

/// A coordinate for JSON output: an integer when it has no fractional part.
func jsonNumber(_ value: Double) -> Any {
  if value == value.rounded(), abs(value) < 9.0e15 { return Int(value) }
  return value
}

/// Writes `data` to `url`, creating parent folders; failures name the file.
func writeFile(_ data: Data, to url: URL) throws {
  do {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url, options: .atomic)
  } catch {
    throw DataEnvironmentError("cannot write \(url.path): \(error.localizedDescription)")
  }
}
