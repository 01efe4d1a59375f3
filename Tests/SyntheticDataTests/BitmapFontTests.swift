// LayoutLab — tests of the bitmap font metrics and glyph table.

import XCTest

@testable import SyntheticData

final class BitmapFontTests: XCTestCase {
  func testTableCoversPrintableASCIIAndMetricsScale() {
    XCTAssertEqual(BitmapFont.glyphTable.count, 95 * 5)
    XCTAssertEqual(BitmapFont.width(of: "", scale: 2), 0)
    XCTAssertEqual(BitmapFont.width(of: "AB", scale: 1), 11)
    XCTAssertEqual(BitmapFont.width(of: "AB", scale: 3), 33)
    XCTAssertEqual(BitmapFont.advance(scale: 2), 12)
  }

  func testGlyphShapes() {
    let space = BitmapFont.columns(32)
    XCTAssertEqual([space.0, space.1, space.2, space.3, space.4], [0, 0, 0, 0, 0])
    let one = BitmapFont.columns(UInt8(ascii: "1"))
    XCTAssertEqual(one.2, 0x7F, "the stem of '1' is a full column")
    XCTAssertTrue(BitmapFont.hasDescender(UInt8(ascii: "g")))
    XCTAssertFalse(BitmapFont.hasDescender(UInt8(ascii: "a")))
    let outside = BitmapFont.columns(200)
    XCTAssertEqual(outside.0, 0x7F, "unknown characters draw as a block")
  }
}
