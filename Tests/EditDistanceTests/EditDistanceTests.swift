// LayoutLab — tests of the Levenshtein distance: textbook pairs, code points, any collection.

import EditDistance
import XCTest

final class EditDistanceTests: XCTestCase {
  func testTextbookPairs() {
    XCTAssertEqual(editDistance("kitten", "sitting"), 3)
    XCTAssertEqual(editDistance("sitting", "kitten"), 3)
    XCTAssertEqual(editDistance("", "abc"), 3)
    XCTAssertEqual(editDistance("abc", ""), 3)
    XCTAssertEqual(editDistance("", ""), 0)
    XCTAssertEqual(editDistance("flaw", "lawn"), 2)
    XCTAssertEqual(editDistance("same", "same"), 0)
  }

  func testStringsAreComparedByUnicodeScalars() {
    // "é" as e + combining acute is one `Character` but two scalars.
    XCTAssertEqual(editDistance("e\u{301}", "e"), 1)
    XCTAssertEqual(editDistance("e\u{301}", "\u{E9}"), 2)
    XCTAssertEqual(editDistance("straße", "strasse"), 2)
  }

  func testAnyCollectionOfEquatableElements() {
    let a: [Unicode.Scalar] = Array("kitten".unicodeScalars)
    let b: [Unicode.Scalar] = Array("sitting".unicodeScalars)
    XCTAssertEqual(editDistance(a, b), 3)
    XCTAssertEqual(editDistance([1, 2, 3, 4], [2, 3, 5]), 2)
    XCTAssertEqual(editDistance("abc".utf8, "abd".utf8), 1)
    XCTAssertEqual(editDistance([Int](), [7, 8]), 2)
  }
}
