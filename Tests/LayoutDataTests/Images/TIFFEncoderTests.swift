// LayoutLab — TIFF encoding round-trips through our decoder.

import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

final class TIFFEncoderTests: XCTestCase {
  func testSyntheticPageRoundTripsWithBothCompressions() throws {
    let page = PNGEncoderTests.syntheticPage(width: 754, height: 1000).raster
    for compression in [TIFFEncoder.Compression.none, .packBits] {
      let bytes = try TIFFEncoder.encode(page, compression: compression)
      let decoded = try TIFFDecoder.decode(bytes, file: "page.tif")
      XCTAssertEqual(decoded.mode, .gray)
      XCTAssertEqual(decoded.width, 754)
      XCTAssertEqual(decoded.height, 1000)
      XCTAssertEqual(decoded.pixels, page.pixels, "\(compression)")
      if compression == .packBits {
        XCTAssertLessThan(bytes.count, page.pixels.count / 3, "PackBits should shrink a page")
      }
    }
  }

  func testModesAndStripSizesRoundTrip() throws {
    var state: UInt64 = 7
    for mode in [PixelMode.bilevel, .gray, .rgb, .rgba] {
      for (width, height, rows) in [(1, 1, 15), (13, 9, 4), (64, 31, 1), (200, 3, 200)] {
        var pixels = [UInt8](repeating: 0, count: width * height * mode.bytesPerPixel)
        for i in pixels.indices {
          state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          // Runs as well as noise, so PackBits uses both kinds of run.
          pixels[i] = (state >> 60) < 6 ? 255 : UInt8(truncatingIfNeeded: state >> 40)
          if mode == .bilevel { pixels[i] &= 1 }
        }
        let image = RasterImage(width: width, height: height, mode: mode, pixels: pixels)
        let bytes = try TIFFEncoder.encode(image, rowsPerStrip: rows)
        XCTAssertEqual(
          try decodeImage(bytes: bytes).pixels, pixels, "\(mode) \(width)×\(height)/\(rows)")
      }
    }
  }

  func testRealRVLCDIPPageReencodesToTheSamePixels() throws {
    let url = try TestPaths.shared("data/rvl-cdip-sample/images/80035521.tif")
    let original = try decodeImage(contentsOf: url)
    let bytes = try TIFFEncoder.encode(original)
    XCTAssertEqual(try TIFFDecoder.decode(bytes).pixels, original.pixels)
  }

  func testUnsupportedModeIsRejected() {
    let image = RasterImage(width: 1, height: 1, mode: .gray16, pixels: [0, 0])
    XCTAssertThrowsError(try TIFFEncoder.encode(image)) { error in
      XCTAssertEqual((error as? ImageDecodingError)?.kind, .invalidImage)
    }
  }
}
