// LayoutLab — merging objects and setting values at key paths.

import XCTest

@testable import JSONValues

final class JSONValueEditingTests: XCTestCase {
  func testMergeIsRecursiveForObjectsAndReplacesAnythingElse() throws {
    let base = try JSONValue.parseJSON5(Data("{ a: { x: 1, y: [1] }, b: 2 }".utf8))
    let overlay = try JSONValue.parseJSON5(Data("{ a: { y: [2], z: 3 }, c: 4 }".utf8))
    XCTAssertEqual(
      base.merged(with: overlay).canonicalText, #"{"a":{"x":1,"y":[2],"z":3},"b":2,"c":4}"#)
    guard case .object(let pairs) = base.merged(with: overlay) else { return XCTFail() }
    XCTAssertEqual(pairs.map(\.0), ["a", "b", "c"])
    XCTAssertEqual(base.merged(with: .number(1)), .number(1))
  }

  func testSettingCreatesObjectsOnTheWay() {
    let tree = JSONValue.object([("data", .object([("root", .string("a"))])), ("n", .number(1))])
    XCTAssertEqual(
      tree.setting(["data", "root"], to: .string("b")).canonicalText,
      #"{"data":{"root":"b"},"n":1}"#)
    XCTAssertEqual(
      tree.setting(["n", "deep", "er"], to: .bool(true)).canonicalText,
      #"{"data":{"root":"a"},"n":{"deep":{"er":true}}}"#)
    XCTAssertEqual(tree.setting([], to: .null), .null)
  }
}
