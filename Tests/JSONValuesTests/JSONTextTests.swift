// LayoutLab — JSON text out of a JSONValue: canonical text (hashed) and compact output.

import Foundation
import XCTest

@testable import JSONValues

final class JSONTextTests: XCTestCase {
  func testSerializesSortedAndEscaped() {
    let value = JSONValue([
      "z": .integer(3), "a": .array([.number(0.444), .number(.nan)]),
      "s": .string("q\"\\\n\u{1}é\r"),
    ])
    XCTAssertEqual(value.serialized, #"{"a":[0.444,null],"s":"q\"\\\n\u0001é\r","z":3}"#)
    XCTAssertEqual(JSONValue.number(3).serialized, "3.0")
    XCTAssertEqual(
      JSONValue.object([("b", .null), ("a", .bool(true))]).serialized, #"{"a":true,"b":null}"#)
  }

  func testCanonicalTextWritesWholeNumbersAsIntegersAndSortsKeys() {
    let value = JSONValue.object([
      ("z", .number(1)), ("a", .array([.number(0.5), .number(5e-5), .number(1e15), .integer(7)])),
      ("s", .string("tab\t cr\r \u{1}")),
    ])
    XCTAssertEqual(
      value.canonicalText,
      #"{"a":[0.5,5e-05,1000000000000000.0,7],"s":"tab\t cr\u000d \u0001","z":1}"#)
    XCTAssertEqual(value.description, value.canonicalText)
  }

  func testEqualityKeepsKeyOrderAndMatchesIntegersToNumbers() {
    XCTAssertEqual(JSONValue.integer(3), .number(3))
    XCTAssertNotEqual(JSONValue.integer(3), .number(3.5))
    XCTAssertNotEqual(
      JSONValue.object([("a", .null), ("b", .null)]), .object([("b", .null), ("a", .null)]))
    XCTAssertEqual(JSONValue(["b": .null, "a": .null]), .object([("a", .null), ("b", .null)]))
    XCTAssertEqual(JSONValue.object([("k", .string("v"))])["k"], .string("v"))
    XCTAssertNil(JSONValue.array([])["k"])
  }

  func testDecodesThroughJSONDecoderWithSortedKeys() throws {
    let value = try JSONDecoder().decode(
      JSONValue.self, from: Data(#"{"b": [1, 2.5, "x", true, null], "a": {"c": "ü"}}"#.utf8))
    XCTAssertEqual(
      value,
      .object([
        ("a", .object([("c", .string("ü"))])),
        ("b", .array([.number(1), .number(2.5), .string("x"), .bool(true), .null])),
      ]))
  }
}
