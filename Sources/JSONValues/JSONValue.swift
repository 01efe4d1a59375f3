// LayoutLab — one JSON value tree: specs, score files, results and dataset files all use it.

/// Any JSON (or JSON5) value. Objects keep their keys in the order they were written.
///
/// Parsed text only ever gives `.number`; `.integer` exists for output, where a count must be
/// written without a fractional part (`3`, not `3.0`).
public enum JSONValue: Sendable, CustomStringConvertible {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// Any number read from text, and fractional numbers for output.
  case number(Double)
  /// A whole number for output; it compares equal to the same `.number`.
  case integer(Int)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object, keys in the order they were written.
  case object([(String, JSONValue)])

  /// An object with the members of `members`, keys in sorted order.
  public init(_ members: [String: JSONValue]) {
    self = .object(members.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
  }

  /// A short name of the value's type, for error messages (`a string`, `an array`).
  public var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number, .integer: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }

  /// The canonical text (see `canonicalText`).
  public var description: String { canonicalText }

  /// The value for `key` in an object (the first, if written twice); nil for other values.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let pairs) = self else { return nil }
    return pairs.first { $0.0 == key }?.1
  }
}

extension JSONValue: Equatable {
  /// Values are equal when they have the same type and contents, object keys in the same
  /// order; `.integer(n)` equals `.number(Double(n))`.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.integer(let a), .integer(let b)): return a == b
    case (.integer(let a), .number(let b)), (.number(let b), .integer(let a)): return Double(a) == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }
}
