// LayoutLab — the backbone's [3, 224, 224] BGR input.

import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

final class ModelPixelsTests: XCTestCase {
  func testRGBIsFlippedToBGRPlanes() {
    // A 2×2 image: red, green / blue, white. Same size, so no resampling changes values.
    let pixels: [UInt8] = [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]
    let image = RasterImage(width: 2, height: 2, mode: .rgb, pixels: pixels)
    let values = ModelPixels.values(from: image, size: 2)
    XCTAssertEqual(values.count, 12)
    XCTAssertEqual(Array(values[0..<4]), [0, 0, 255, 255])  // blue plane
    XCTAssertEqual(Array(values[4..<8]), [0, 255, 0, 255])  // green plane
    XCTAssertEqual(Array(values[8..<12]), [255, 0, 0, 255])  // red plane
  }

  func testGrayPageGivesThreeEqualPlanesMatchingTheResizeFixture() throws {
    let shared = try TestPaths.shared()
    let list = try ImageFixtures.load(ResizeCaseList.self, "resize-224/cases.json")
    let entry = try XCTUnwrap(list.cases.first)
    let page = try decodeImage(contentsOf: shared.appendingPathComponent(entry.source))
    let values = ModelPixels.values(from: page)
    XCTAssertEqual(values.count, 3 * 224 * 224)
    let plane = 224 * 224
    XCTAssertEqual(Array(values[0..<plane]), Array(values[plane..<(2 * plane)]))
    XCTAssertEqual(Array(values[0..<plane]), Array(values[(2 * plane)...]))
    // rgb_sum is Pillow's sum after convert("RGB"): three times the gray sum.
    XCTAssertEqual(Int(values.reduce(0) { $0 + Double($1) }), entry.rgb_sum)
  }
}
