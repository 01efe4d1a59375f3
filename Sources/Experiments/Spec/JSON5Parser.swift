// LayoutLab — a small JSON5 parser that keeps object keys in the order they were written.

import Foundation

/// A JSON5 text that does not parse: where (1-based line and column, in Unicode scalars) and
/// what the parser expected there.
public struct JSON5SyntaxError: Error, CustomStringConvertible, Equatable {
  public var line: Int
  public var column: Int
  /// What was expected at that point, e.g. `',' or '}' after an object member`.
  public var expected: String
  /// What was there instead (`'x'`, `the end of the input`), when that helps.
  public var found: String?

  public var description: String {
    "line \(line), column \(column): expected \(expected)" + (found.map { ", found \($0)" } ?? "")
  }
}

/// Parses JSON5 (https://spec.json5.org) into a `JSONValue`: comments, trailing commas,
/// identifier keys (without `\u` escapes), single-quoted strings and JSON5 escapes, hexadecimal,
/// `Infinity` and `NaN`.
///
/// Unlike `JSONDecoder`, object keys keep the order they were written in, and a key repeated
/// within one object is an error rather than silently dropped.
struct JSON5Parser {
  private let text: [Unicode.Scalar]
  private var index = 0
  private var depth = 0
  /// Nesting limit for arrays and objects, so hostile input cannot overflow the stack.
  private static let maximumDepth = 512

  /// Parses `data` (UTF-8) as exactly one JSON5 value, with only whitespace and comments after it.
  static func parse(_ data: Data) throws -> JSONValue {
    guard let string = String(validating: data, as: UTF8.self) else {
      throw JSON5SyntaxError(line: 1, column: 1, expected: "UTF-8 text", found: "invalid bytes")
    }
    var parser = JSON5Parser(text: Array(string.unicodeScalars))
    let value = try parser.parseValue()
    try parser.skipTrivia()
    guard parser.index == parser.text.count else {
      throw parser.failure(at: parser.index, "the end of the input after the value")
    }
    return value
  }

  private init(text: [Unicode.Scalar]) { self.text = text }

  // MARK: - Values

  private mutating func parseValue() throws -> JSONValue {
    try skipTrivia()
    guard let c = peek() else { throw failure(at: index, "a value") }
    switch c {
    case "{": return try parseObject()
    case "[": return try parseArray()
    case "\"", "'": return .string(try parseString())
    case "+", "-", ".", "0"..."9": return .number(try parseNumber())
    default:
      let start = index
      switch read(while: Self.isIdentifierPart) {
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
  private mutating func parseObject() throws -> JSONValue {
    var pairs: [(String, JSONValue)] = []
    var seen: [String: Int] = [:]
    try parseMembers(close: "}", "',' or '}' after an object member") { parser in
      let start = parser.index
      let key: String
      switch parser.peek() {
      case "\"", "'": key = try parser.parseString()
      case let c? where Self.isIdentifierStart(c): key = parser.read(while: Self.isIdentifierPart)
      default: throw parser.failure(at: start, "a key (an identifier or a quoted string) or '}'")
      }
      if let first = seen[key] {
        let (line, column) = parser.position(of: first)
        throw parser.failure(
          at: start, "a key not yet used in this object",
          found: "'\(key)', already used at line \(line), column \(column)")
      }
      seen[key] = start
      try parser.skipTrivia()
      guard parser.peek() == ":" else {
        throw parser.failure(at: parser.index, "':' after the key '\(key)'")
      }
      parser.index += 1
      pairs.append((key, try parser.parseValue()))
    }
    return .object(pairs)
  }

  private mutating func parseArray() throws -> JSONValue {
    var items: [JSONValue] = []
    try parseMembers(close: "]", "',' or ']' after an array element") {
      items.append(try $0.parseValue())
    }
    return .array(items)
  }

  /// The members of an array or object from its opening bracket to `close`, separated by commas
  /// (a trailing comma allowed).
  private mutating func parseMembers(
    close: Unicode.Scalar, _ expected: String, member: (inout JSON5Parser) throws -> Void
  ) throws {
    guard depth < Self.maximumDepth else {
      throw failure(at: index, "at most \(Self.maximumDepth) nested arrays and objects")
    }
    depth += 1
    index += 1
    while true {
      try skipTrivia()
      if peek() == close { break }
      try member(&self)
      try skipTrivia()
      if peek() == "," {
        index += 1
      } else if peek() != close {
        throw failure(at: index, expected)
      }
    }
    index += 1
    depth -= 1
  }

  /// A decimal or hexadecimal number, `Infinity` or `NaN`, each with an optional sign.
  private mutating func parseNumber() throws -> Double {
    let start = index
    let negative = peek() == "-"
    if negative || peek() == "+" { index += 1 }
    let sign: Double = negative ? -1 : 1
    if let c = peek(), Self.isIdentifierStart(c) {
      let wordStart = index
      switch read(while: Self.isIdentifierPart) {
      case "Infinity": return sign * .infinity
      case "NaN": return negative ? -Double.nan : .nan  // as JSONDecoder reads "-NaN"
      case let word: throw failure(at: wordStart, "a number", found: "'\(word)'")
      }
    }
    if peek() == "0", let x = peek(1), x == "x" || x == "X" {
      index += 2
      guard let value = Double("0x" + read(while: \.properties.isASCIIHexDigit)) else {
        throw failure(at: index, "a hexadecimal digit after '0\(x)'")
      }
      return sign * value
    }
    let integerStart = index
    let integer = read(while: Self.isDigit)
    if integer.count > 1, integer.hasPrefix("0") {
      throw failure(at: integerStart, "no leading zeros in a number")
    }
    var fraction = ""
    if peek() == "." {
      index += 1
      fraction = read(while: Self.isDigit)
    }
    guard !integer.isEmpty || !fraction.isEmpty else {
      throw failure(at: start, "a number (digits, 0x…, Infinity or NaN)")
    }
    var exponent = ""
    if peek() == "e" || peek() == "E" {
      index += 1
      if let c = peek(), c == "+" || c == "-" {
        exponent = String(c)
        index += 1
      }
      let digits = read(while: Self.isDigit)
      guard !digits.isEmpty else { throw failure(at: index, "digits in the exponent") }
      exponent = "e" + exponent + digits
    }
    let literal = "\(negative ? "-" : "")\(integer.isEmpty ? "0" : integer).\(fraction)0\(exponent)"
    guard let value = Double(literal) else { throw failure(at: start, "a number") }
    return value
  }

  // MARK: - Strings and identifiers

  /// A single- or double-quoted string with JSON5 escapes and backslash-newline continuations.
  private mutating func parseString() throws -> String {
    let start = index
    let quote = text[index]
    index += 1
    var out = String.UnicodeScalarView()
    while true {
      guard let c = peek(), c != "\n", c != "\r" else {
        throw failure(
          at: start, "a closing \(quote) on the same line for the string that starts here")
      }
      index += 1
      if c == quote { return String(out) }
      guard c == "\\", let e = peek() else {
        if c != "\\" { out.append(c) }  // a backslash at the very end: unterminated
        continue
      }
      let escape = index - 1
      index += 1
      switch e {
      case "b", "f", "n", "r", "t", "v": out.append(Self.controlEscapes[e]!)
      case "0":
        if let d = peek(), Self.isDigit(d) {
          throw failure(at: escape, "no digit after '\\0'", found: "'\(d)'")
        }
        out.append("\0")
      case "1"..."9": throw failure(at: escape, "an escape sequence", found: "'\\\(e)'")
      case "x": out.append(Unicode.Scalar(UInt8(try readHex(2, escape: escape))))
      case "u": out.append(try readUnicodeEscape(escape: escape))
      case "\r": if peek() == "\n" { index += 1 }  // line continuation (CR LF)
      case "\n", "\u{2028}", "\u{2029}": break  // line continuation
      default: out.append(e)  // JSON5: \' \" \\ \/ and any other character stand for themselves
      }
    }
  }

  /// The rest of a `\uXXXX` escape (after `\u`), joining a UTF-16 surrogate pair.
  private mutating func readUnicodeEscape(escape: Int) throws -> Unicode.Scalar {
    let unit = try readHex(4, escape: escape)
    if (0xD800..<0xDC00).contains(unit), peek() == "\\", peek(1) == "u" {
      index += 2
      let low = try readHex(4, escape: index - 2)
      if (0xDC00..<0xE000).contains(low) {
        return Unicode.Scalar(0x10000 + (unit - 0xD800) << 10 + (low - 0xDC00))!
      }
    }
    guard let scalar = Unicode.Scalar(unit) else {
      throw failure(at: escape, "a UTF-16 surrogate pair (\\uD800–\\uDBFF then \\uDC00–\\uDFFF)")
    }
    return scalar
  }

  /// `count` hexadecimal digits after the `\x` or `\u` that starts at `escape`.
  private mutating func readHex(_ count: Int, escape: Int) throws -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<count {
      guard let c = peek(), c.properties.isASCIIHexDigit else {
        throw failure(at: escape, "\(count) hexadecimal digits after '\\\(text[escape + 1])'")
      }
      value = value * 16 + UInt32(String(c), radix: 16)!
      index += 1
    }
    return value
  }

  /// The characters from `index` on that satisfy `accept` (a word such as `true`, digits).
  private mutating func read(while accept: (Unicode.Scalar) -> Bool) -> String {
    let start = index
    while let c = peek(), accept(c) { index += 1 }
    return String(String.UnicodeScalarView(text[start..<index]))
  }

  // MARK: - Whitespace, comments, positions

  /// Skips whitespace, `// line` and `/* block */` comments.
  private mutating func skipTrivia() throws {
    while let c = peek() {
      if Self.isWhitespace(c) {
        index += 1
      } else if c == "/", peek(1) == "/" {
        while let c = peek(), !["\n", "\r", "\u{2028}", "\u{2029}"].contains(c) { index += 1 }
      } else if c == "/", peek(1) == "*" {
        let start = index
        index += 2
        while !(peek() == "*" && peek(1) == "/") {
          guard index < text.count else {
            throw failure(at: start, "'*/' to close the comment that starts here")
          }
          index += 1
        }
        index += 2
      } else {
        return
      }
    }
  }

  private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    index + offset < text.count ? text[index + offset] : nil
  }

  /// The 1-based line and column of `offset` (lines end at LF, CR or CR LF).
  private func position(of offset: Int) -> (line: Int, column: Int) {
    var (line, column) = (1, 1)
    for i in 0..<min(offset, text.count) {
      if text[i] == "\n" || (text[i] == "\r" && (i + 1 == text.count || text[i + 1] != "\n")) {
        (line, column) = (line + 1, 1)
      } else if text[i] != "\r" {
        column += 1
      }
    }
    return (line, column)
  }

  /// An error at `offset`; `found` defaults to the character there.
  private func failure(at offset: Int, _ expected: String, found: String? = nil) -> JSON5SyntaxError
  {
    let (line, column) = position(of: offset)
    let c = offset < text.count ? text[offset] : nil
    let here =
      c.map { $0 == "\n" || $0 == "\r" ? "a line break" : "'\($0)'" } ?? "the end of the input"
    return JSON5SyntaxError(line: line, column: column, expected: expected, found: found ?? here)
  }

  // MARK: - Character classes

  private static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
    "\t\n\u{B}\u{C}\r \u{A0}\u{2028}\u{2029}\u{FEFF}".unicodeScalars.contains(c)
      || c.properties.generalCategory == .spaceSeparator
  }

  /// The first character of an unquoted key: `$`, `_` or a letter (Unicode ID_Start).
  private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
    c == "$" || c == "_" || c.properties.isIDStart
  }

  /// A later character of an unquoted key: also digits and marks (ID_Continue), ZWNJ and ZWJ.
  private static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
    isIdentifierStart(c) || c.properties.isIDContinue || c == "\u{200C}" || c == "\u{200D}"
  }

  private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

  private static let controlEscapes: [Unicode.Scalar: Unicode.Scalar] = [
    "b": "\u{8}", "f": "\u{C}", "n": "\n", "r": "\r", "t": "\t", "v": "\u{B}",
  ]
}
