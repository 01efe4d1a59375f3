// LayoutLab — a JSON5 parser over UTF-8 bytes that keeps object keys in the order they were written.

import Foundation

/// Parses JSON5 (https://spec.json5.org) into a `JSONValue`: comments, trailing commas,
/// identifier keys (without `\u` escapes), single-quoted strings and JSON5 escapes, hexadecimal,
/// `Infinity` and `NaN`.
///
/// Unlike `JSONDecoder`, object keys keep the order they were written in, and a key repeated
/// within one object is an error rather than silently dropped. The parser works on the UTF-8
/// bytes (ASCII fast paths; non-ASCII characters are decoded only where the grammar needs it),
/// and computes a line and column only for an error.
struct JSON5Parser {
  /// The input, valid UTF-8.
  let bytes: UnsafeBufferPointer<UInt8>
  /// The byte offset of the next character (always the start of a scalar).
  var index = 0
  var depth = 0
  /// Nesting limit for arrays and objects, so hostile input cannot overflow the stack.
  static let maximumDepth = 512
  /// Objects with more members than this check for repeated keys with a dictionary.
  static let linearKeySearchLimit = 16

  /// Parses `data` (UTF-8) as exactly one JSON5 value, with only whitespace and comments after it.
  static func parse(_ data: Data) throws -> JSONValue {
    guard String(validating: data, as: UTF8.self) != nil else {
      throw JSON5SyntaxError(line: 1, column: 1, expected: "UTF-8 text", found: "invalid bytes")
    }
    return try data.withUnsafeBytes { raw in
      var parser = JSON5Parser(bytes: raw.bindMemory(to: UInt8.self))
      let value = try parser.parseValue()
      try parser.skipTrivia()
      guard parser.index == parser.bytes.count else {
        throw parser.failure(at: parser.index, "the end of the input after the value")
      }
      return value
    }
  }

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  // MARK: - Values

  mutating func parseValue() throws -> JSONValue {
    try skipTrivia()
    guard let c = peek() else { throw failure(at: index, "a value") }
    switch c {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""), UInt8(ascii: "'"): return .string(try parseString())
    case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return .number(try parseNumber())
    default:
      let start = index
      switch readIdentifier() {
      case "true": return .bool(true)
      case "false": return .bool(false)
      case "null": return .null
      case "Infinity": return .number(.infinity)
      case "NaN": return .number(.nan)
      case "": throw failure(at: start, "a value")
      case let word: throw failure(at: start, "a value (strings need quotes)", found: "'\(word)'")
      }
    }
  }

  /// `{ key: value, … }`: keys in written order, each at most once.
  mutating func parseObject() throws -> JSONValue {
    try enterContainer()
    var pairs: [(String, JSONValue)] = []
    var keyOffsets: [Int] = []
    var seen: [String: Int] = [:]
    while true {
      try skipTrivia()
      if peek() == UInt8(ascii: "}") { break }
      let start = index
      let key: String
      switch peek() {
      case UInt8(ascii: "\""), UInt8(ascii: "'"): key = try parseString()
      case .some where isIdentifierStart(at: index): key = readIdentifier()
      default: throw failure(at: start, "a key (an identifier or a quoted string) or '}'")
      }
      if let first = firstOffset(of: key, in: pairs, keyOffsets, seen) {
        let (line, column) = position(of: first)
        throw failure(
          at: start, "a key not yet used in this object",
          found: "'\(key)', already used at line \(line), column \(column)")
      }
      try skipTrivia()
      guard peek() == UInt8(ascii: ":") else {
        throw failure(at: index, "':' after the key '\(key)'")
      }
      index += 1
      pairs.append((key, try parseValue()))
      keyOffsets.append(start)
      if pairs.count > Self.linearKeySearchLimit {
        if seen.isEmpty {
          for (offset, pair) in zip(keyOffsets, pairs) { seen[pair.0] = offset }
        } else {
          seen[key] = start
        }
      }
      try skipTrivia()
      if peek() == UInt8(ascii: ",") {
        index += 1
      } else if peek() != UInt8(ascii: "}") {
        throw failure(at: index, "',' or '}' after an object member")
      }
    }
    leaveContainer()
    return .object(pairs)
  }

  /// The offset where `key` was first written in the object being read, if it was.
  private func firstOffset(
    of key: String, in pairs: [(String, JSONValue)], _ offsets: [Int], _ seen: [String: Int]
  ) -> Int? {
    if pairs.count > Self.linearKeySearchLimit { return seen[key] }
    return pairs.firstIndex { $0.0 == key }.map { offsets[$0] }
  }

  mutating func parseArray() throws -> JSONValue {
    try enterContainer()
    var items: [JSONValue] = []
    while true {
      try skipTrivia()
      if peek() == UInt8(ascii: "]") { break }
      items.append(try parseValue())
      try skipTrivia()
      if peek() == UInt8(ascii: ",") {
        index += 1
      } else if peek() != UInt8(ascii: "]") {
        throw failure(at: index, "',' or ']' after an array element")
      }
    }
    leaveContainer()
    return .array(items)
  }

  /// Steps over an opening bracket, one level deeper.
  private mutating func enterContainer() throws {
    guard depth < Self.maximumDepth else {
      throw failure(at: index, "at most \(Self.maximumDepth) nested arrays and objects")
    }
    depth += 1
    index += 1
  }

  /// Steps over a closing bracket, one level up.
  private mutating func leaveContainer() {
    index += 1
    depth -= 1
  }

  // MARK: - Numbers

  /// A decimal or hexadecimal number, `Infinity` or `NaN`, each with an optional sign. A decimal
  /// is `Double(String)` of its literal (written with a fraction and an exponent as given).
  mutating func parseNumber() throws -> Double {
    let start = index
    let negative = peek() == UInt8(ascii: "-")
    if negative || peek() == UInt8(ascii: "+") { index += 1 }
    let sign: Double = negative ? -1 : 1
    if index < bytes.count, isIdentifierStart(at: index) {
      let wordStart = index
      switch readIdentifier() {
      case "Infinity": return sign * .infinity
      case "NaN": return negative ? -Double.nan : .nan  // as JSONDecoder reads "-NaN"
      case let word: throw failure(at: wordStart, "a number", found: "'\(word)'")
      }
    }
    if peek() == UInt8(ascii: "0"), let x = peek(1),
      x == UInt8(ascii: "x") || x == UInt8(ascii: "X")
    {
      index += 2
      guard let value = Double("0x" + text(readDigits(hexadecimal: true))) else {
        throw failure(at: index, "a hexadecimal digit after '0\(Character(Unicode.Scalar(x)))'")
      }
      return sign * value
    }
    let integer = readDigits()
    if integer.count > 1, bytes[integer.lowerBound] == UInt8(ascii: "0") {
      throw failure(at: integer.lowerBound, "no leading zeros in a number")
    }
    var fraction = index..<index
    let hasPoint = peek() == UInt8(ascii: ".")
    if hasPoint {
      index += 1
      fraction = readDigits()
    }
    guard !integer.isEmpty || !fraction.isEmpty else {
      throw failure(at: start, "a number (digits, 0x…, Infinity or NaN)")
    }
    var exponent = ""
    if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
      index += 1
      if let c = peek(), c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
        exponent = String(Character(Unicode.Scalar(c)))
        index += 1
      }
      let digits = readDigits()
      guard !digits.isEmpty else { throw failure(at: index, "digits in the exponent") }
      exponent = "e" + exponent + text(digits)
    } else if fraction.isEmpty, integer.count <= 15 {
      // Up to 15 digits are exact in a Double: the same value Double(String) gives.
      var value = 0
      for i in integer { value = value &* 10 &+ Int(bytes[i] &- UInt8(ascii: "0")) }
      return negative ? -Double(value) : Double(value)
    }
    let integerText = integer.isEmpty ? "0" : text(integer)
    let literal = "\(negative ? "-" : "")\(integerText).\(text(fraction))0\(exponent)"
    guard let value = Double(literal) else { throw failure(at: start, "a number") }
    return value
  }

  /// The ASCII digits from `index` on (hexadecimal digits when asked).
  private mutating func readDigits(hexadecimal: Bool = false) -> Range<Int> {
    let start = index
    while let c = peek(), Self.isDigit(c) || (hexadecimal && Self.hexValue(c) != nil) {
      index += 1
    }
    return start..<index
  }

  /// The input bytes in `range` as text.
  func text(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  // MARK: - Whitespace and comments

  /// Skips whitespace, `// line` and `/* block */` comments.
  mutating func skipTrivia() throws {
    while index < bytes.count {
      let c = bytes[index]
      if c == 0x20 || (0x09...0x0D).contains(c) {
        index += 1
      } else if c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
        while index < bytes.count, !isLineBreak(at: index) { index += 1 }
      } else if c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
        let start = index
        index += 2
        while !(peek() == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/")) {
          guard index < bytes.count else {
            throw failure(at: start, "'*/' to close the comment that starts here")
          }
          index += 1
        }
        index += 2
      } else if c >= 0x80, case let (s, length) = scalar(at: index), Self.isWhitespace(s) {
        index += length
      } else {
        return
      }
    }
  }

  /// Whether a line comment ends at `offset`: LF, CR, U+2028 or U+2029.
  private func isLineBreak(at offset: Int) -> Bool {
    let c = bytes[offset]
    if c == 0x0A || c == 0x0D { return true }
    return c == 0xE2 && offset + 2 < bytes.count && bytes[offset + 1] == 0x80
      && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9)
  }

  func peek(_ offset: Int = 0) -> UInt8? {
    index + offset < bytes.count ? bytes[index + offset] : nil
  }
}
