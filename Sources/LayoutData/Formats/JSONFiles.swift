// LayoutLab — reading and writing the JSON files of dataset formats (FUNSD, DocVQA).

import Foundation
import JSONValues

/// Reads and parses the JSON file at `url`, then runs `body` on its root; a file that cannot be
/// read throws `DataEnvironmentError`, one above `maximumDataFileBytes` a `DataFormatError`, and text that does not parse or holds the wrong thing
/// throws `DataFormatError` naming the file and the JSON path (or line and column).
func readJSONFile<T>(_ url: URL, _ body: (JSONCursor) throws -> T) throws -> T {
  let data = try readDataFile(
    url, what: "JSON file",
    split: "split it into several files (DocVQA: several *_v1.0.json files in one folder)")
  do {
    return try body(try JSONCursor.parse(data, file: url.path))
  } catch let error as JSONFileError {
    throw DataFormatError(file: error.file, entry: error.location, expected: error.expected)
  }
}

extension JSONCursor {
  /// This value as a box `[x0, y0, x1, y1]` in pixels.
  func box() throws -> BoundingBox {
    guard case .array(let elements) = value, elements.count == 4 else {
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
