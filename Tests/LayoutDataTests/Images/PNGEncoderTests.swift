// LayoutLab — PNG encoding round-trips exactly and compresses pages well.

import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

final class PNGEncoderTests: XCTestCase {
  /// A synthetic page: white with dark "text" strokes and a gray box, deterministic.
  static func syntheticPage(width: Int = 780, height: Int = 1000) -> GrayImage {
    var page = GrayImage(width: width, height: height, filledWith: 255)
    var state: UInt32 = 12345
    for line in stride(from: 60, to: height - 60, by: 28) {
      var x = 50
      while x < width - 80 {
        state = state &* 1_664_525 &+ 1_013_904_223
        let wordWidth = 12 + Int(state >> 27)
        for y in line..<(line + 12) {
          for dx in 0..<wordWidth where (dx + y + Int(state >> 20)) % 3 != 0 {
            page.pixels[y * width + x + dx] = UInt8(truncatingIfNeeded: 20 + Int(state >> 28) * 5)
          }
        }
        x += wordWidth + 8
      }
    }
    for y in 20..<40 { for x in 40..<300 { page.pixels[y * width + x] = 200 } }
    return page
  }

  func testEveryModeRoundTripsExactly() throws {
    let list = try ImageFixtures.load(ImageDigestList.self, "png-variants/digests.json")
    for entry in list.images {
      let image = try decodeImage(contentsOf: ImageFixtures.url(entry.file))
      let encoded = try PNGEncoder.encode(image)
      let decoded = try PNGDecoder.decode(encoded, file: entry.file)
      XCTAssertEqual(decoded.mode, image.mode, entry.file)
      XCTAssertEqual(decoded.pixels, image.pixels, entry.file)
      XCTAssertEqual(decoded.palette, image.palette, entry.file)
    }
  }

  func testSyntheticPageRoundTripsAndCompresses() throws {
    let page = Self.syntheticPage()
    let encoded = try PNGEncoder.encode(page)
    let decoded = try PNGDecoder.decode(encoded)
    XCTAssertEqual(decoded.mode, .gray)
    XCTAssertEqual(decoded.pixels, page.pixels)
    // 780 000 raw bytes; a mostly white page should shrink at least twentyfold.
    XCTAssertLessThan(encoded.count, page.pixels.count / 20, "\(encoded.count) bytes")
  }

  func testBlankPageIsTiny() throws {
    let page = GrayImage(width: 1000, height: 780, filledWith: 255)
    let encoded = try PNGEncoder.encode(page)
    XCTAssertLessThan(encoded.count, 4000, "\(encoded.count) bytes")
    XCTAssertEqual(try PNGDecoder.decode(encoded).pixels, page.pixels)
  }

  func testRealPageRoundTrips() throws {
    let url = try TestPaths.shared("data/funsd/training_data/images/0000971160.png")
    let image = try decodeImage(contentsOf: url)
    let encoded = try PNGEncoder.encode(image)
    XCTAssertEqual(try PNGDecoder.decode(encoded).pixels, image.pixels)
    // Our encoder should be within reach of the original file's size.
    let original = try Data(contentsOf: url).count
    XCTAssertLessThan(
      encoded.count, original * 3 / 2, "ours \(encoded.count), original \(original)")
  }

  func testOddSizesAndNoiseRoundTrip() throws {
    var state: UInt64 = 99
    for (width, height) in [(1, 1), (3, 7), (17, 5), (255, 3)] {
      for mode in PixelMode.allCases {
        var pixels = [UInt8](repeating: 0, count: width * height * mode.bytesPerPixel)
        for i in pixels.indices {
          state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          pixels[i] = UInt8(truncatingIfNeeded: state >> 56)
          if mode == .bilevel { pixels[i] &= 1 }
        }
        let palette: [UInt8] = mode == .palette ? (0..<768).map { UInt8($0 % 256) } : []
        let image = RasterImage(
          width: width, height: height, mode: mode, pixels: pixels, palette: palette)
        let decoded = try PNGDecoder.decode(try PNGEncoder.encode(image))
        XCTAssertEqual(decoded.pixels, pixels, "\(width)×\(height) \(mode)")
      }
    }
  }

  func testInconsistentImageIsRejected() {
    let image = RasterImage(width: 4, height: 4, mode: .gray, pixels: [0, 1, 2])
    XCTAssertThrowsError(try PNGEncoder.encode(image)) { error in
      XCTAssertEqual((error as? ImageDecodingError)?.kind, .invalidImage)
    }
  }
}
