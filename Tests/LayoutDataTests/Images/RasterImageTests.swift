// LayoutLab — the image types' derived properties.

import XCTest

@testable import LayoutData

final class RasterImageTests: XCTestCase {
  func testModeLayouts() {
    XCTAssertEqual(PixelMode.gray16.bytesPerPixel, 2)
    XCTAssertEqual(PixelMode.gray16.channels, 1)
    XCTAssertEqual(PixelMode.rgba.bytesPerPixel, 4)
    XCTAssertEqual(PixelMode.palette.channels, 1)
    XCTAssertEqual(PixelMode(rawValue: "I;16"), .gray16)
  }

  func testPixelSumReadsSixteenBitValues() {
    let image = RasterImage(width: 2, height: 1, mode: .gray16, pixels: [1, 1, 255, 0])
    XCTAssertEqual(image.pixelSum, 257 + 255)
    XCTAssertEqual(image.bitDepth, 16)
    let gray = RasterImage(width: 2, height: 1, mode: .gray, pixels: [1, 255])
    XCTAssertEqual(gray.pixelSum, 256)
    XCTAssertEqual(gray.bitDepth, 8)
  }

  func testGrayImageHelpers() {
    let page = GrayImage(width: 3, height: 2, filledWith: 255)
    XCTAssertEqual(page.pixels.count, 6)
    XCTAssertEqual(page.raster.mode, .gray)
    XCTAssertEqual(page.raster.convertedToGray(), page)
  }
}
