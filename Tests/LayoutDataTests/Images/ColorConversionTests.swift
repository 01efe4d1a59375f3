// LayoutLab — conversions to L and RGB with Pillow's integer arithmetic.

import Foundation
import XCTest

@testable import LayoutData

final class ColorConversionTests: XCTestCase {
  func testLumaMatchesPillowOnPrimariesAndKeepsGrayLevels() {
    // Pillow: Image.new("RGB", (1, 1), c).convert("L") gives 76, 150, 29 for red, green, blue.
    let image = RasterImage(
      width: 4, height: 1, mode: .rgb, pixels: [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255])
    XCTAssertEqual(image.convertedToGray().pixels, [76, 150, 29, 255])
    for level in 0...255 {
      let v = UInt8(level)
      XCTAssertEqual(RasterImage.luma(v, v, v), v)
    }
  }

  func testLumaEqualsTheFixedPointFormula() {
    var state: UInt64 = 17
    for _ in 0..<1000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let r = Int(state >> 56)
      let g = Int(state >> 48 & 255)
      let b = Int(state >> 40 & 255)
      let expected = (r * 19595 + g * 38470 + b * 7471 + 32768) >> 16
      XCTAssertEqual(Int(RasterImage.luma(UInt8(r), UInt8(g), UInt8(b))), expected)
      // Within rounding of R*299/1000 + G*587/1000 + B*114/1000.
      let exact = Double(r) * 0.299 + Double(g) * 0.587 + Double(b) * 0.114
      XCTAssertLessThanOrEqual(abs(Double(expected) - exact), 0.51)
    }
  }

  func testOtherModesToGray() {
    XCTAssertEqual(
      RasterImage(width: 3, height: 1, mode: .bilevel, pixels: [0, 1, 0]).convertedToGray().pixels,
      [0, 255, 0])
    XCTAssertEqual(
      RasterImage(width: 2, height: 1, mode: .grayAlpha, pixels: [10, 99, 20, 0]).convertedToGray()
        .pixels,
      [10, 20])
    // I;16 little-endian 200 stays 200; 256 and more clip to 255.
    XCTAssertEqual(
      RasterImage(width: 3, height: 1, mode: .gray16, pixels: [200, 0, 0, 1, 255, 255])
        .convertedToGray().pixels,
      [200, 255, 255])
    let palette = RasterImage(
      width: 3, height: 1, mode: .palette, pixels: [1, 0, 1], palette: [0, 0, 0, 255, 0, 0])
    XCTAssertEqual(palette.convertedToGray().pixels, [76, 0, 76])
    XCTAssertEqual(palette.convertedToRGB().pixels, [255, 0, 0, 0, 0, 0, 255, 0, 0])
  }

  func testToRGB() {
    let gray = RasterImage(width: 2, height: 1, mode: .gray, pixels: [5, 250])
    XCTAssertEqual(gray.convertedToRGB().pixels, [5, 5, 5, 250, 250, 250])
    let rgba = RasterImage(width: 1, height: 1, mode: .rgba, pixels: [1, 2, 3, 4])
    XCTAssertEqual(rgba.convertedToRGB().pixels, [1, 2, 3])
    XCTAssertEqual(rgba.convertedToRGB().mode, .rgb)
  }

  func testPaletteVariantConvertsThroughItsPalette() throws {
    let image = try decodeImage(contentsOf: ImageFixtures.url("png-variants/palette8.png"))
    let gray = image.convertedToGray()
    XCTAssertEqual(gray.pixels.count, image.width * image.height)
    for (index, level) in zip(image.pixels, gray.pixels).prefix(500) {
      let e = 3 * Int(index)
      XCTAssertEqual(
        level, RasterImage.luma(image.palette[e], image.palette[e + 1], image.palette[e + 2]))
    }
  }
}
