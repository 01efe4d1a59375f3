// LayoutLab — strict, path-aware reading of one JSON object of a spec.

import EditDistance
import JSONValues

/// Reads typed fields from a JSON object, remembering which keys were asked for, so that
/// `finish()` can reject the rest as unknown (with a suggestion for a likely typo).
struct SpecReader {
  let file: String
  let path: String
  let pairs: [(String, JSONValue)]
  var known: [String] = []

  init(file: String, path: String, value: JSONValue) throws {
    self.file = file
    self.path = path
    guard case .object(let pairs) = value else {
      throw SpecError.wrongType(
        file: file, path: path.isEmpty ? "(top level)" : path, expected: "an object",
        found: value.typeName)
    }
    self.pairs = pairs
  }

  func keyPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

  mutating func raw(_ key: String) -> JSONValue? {
    known.append(key)
    guard let value = pairs.first(where: { $0.0 == key })?.1 else { return nil }
    if case .null = value { return nil }
    return value
  }

  mutating func string(_ key: String, default fallback: String? = nil) throws -> String {
    guard let value = raw(key) else {
      if let fallback { return fallback }
      throw SpecError.missingKey(file: file, path: keyPath(key))
    }
    guard case .string(let text) = value else {
      throw SpecError.wrongType(
        file: file, path: keyPath(key), expected: "a string", found: value.typeName)
    }
    return text
  }

  /// Whether `key` is present with a non-null value (does not mark it as known).
  func has(_ key: String) -> Bool {
    guard let value = pairs.first(where: { $0.0 == key })?.1 else { return false }
    if case .null = value { return false }
    return true
  }

  mutating func optionalString(_ key: String) throws -> String? {
    guard has(key) else {
      known.append(key)
      return nil
    }
    return try string(key)
  }

  mutating func optionalChoice(_ key: String, _ choices: [String]) throws -> String? {
    guard has(key) else {
      known.append(key)
      return nil
    }
    return try choice(key, choices, default: "")
  }

  mutating func choice(_ key: String, _ choices: [String], default fallback: String) throws
    -> String
  {
    let text = try string(key, default: fallback)
    guard choices.contains(text) else {
      throw SpecError.invalidValue(
        file: file, path: keyPath(key),
        expected: "one of " + choices.map { "'\($0)'" }.joined(separator: ", ") + ", not '\(text)'")
    }
    return text
  }

  mutating func double(_ key: String, default fallback: Double, range: ClosedRange<Double>) throws
    -> Double
  {
    guard let value = raw(key) else { return fallback }
    guard case .number(let number) = value else {
      throw SpecError.wrongType(
        file: file, path: keyPath(key), expected: "a number", found: value.typeName)
    }
    guard range.contains(number) else {
      throw SpecError.invalidValue(
        file: file, path: keyPath(key), expected: "in \(range.lowerBound)...\(range.upperBound)")
    }
    return number
  }

  mutating func int(_ key: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
    guard let value = raw(key) else { return fallback }
    guard case .number(let number) = value, number == number.rounded(), abs(number) < 1e15 else {
      throw SpecError.wrongType(
        file: file, path: keyPath(key), expected: "an integer", found: value.typeName)
    }
    guard range.contains(Int(number)) else {
      throw SpecError.invalidValue(
        file: file, path: keyPath(key),
        expected: "an integer in \(range.lowerBound)...\(range.upperBound)")
    }
    return Int(number)
  }

  mutating func optionalInt(_ key: String, range: ClosedRange<Int>) throws -> Int? {
    guard has(key) else {
      known.append(key)
      return nil
    }
    return try int(key, default: 0, range: range)
  }

  mutating func optionalDouble(_ key: String, range: ClosedRange<Double>) throws -> Double? {
    guard has(key) else {
      known.append(key)
      return nil
    }
    return try double(key, default: 0, range: range)
  }

  mutating func bool(_ key: String, default fallback: Bool) throws -> Bool {
    guard let value = raw(key) else { return fallback }
    guard case .bool(let flag) = value else {
      throw SpecError.wrongType(
        file: file, path: keyPath(key), expected: "true or false", found: value.typeName)
    }
    return flag
  }

  mutating func optionalBool(_ key: String) throws -> Bool? {
    guard has(key) else {
      known.append(key)
      return nil
    }
    return try bool(key, default: false)
  }

  mutating func intArray(_ key: String, default fallback: [Int]) throws -> [Int] {
    guard let value = raw(key) else { return fallback }
    guard case .array(let items) = value else {
      throw SpecError.wrongType(
        file: file, path: keyPath(key), expected: "an array of integers", found: value.typeName)
    }
    return try items.enumerated().map { index, item in
      guard case .number(let n) = item, n == n.rounded(), n >= 0, n < 1e15 else {
        throw SpecError.wrongType(
          file: file, path: keyPath(key) + "[\(index)]", expected: "a non-negative integer",
          found: item.typeName)
      }
      return Int(n)
    }
  }

  /// An array of strings, or nil when absent.
  mutating func optionalStringArray(_ key: String) throws -> [String]? {
    guard let value = raw(key) else { return nil }
    guard case .array(let items) = value else {
      throw SpecError.wrongType(
        file: file, path: keyPath(key), expected: "an array of strings", found: value.typeName)
    }
    return try items.enumerated().map { index, item in
      guard case .string(let text) = item else {
        throw SpecError.wrongType(
          file: file, path: keyPath(key) + "[\(index)]", expected: "a string", found: item.typeName)
      }
      return text
    }
  }

  mutating func object(_ key: String) throws -> SpecReader {
    try SpecReader(file: file, path: keyPath(key), value: raw(key) ?? .object([]))
  }

  /// The keys present that no accessor has asked for yet.
  var unreadKeys: [String] { pairs.map(\.0).filter { !known.contains($0) } }

  /// Rejects keys that no accessor asked for.
  func finish() throws {
    for (key, _) in pairs where !known.contains(key) {
      throw SpecError.unknownKey(
        file: file, path: keyPath(key), suggestion: closestMatch(to: key, among: known).map(keyPath)
      )
    }
  }
}

extension SpecReader {
  /// A closed-set setting read by its raw value: `default` when absent, an error listing the
  /// choices when the value is none of them.
  mutating func choice<Choice: RawRepresentable & CaseIterable>(
    _ key: String, default fallback: Choice
  )
    throws -> Choice where Choice.RawValue == String
  {
    let names = Choice.allCases.map(\.rawValue)
    return Choice(rawValue: try choice(key, names, default: fallback.rawValue)) ?? fallback
  }

  /// A closed-set setting, or nil when absent.
  mutating func optionalChoice<Choice: RawRepresentable & CaseIterable>(
    _ key: String, as type: Choice.Type
  ) throws -> Choice? where Choice.RawValue == String {
    try optionalChoice(key, Choice.allCases.map(\.rawValue)).flatMap(Choice.init(rawValue:))
  }
}
