// LayoutLab — the JSON5 parser's strings, identifiers, character classes and error positions.

extension JSON5Parser {
  // MARK: - Strings

  /// A single- or double-quoted string with JSON5 escapes and backslash-newline continuations.
  mutating func parseString() throws -> String {
    let start = index
    let quote = bytes[index]
    index += 1
    var out: [UInt8] = []
    var escaped = false
    var run = index
    while true {
      guard index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D else {
        let mark = Character(Unicode.Scalar(quote))
        throw failure(
          at: start, "a closing \(mark) on the same line for the string that starts here")
      }
      let c = bytes[index]
      if c == quote {
        defer { index += 1 }
        if !escaped { return text(run..<index) }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
        return String(decoding: out, as: UTF8.self)
      }
      guard c == UInt8(ascii: "\\") else {
        index += 1
        continue
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
      escaped = true
      let escape = index
      index += 1
      guard let e = peek() else { continue }  // a backslash at the very end: unterminated
      index += 1
      switch e {
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "v"): out.append(0x0B)
      case UInt8(ascii: "0"):
        if let d = peek(), Self.isDigit(d) {
          throw failure(
            at: escape, "no digit after '\\0'", found: "'\(Character(Unicode.Scalar(d)))'")
        }
        out.append(0)
      case UInt8(ascii: "1")...UInt8(ascii: "9"):
        throw failure(
          at: escape, "an escape sequence", found: "'\\\(Character(Unicode.Scalar(e)))'")
      case UInt8(ascii: "x"):
        append(Unicode.Scalar(UInt8(try readHex(2, escape: escape))), to: &out)
      case UInt8(ascii: "u"): append(try readUnicodeEscape(escape: escape), to: &out)
      case 0x0D:  // line continuation (CR or CR LF)
        if peek() == 0x0A { index += 1 }
      case 0x0A: break  // line continuation
      default:
        // JSON5: \' \" \\ \/ and any other character stand for themselves, except that U+2028
        // and U+2029 continue the line. The next run starts at that character.
        if e == 0xE2, peek() == 0x80, let last = peek(1), last == 0xA8 || last == 0xA9 {
          index += 2
        } else {
          run = escape + 1
          continue
        }
      }
      run = index
    }
  }

  private func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
    out.append(contentsOf: UTF8.encode(scalar)!)
  }

  /// The rest of a `\uXXXX` escape (after `\u`), joining a UTF-16 surrogate pair.
  private mutating func readUnicodeEscape(escape: Int) throws -> Unicode.Scalar {
    let unit = try readHex(4, escape: escape)
    if (0xD800..<0xDC00).contains(unit), peek() == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u")
    {
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
      guard let c = peek(), let digit = Self.hexValue(c) else {
        let letter = Character(Unicode.Scalar(bytes[escape + 1]))
        throw failure(at: escape, "\(count) hexadecimal digits after '\\\(letter)'")
      }
      value = value * 16 + digit
      index += 1
    }
    return value
  }

  // MARK: - Identifiers

  /// The identifier characters from `index` on (a word such as `true`, or an unquoted key).
  mutating func readIdentifier() -> String {
    let start = index
    while index < bytes.count {
      let c = bytes[index]
      if c < 0x80 {
        guard Self.isASCIIIdentifierPart(c) else { break }
        index += 1
      } else {
        let (scalar, length) = scalar(at: index)
        guard Self.isIdentifierPart(scalar) else { break }
        index += length
      }
    }
    return text(start..<index)
  }

  /// Whether an unquoted key can start at `offset`.
  func isIdentifierStart(at offset: Int) -> Bool {
    let c = bytes[offset]
    if c < 0x80 { return Self.isASCIIIdentifierPart(c) && !Self.isDigit(c) }
    return Self.isIdentifierStart(scalar(at: offset).scalar)
  }

  /// The scalar that starts at `offset` and its length in bytes (the input is valid UTF-8).
  func scalar(at offset: Int) -> (scalar: Unicode.Scalar, length: Int) {
    let b0 = UInt32(bytes[offset])
    if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
    func continuation(_ k: Int) -> UInt32 { UInt32(bytes[offset + k]) & 0x3F }
    if b0 < 0xE0 { return (Unicode.Scalar((b0 & 0x1F) << 6 | continuation(1))!, 2) }
    if b0 < 0xF0 {
      return (Unicode.Scalar((b0 & 0x0F) << 12 | continuation(1) << 6 | continuation(2))!, 3)
    }
    let value = (b0 & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3)
    return (Unicode.Scalar(value)!, 4)
  }

  // MARK: - Errors

  /// The 1-based line and column (in scalars) of the byte `offset` (lines end at LF, CR or
  /// CR LF).
  func position(of offset: Int) -> (line: Int, column: Int) {
    var (line, column) = (1, 1)
    for i in 0..<min(offset, bytes.count) where bytes[i] & 0xC0 != 0x80 {
      let c = bytes[i]
      if c == 0x0A || (c == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
        (line, column) = (line + 1, 1)
      } else if c != 0x0D {
        column += 1
      }
    }
    return (line, column)
  }

  /// An error at `offset`; `found` defaults to the character there.
  func failure(at offset: Int, _ expected: String, found: String? = nil) -> JSON5SyntaxError {
    let (line, column) = position(of: offset)
    let here: String
    if offset < bytes.count {
      let c = scalar(at: offset).scalar
      here = c == "\n" || c == "\r" ? "a line break" : "'\(c)'"
    } else {
      here = "the end of the input"
    }
    return JSON5SyntaxError(line: line, column: column, expected: expected, found: found ?? here)
  }

  // MARK: - Character classes

  static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
    "\t\n\u{B}\u{C}\r \u{A0}\u{2028}\u{2029}\u{FEFF}".unicodeScalars.contains(c)
      || c.properties.generalCategory == .spaceSeparator
  }

  /// `$`, `_`, an ASCII letter or digit.
  static func isASCIIIdentifierPart(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "$"), UInt8(ascii: "_"):
      return true
    default: return false
    }
  }

  /// The first character of an unquoted key: `$`, `_` or a letter (Unicode ID_Start).
  static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
    c == "$" || c == "_" || c.properties.isIDStart
  }

  /// A later character of an unquoted key: also digits and marks (ID_Continue), ZWNJ and ZWJ.
  static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
    isIdentifierStart(c) || c.properties.isIDContinue || c == "\u{200C}" || c == "\u{200D}"
  }

  static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

  /// The value of an ASCII hexadecimal digit.
  static func hexValue(_ c: UInt8) -> UInt32? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }
}
