// LayoutLab — a `DecodingError` from `JSONDecoder` as "file: key path: expected …".

import Foundation

extension JSONFileError {
  /// The `JSONFileError` for `error`, thrown by `JSONDecoder` while decoding the contents of
  /// `file`: the key path as a `JSONPath` (`pages`, `runs[2].seed`, `top level`) and what was
  /// expected there, instead of Swift's raw `DecodingError` text.
  public init(file: String, decoding error: DecodingError) {
    func path(_ keys: [CodingKey]) -> JSONPath {
      keys.reduce(JSONPath.root) { parent, key in
        key.intValue.map { .element(parent, $0) } ?? .member(parent, key.stringValue)
      }
    }
    func location(_ path: JSONPath) -> String {
      path == .root ? "top level" : path.description
    }
    switch error {
    case .keyNotFound(let key, let context):
      self.init(
        file: file, location: location(.member(path(context.codingPath), key.stringValue)),
        expected: "a value (the key is missing)")
    case .valueNotFound(let type, let context):
      self.init(
        file: file, location: location(path(context.codingPath)),
        expected: "\(Self.describe(type)), found null")
    case .typeMismatch(let type, let context):
      self.init(
        file: file, location: location(path(context.codingPath)), expected: Self.describe(type))
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
      self.init(file: file, location: "", expected: "valid JSON")
    case .dataCorrupted(let context):
      self.init(
        file: file, location: location(path(context.codingPath)),
        expected: "a valid value (\(context.debugDescription))")
    @unknown default:
      self.init(file: file, location: "", expected: "the JSON this file should hold")
    }
  }

  /// `a string`, `an integer`, `a number`, … for the Swift type a decoder wanted.
  static func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is Bool.Type: return "true or false"
    case is Int.Type, is Int32.Type, is Int64.Type, is UInt.Type, is UInt64.Type:
      return "an integer"
    case is Double.Type, is Float.Type: return "a number"
    default:
      let name = "\(type)"
      if name.hasPrefix("Array<") || name.hasPrefix("[") { return "an array" }
      if name.hasPrefix("Dictionary<") { return "an object" }
      return "a value of type \(name)"
    }
  }
}
