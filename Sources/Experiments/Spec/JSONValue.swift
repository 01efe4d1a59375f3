// LayoutLab — a JSON value tree, so specs can be merged, overridden and decoded strictly.

import Foundation

/// Any JSON (or JSON5) value.
public enum JSONValue: Equatable, Sendable, Decodable, CustomStringConvertible {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  /// Keys in the order they were written.
  case object([(String, JSONValue)])

  public init(from decoder: Decoder) throws {
    if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
      // JSONDecoder does not keep key order; sort for determinism.
      var pairs: [(String, JSONValue)] = []
      for key in keyed.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
        pairs.append((key.stringValue, try keyed.decode(JSONValue.self, forKey: key)))
      }
      self = .object(pairs)
      return
    }
    if var list = try? decoder.unkeyedContainer() {
      var items: [JSONValue] = []
      while !list.isAtEnd { items.append(try list.decode(JSONValue.self)) }
      self = .array(items)
      return
    }
    let single = try decoder.singleValueContainer()
    if single.decodeNil() {
      self = .null
    } else if let value = try? single.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? single.decode(Double.self) {
      self = .number(value)
    } else {
      self = .string(try single.decode(String.self))
    }
  }

  /// Parses JSON5 text (comments, trailing commas, unquoted keys, single quotes), keeping object
  /// keys in the order they were written; a key repeated within one object is an error.
  ///
  /// - Throws: `JSON5SyntaxError`, naming the line and column.
  public static func parseJSON5(_ data: Data) throws -> JSONValue {
    try JSON5Parser.parse(data)
  }

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// A short name of the value's type, for error messages.
  public var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }

  /// Compact JSON text with sorted keys (stable across runs, used for hashing).
  public var canonicalText: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n):
      if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
      return "\(n)"
    case .string(let s):
      var out = "\""
      for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        default:
          if scalar.value < 0x20 {
            out += String(format: "\\u%04x", scalar.value)
          } else {
            out.unicodeScalars.append(scalar)
          }
        }
      }
      return out + "\""
    case .array(let items): return "[" + items.map(\.canonicalText).joined(separator: ",") + "]"
    case .object(let pairs):
      return "{"
        + pairs.sorted { $0.0 < $1.0 }.map {
          JSONValue.string($0.0).canonicalText + ":" + $0.1.canonicalText
        }
        .joined(separator: ",") + "}"
    }
  }

  public var description: String { canonicalText }

  /// The value for `key` in an object.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let pairs) = self else { return nil }
    return pairs.first { $0.0 == key }?.1
  }

  /// `self` with `overlay` merged in: objects merge key by key (recursively), anything else is
  /// replaced.
  public func merged(with overlay: JSONValue) -> JSONValue {
    guard case .object(var pairs) = self, case .object(let extra) = overlay else { return overlay }
    for (key, value) in extra {
      if let index = pairs.firstIndex(where: { $0.0 == key }) {
        pairs[index].1 = pairs[index].1.merged(with: value)
      } else {
        pairs.append((key, value))
      }
    }
    return .object(pairs)
  }

  /// `self` with the value at dotted `path` set to `value`, creating objects on the way.
  public func setting(_ path: [String], to value: JSONValue) -> JSONValue {
    guard let first = path.first else { return value }
    var pairs: [(String, JSONValue)] = []
    if case .object(let existing) = self { pairs = existing }
    let rest = Array(path.dropFirst())
    if let index = pairs.firstIndex(where: { $0.0 == first }) {
      pairs[index].1 = pairs[index].1.setting(rest, to: value)
    } else {
      pairs.append((first, JSONValue.null.setting(rest, to: value)))
    }
    return .object(pairs)
  }
}

struct AnyKey: CodingKey {
  var stringValue: String
  var intValue: Int?
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) {
    self.stringValue = "\(intValue)"
    self.intValue = intValue
  }
}
