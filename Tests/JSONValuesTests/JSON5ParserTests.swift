// LayoutLab — the JSON5 parser: key order, every JSON5 feature, errors with line and column,
// and the same canonical text (so the same spec hashes) as the JSONDecoder path it replaced.

import Foundation
import XCTest

@testable import JSONValues

final class JSON5ParserTests: XCTestCase {
  func parse(_ text: String) throws -> JSONValue { try JSONValue.parseJSON5(Data(text.utf8)) }

  /// The error `text` fails with (fails the test when it parses).
  func syntaxError(_ text: String, file: StaticString = #filePath, line: UInt = #line)
    -> JSON5SyntaxError?
  {
    do {
      let value = try parse(text)
      XCTFail("parsed as \(value)", file: file, line: line)
    } catch let error as JSON5SyntaxError {
      return error
    } catch {
      XCTFail("not a JSON5SyntaxError: \(error)", file: file, line: line)
    }
    return nil
  }

  /// The old path: Foundation's JSON5 decoder through `init(from:)`.
  func decodeWithFoundation(_ data: Data) throws -> JSONValue {
    let decoder = JSONDecoder()
    decoder.allowsJSON5 = true
    return try decoder.decode(JSONValue.self, from: data)
  }

  func keys(_ value: JSONValue?) -> [String] {
    guard case .object(let pairs)? = value else { return [] }
    return pairs.map(\.0)
  }

  func number(_ text: String) throws -> Double {
    guard case .number(let value) = try parse(text) else {
      XCTFail("\(text) is not a number")
      return 0
    }
    return value
  }

  // MARK: - Features

  func testObjectKeysKeepTheirWrittenOrder() throws {
    let value = try parse("{ z: 1, a: 2, m: { y: true, b: false, k: null } }")
    XCTAssertEqual(keys(value), ["z", "a", "m"])
    XCTAssertEqual(keys(value["m"]), ["y", "b", "k"])
    // The canonical text still sorts keys (spec hashes do not depend on the written order).
    XCTAssertEqual(value.canonicalText, #"{"a":2,"m":{"b":false,"k":null,"y":true},"z":1}"#)
  }

  func testCommentsAnywhereBetweenTokens() throws {
    let text = """
      // leading comment
      /* block
         comment */ { /* before key */ a /* after key */ : // line
        [1, /* inside */ 2] // after value
        , b: 'x' /* last */ } // trailing
      /* end */
      """
    XCTAssertEqual(
      try parse(text), .object([("a", .array([.number(1), .number(2)])), ("b", .string("x"))]))
    XCTAssertEqual(try parse("1 //"), .number(1))
    XCTAssertEqual(try parse("/**/2/***/"), .number(2))
  }

  func testTrailingCommas() throws {
    XCTAssertEqual(try parse("[1, 2,]"), .array([.number(1), .number(2)]))
    XCTAssertEqual(
      try parse("{ a: [], b: {}, }"), .object([("a", .array([])), ("b", .object([]))]))
    XCTAssertNotNil(syntaxError("[1,,]"))
    XCTAssertNotNil(syntaxError("[,]"))
    XCTAssertNotNil(syntaxError("{,}"))
  }

  func testIdentifierAndQuotedKeys() throws {
    let value = try parse(
      #"{ $a_1: 1, _b: 2, café: 3, 'x y': 5, "q": 6, null: 7, ünïcode_ok$: 8 }"#)
    XCTAssertEqual(keys(value), ["$a_1", "_b", "café", "x y", "q", "null", "ünïcode_ok$"])
    XCTAssertNotNil(syntaxError("{ 1a: 2 }"))
    XCTAssertNotNil(syntaxError("{ a-b: 2 }"))
  }

  func testStringsAndEscapes() throws {
    XCTAssertEqual(try parse(#"'single "double" inside'"#), .string(#"single "double" inside"#))
    XCTAssertEqual(try parse(#""double 'single' inside""#), .string("double 'single' inside"))
    XCTAssertEqual(
      try parse(#"'\n\t\r\b\f\v\0'"#), .string("\n\t\r\u{8}\u{C}\u{B}\u{0}"))
    XCTAssertEqual(try parse(#"'\'\"\\\/'"#), .string(#"'"\/"#))
    XCTAssertEqual(try parse(#""\u00e9\u0041\x41""#), .string("éAA"))
    XCTAssertEqual(try parse(#""\uD83D\uDE00 \ud83d\ude00""#), .string("😀 😀"))
    // A backslash before a line break continues the string on the next line (LF or CR LF).
    XCTAssertEqual(try parse("'ab\\\ncd'"), .string("abcd"))
    XCTAssertEqual(try parse("'ab\\\r\ncd'"), .string("abcd"))
    // JSON5 (like ECMAScript) lets any other escaped character stand for itself.
    XCTAssertEqual(try parse(#"'\q'"#), .string("q"))
    XCTAssertEqual(try parse("'tab\there'"), .string("tab\there"))
  }

  func testNumbers() throws {
    XCTAssertEqual(try number("0"), 0)
    XCTAssertEqual(try number("42"), 42)
    XCTAssertEqual(try number("-17"), -17)
    XCTAssertEqual(try number("+3"), 3)
    XCTAssertEqual(try number("3.25"), 3.25)
    XCTAssertEqual(try number(".5"), 0.5)
    XCTAssertEqual(try number("5."), 5)
    XCTAssertEqual(try number("-.5"), -0.5)
    XCTAssertEqual(try number("1e-3"), 0.001)
    XCTAssertEqual(try number("2.5E+2"), 250)
    XCTAssertEqual(try number("5.e2"), 500)
    XCTAssertEqual(try number("0.1"), 0.1)
    XCTAssertEqual(try number("0.30000000000000004"), 0.1 + 0.2)
    XCTAssertEqual(try number("12345678901234567890"), 1.2345678901234567e19)
    XCTAssertEqual(try number("1e400"), .infinity)
    XCTAssertEqual(try number("0x1F"), 31)
    XCTAssertEqual(try number("0XfF"), 255)
    XCTAssertEqual(try number("-0x10"), -16)
    XCTAssertEqual(try number("+0x10"), 16)
    XCTAssertEqual(try number("Infinity"), .infinity)
    XCTAssertEqual(try number("-Infinity"), -.infinity)
    XCTAssertEqual(try number("+Infinity"), .infinity)
    XCTAssertTrue(try number("NaN").isNaN)
    XCTAssertTrue(try number("-NaN").isNaN)
    XCTAssertEqual(
      try parse("[1, -2.5, 0x0a, Infinity]"),
      .array([.number(1), .number(-2.5), .number(10), .number(.infinity)]))
    for bad in [
      "007", "0x", "1e", "1e+", "-", "+", ".", "-.e1", "1.2.3", "0x1G", "Infinit", "-nan",
    ] {
      XCTAssertNotNil(syntaxError(bad), bad)
    }
  }

  func testLiteralsAndWhitespace() throws {
    XCTAssertEqual(try parse("true"), .bool(true))
    XCTAssertEqual(try parse("false"), .bool(false))
    XCTAssertEqual(try parse("null"), .null)
    XCTAssertEqual(
      try parse("\u{FEFF}\t\u{B}\u{C}\u{A0}\r\n [true] \u{2028}"), .array([.bool(true)]))
    XCTAssertNotNil(syntaxError("True"))
    XCTAssertNotNil(syntaxError("nul"))
  }

  func testWholeInputMustBeOneValue() {
    XCTAssertEqual(
      syntaxError("")?.description, "line 1, column 1: expected a value, found the end of the input"
    )
    XCTAssertNotNil(syntaxError("// only a comment"))
    XCTAssertNotNil(syntaxError("1 2"))
    XCTAssertNotNil(syntaxError("{} {}"))
    XCTAssertNotNil(syntaxError("a: 1"))
  }

  // MARK: - Errors

  func testMissingCommaNamesLineAndColumn() {
    let error = syntaxError("{\n  a: 1,\n  b: 2\n  c: 3\n}")
    XCTAssertEqual(error?.line, 4)
    XCTAssertEqual(error?.column, 3)
    XCTAssertEqual(
      error?.description, "line 4, column 3: expected ',' or '}' after an object member, found 'c'")
    let array = syntaxError("[1\n  2]")
    XCTAssertEqual(array.map { [$0.line, $0.column] }, [2, 3])
    XCTAssertEqual(array?.expected, "',' or ']' after an array element")
    let colon = syntaxError("{ a 1 }")
    XCTAssertEqual(colon.map { [$0.line, $0.column] }, [1, 5])
    XCTAssertEqual(colon?.expected, "':' after the key 'a'")
  }

  func testUnterminatedStringPointsAtItsStart() {
    let error = syntaxError("{\n  name: 'demo,\n  seeds: [1],\n}")
    XCTAssertEqual(error.map { [$0.line, $0.column] }, [2, 9])
    XCTAssertTrue(error?.expected.contains("closing '") ?? false, "\(String(describing: error))")
    XCTAssertEqual(syntaxError(#"["abc"#).map { [$0.line, $0.column] }, [1, 2])
    XCTAssertEqual(syntaxError("'abc\\").map { [$0.line, $0.column] }, [1, 1])
  }

  func testUnterminatedCommentPointsAtItsStart() {
    let error = syntaxError("[1,\r\n 2 /* note\r\n 3]")
    XCTAssertEqual(error.map { [$0.line, $0.column] }, [2, 4])
    XCTAssertEqual(error?.expected, "'*/' to close the comment that starts here")
  }

  func testTrailingGarbage() {
    let error = syntaxError("{ a: 1 }\n\n  }")
    XCTAssertEqual(error.map { [$0.line, $0.column] }, [3, 3])
    XCTAssertEqual(error?.expected, "the end of the input after the value")
    XCTAssertEqual(error?.found, "'}'")
  }

  func testDuplicateKeyIsAnError() {
    let error = syntaxError("{\n  variants: {\n    a: {},\n    b: {},\n    'a': {},\n  },\n}")
    XCTAssertEqual(error.map { [$0.line, $0.column] }, [5, 5])
    XCTAssertEqual(
      error?.description,
      "line 5, column 5: expected a key not yet used in this object, found 'a', already used at "
        + "line 3, column 5")
    // The same key in different objects is fine.
    XCTAssertEqual(keys(try? parse("{ a: { a: 1 }, b: { a: 2 } }")), ["a", "b"])
  }

  func testBadEscapes() {
    let hex = syntaxError(#"{ s: 'ok', t: "\x4G" }"#)
    XCTAssertEqual(hex.map { [$0.line, $0.column] }, [1, 16])
    XCTAssertEqual(hex?.expected, "2 hexadecimal digits after '\\x'")
    let unicode = syntaxError("\n'\\u12'")
    XCTAssertEqual(unicode.map { [$0.line, $0.column] }, [2, 2])
    XCTAssertEqual(unicode?.expected, "4 hexadecimal digits after '\\u'")
    XCTAssertEqual(syntaxError(#"'\u+123'"#).map { [$0.line, $0.column] }, [1, 2])
    XCTAssertEqual(syntaxError(#"'\1'"#).map { [$0.line, $0.column] }, [1, 2])
    XCTAssertEqual(syntaxError(#"'\01'"#).map { [$0.line, $0.column] }, [1, 2])
    XCTAssertEqual(syntaxError(#"'\uD83D'"#).map { [$0.line, $0.column] }, [1, 2])
    XCTAssertEqual(syntaxError(#"'\uDE00'"#).map { [$0.line, $0.column] }, [1, 2])
  }

  func testDeepNestingIsAnErrorNotACrash() {
    let error = syntaxError(String(repeating: "[", count: 10_000))
    XCTAssertEqual(error?.line, 1)
    XCTAssertEqual(error?.column, 513)
  }

  func testInvalidUTF8IsAnError() {
    XCTAssertThrowsError(try JSONValue.parseJSON5(Data([0x7B, 0x0A, 0x61, 0xFF]))) { error in
      XCTAssertEqual(
        (error as? JSON5SyntaxError)?.description,
        "line 1, column 1: expected UTF-8 text, found invalid bytes")
    }
  }

  /// The canonical text (hence every spec hash and cached result) is the same as through
  /// `JSONDecoder`, for inputs both accept.
  func testCanonicalTextMatchesJSONDecoder() throws {
    let inputs = [
      "{b: 1, a: [true, 'x', 0.5], c: null}", "[0x1F, -0x1f, +1, .5, 5., -.5, 1e3, 5.e2, 1E-7]",
      "[Infinity, -Infinity, NaN, -NaN, 1234.5678, 2.5e-7, -0]",
      #"{ 'k"': "a\u00e9\n\t\\ \uD83D\uDE00", $_x1: 'x', café: {} }"#,
      "// c\n{ z: { y: [1, 2, ], }, /* c */ a: 1e-3, }",
    ]
    for text in inputs {
      let data = Data(text.utf8)
      XCTAssertEqual(
        try parse(text).canonicalText, try decodeWithFoundation(data).canonicalText, text)
    }
  }

  // MARK: - Non-ASCII text (the parser reads UTF-8 bytes)

  func testNonASCIITextWhitespaceAndEscapes() throws {
    XCTAssertEqual(try parse("'日本 é 😀'"), .string("日本 é 😀"))
    XCTAssertEqual(try parse("'\\é\\😀'"), .string("é😀"))  // escaped characters stand for themselves
    XCTAssertEqual(try parse("'a\\\u{2028}b'"), .string("ab"))  // U+2028 continues the line
    XCTAssertEqual(try parse("'a\u{2028}b'"), .string("a\u{2028}b"))
    XCTAssertEqual(try parse("\u{3000}[\u{2003}1\u{A0}]\u{FEFF}"), .array([.number(1)]))
    XCTAssertEqual(try parse(#""\x41\xe9\u00e9""#), .string("Aéé"))
    XCTAssertEqual(keys(try parse("{ 日本: 1, é_2: 2 }")), ["日本", "é_2"])
    XCTAssertEqual(try parse("[1 // é 😀\u{2028}, 2]"), .array([.number(1), .number(2)]))
  }

  func testColumnsCountScalarsNotBytes() {
    let error = syntaxError("{ 'é😀': 1\n  , '日本': 2 x }")
    XCTAssertEqual(error.map { [$0.line, $0.column] }, [2, 13])
    XCTAssertEqual(error?.found, "'x'")
    XCTAssertEqual(syntaxError("['日本' é]")?.found, "'é'")
    XCTAssertEqual(syntaxError("['日本' é]").map { [$0.line, $0.column] }, [1, 7])
  }

  func testManyMembersStillRejectRepeatedKeys() {
    let members = (0..<40).map { "k\($0): \($0)" }.joined(separator: ", ")
    XCTAssertEqual(keys(try? parse("{ \(members) }")).count, 40)
    let error = syntaxError("{ \(members), k7: 0 }")
    XCTAssertEqual(error?.expected, "a key not yet used in this object")
    XCTAssertTrue(error?.found?.hasPrefix("'k7', already used at line 1, column ") ?? false)
  }

  /// Strict JSON reads to the same values as through JSONSerialization, numbers bit for bit
  /// (for literals of up to 17 significant digits, where Foundation on Linux parses a decimal
  /// through `Decimal` and can miss the nearest Double: `0.30000000000000004` becomes
  /// 0.3000000000000001 there, while every number here is `Double(String)` of its literal).
  func testStrictJSONMatchesJSONSerialization() throws {
    let text =
      #"{"form": [{"box": [94, 169, 191, 186], "text": "R&D :", "id": 0,"#
      + #" "f": [0.1, 1e-7, -2.5E+3, 0.25, 12345678901234567, -0.0]}],"#
      + #" "s": "\u00e9\n\/\"", "t": true, "n": null}"#
    let data = Data(text.utf8)
    func same(_ a: Any, _ b: JSONValue) -> Bool {
      switch b {
      case .null: return a is NSNull
      case .bool(let v): return (a as? Bool) == v
      case .number(let v): return (a as? NSNumber)?.doubleValue.bitPattern == v.bitPattern
      case .string(let v): return (a as? String) == v
      case .array(let items):
        guard let list = a as? [Any], list.count == items.count else { return false }
        return zip(list, items).allSatisfy(same)
      case .object(let pairs):
        guard let object = a as? [String: Any], object.count == pairs.count else { return false }
        return pairs.allSatisfy { key, value in object[key].map { same($0, value) } ?? false }
      case .integer: return false
      }
    }
    XCTAssertTrue(
      same(try JSONSerialization.jsonObject(with: data), try JSONValue.parseJSON5(data)))
    for literal in ["0.30000000000000004", "2.2250738585072014e-308", "9007199254740993", "-0"] {
      XCTAssertEqual(
        try number(literal).bitPattern, Double(literal)?.bitPattern, literal)
    }
  }
}
