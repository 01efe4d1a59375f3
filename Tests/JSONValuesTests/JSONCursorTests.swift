// LayoutLab — typed reading of JSON files: values, paths in errors, syntax errors with positions.

import Foundation
import XCTest

@testable import JSONValues

final class JSONCursorTests: XCTestCase {
  func testTypedAccessAndPathsInErrors() throws {
    let root = try JSONCursor.parse(
      Data(#"{"a": [1, 2.5, true, "x"], "b": {"c": null}}"#.utf8), file: "f.json")
    let items = try root.member("a").array()
    XCTAssertEqual(try items[0].int(), 1)
    XCTAssertEqual(try items[1].double(), 2.5)
    XCTAssertThrowsError(try items[1].int()) {
      XCTAssertEqual("\($0)", "f.json: a[1]: expected an integer")
    }
    XCTAssertThrowsError(try items[2].double()) {
      XCTAssertEqual("\($0)", "f.json: a[2]: expected a number")
    }
    XCTAssertThrowsError(try items[3].double()) {
      XCTAssertEqual("\($0)", "f.json: a[3]: expected a number")
    }
    XCTAssertNil(try root.member("b").optionalMember("c"))
    XCTAssertThrowsError(try root.member("b").member("c")) {
      XCTAssertEqual("\($0)", "f.json: b.c: expected a value (the key is missing)")
    }
    XCTAssertThrowsError(try root.array()) {
      XCTAssertEqual("\($0)", "f.json: top level: expected an array")
    }
    XCTAssertThrowsError(try items[0].string()) {
      XCTAssertEqual(
        $0 as? JSONFileError, JSONFileError(file: "f.json", location: "a[0]", expected: "a string"))
    }
  }

  func testNestedPathsAndCounts() throws {
    let root = try JSONCursor.parse(
      Data(#"{"form": [{"words": [{"box": [1, 2, 3]}]}], "n": Infinity}"#.utf8), file: "g.json")
    let box = try root.member("form").array()[0].member("words").array()[0].member("box")
    XCTAssertEqual(box.path, "form[0].words[0].box")
    XCTAssertEqual(try box.doubles(), [1, 2, 3])
    XCTAssertThrowsError(try box.doubles(count: 4)) {
      XCTAssertEqual("\($0)", "g.json: form[0].words[0].box: expected an array of 4 numbers")
    }
    XCTAssertThrowsError(try root.member("n").double()) {
      XCTAssertEqual("\($0)", "g.json: n: expected a finite number")
    }
  }

  func testSyntaxErrorsNameTheFileLineAndColumn() {
    XCTAssertThrowsError(try JSONCursor.parse(Data("{\"form\": [\n  1,\n  2".utf8), file: "h.json"))
    {
      XCTAssertEqual(
        "\($0)",
        "h.json: expected valid JSON (line 3, column 4: expected ',' or ']' after an array "
          + "element, found the end of the input)")
    }
  }
}
