// LayoutLab — PNG decoding against Pillow's digests, and its errors.

import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

final class PNGDecoderTests: XCTestCase {
  func testEveryPNGVariantMatchesPillowDigest() throws {
    let list = try ImageFixtures.load(ImageDigestList.self, "png-variants/digests.json")
    XCTAssertEqual(list.images.count, 9)
    for entry in list.images {
      let image = try decodeImage(contentsOf: ImageFixtures.url(entry.file))
      XCTAssertEqual(image.mode.rawValue, entry.mode, entry.file)
      XCTAssertEqual(image.width, entry.width, entry.file)
      XCTAssertEqual(image.height, entry.height, entry.file)
      XCTAssertEqual(image.pixelSum, entry.pixel_sum, entry.file)
      XCTAssertEqual(SHA256.hexDigest(image.pixels), entry.sha256_of_pixels, entry.file)
    }
  }

  /// Files written by `Fixtures/images/interlaced/make_interlaced.py` (pure Python, with every
  /// filter type used inside the Adam7 passes and sub-byte and 16-bit depths).
  func testAdam7InterlacedFilesMatchTheirPlainTwins() throws {
    let list = try ImageFixtures.load(InterlacedList.self, "interlaced/expected.json")
    XCTAssertEqual(list.images.count, 8)
    for entry in list.images {
      let interlaced = try decodeImage(contentsOf: ImageFixtures.url("interlaced/\(entry.file)"))
      let plain = try decodeImage(contentsOf: ImageFixtures.url("interlaced/\(entry.plain)"))
      for image in [interlaced, plain] {
        XCTAssertEqual(image.mode.rawValue, entry.mode, entry.file)
        XCTAssertEqual([image.width, image.height], [entry.width, entry.height], entry.file)
        XCTAssertEqual(image.pixelSum, entry.pixel_sum, entry.file)
        XCTAssertEqual(SHA256.hexDigest(image.pixels), entry.sha256_of_pixels, entry.file)
      }
    }
  }

  func testPaletteImageKeepsIndicesAndPalette() throws {
    let image = try decodeImage(contentsOf: ImageFixtures.url("png-variants/palette8.png"))
    XCTAssertEqual(image.mode, .palette)
    XCTAssertEqual(image.palette.count % 3, 0)
    XCTAssertGreaterThan(image.palette.count, 0)
    let maximumIndex = Int(image.pixels.max() ?? 0)
    XCTAssertLessThan(maximumIndex, image.palette.count / 3)
  }

  func testBadCRCIsReportedWithTheFileName() throws {
    var bytes = try ImageFixtures.bytes(ImageFixtures.url("png-variants/gray8.png"))
    bytes[20] ^= 0x01  // inside IHDR's width
    XCTAssertThrowsError(try PNGDecoder.decode(bytes, file: "gray8-flipped.png")) { error in
      guard let error = error as? ImageDecodingError else { return XCTFail("\(error)") }
      XCTAssertEqual(error.kind, .badChecksum)
      XCTAssertEqual(error.file, "gray8-flipped.png")
      XCTAssertTrue(error.description.contains("IHDR"), error.description)
    }
  }

  func testTruncatedFileIsReportedAsTruncated() throws {
    let bytes = try ImageFixtures.bytes(ImageFixtures.url("png-variants/rgb8.png"))
    XCTAssertThrowsError(try PNGDecoder.decode(Array(bytes[0..<100]), file: "short.png")) { error in
      XCTAssertEqual((error as? ImageDecodingError)?.kind, .truncated)
      XCTAssertTrue("\(error)".hasPrefix("short.png: "), "\(error)")
    }
  }

  func testNotAPNGIsABadSignature() {
    XCTAssertThrowsError(try PNGDecoder.decode(Array("hello, world".utf8), file: "x.png")) {
      error in
      XCTAssertEqual((error as? ImageDecodingError)?.kind, .badSignature)
    }
  }
}

/// `interlaced/expected.json`.
struct InterlacedList: Decodable {
  struct Entry: Decodable {
    var file: String
    var plain: String
    var mode: String
    var width: Int
    var height: Int
    var pixel_sum: Int
    var sha256_of_pixels: String
  }
  var images: [Entry]
}
