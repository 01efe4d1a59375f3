import Foundation
import XCTest

@testable import LayoutData

final class JSONNodeTests: XCTestCase {
  func testTypedAccessAndPathsInErrors() throws {
    let root = try JSONNode.parse(
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
      XCTAssertTrue("\($0)".contains("b.c: expected a value"), "\($0)")
    }
    XCTAssertThrowsError(try root.array()) {
      XCTAssertEqual("\($0)", "f.json: top level: expected an array")
    }
  }
}
