// LayoutLab — JSON values: parsing with named errors and deterministic output.

import Foundation
import XCTest

@testable import Evaluation

final class JSONValueTests: XCTestCase {
  func testParsesEveryKind() throws {
    let value = try parseJSON(
      Data(#"{"a": [1, 2.5, "x", true, null], "b": {"c": "ü"}}"#.utf8), source: "inline")
    XCTAssertEqual(
      value,
      .object([
        "a": .array([.number(1), .number(2.5), .string("x"), .bool(true), .null]),
        "b": .object(["c": .string("ü")]),
      ]))
  }

  func testSerializesSortedAndEscaped() {
    let value = JSONValue.object([
      "z": .integer(3), "a": .array([.number(0.444), .number(.nan)]),
      "s": .string("q\"\\\n\u{1}é"),
    ])
    XCTAssertEqual(value.serialized, #"{"a":[0.444,null],"s":"q\"\\\n\u0001é","z":3}"#)
  }

  func testMalformedJSONNamesTheSource() {
    XCTAssertThrowsError(try parseJSON(Data("[1, 2".utf8), source: "pred.json")) { error in
      XCTAssertEqual(
        "\(error)", "pred.json: not valid JSON (Unexpected end of file during JSON parse.)")
    }
    XCTAssertThrowsError(try readJSONFile("/nonexistent/layoutlab.json")) {
      XCTAssertEqual("\($0)", "/nonexistent/layoutlab.json: cannot read the file")
    }
  }
}
