// LayoutLab — every real page in ../shared/data decodes to Pillow's size, sum and digest.

import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

final class ImageDecodingTests: XCTestCase {
  func testEveryRealImageMatchesPillowDigest() throws {
    let data = try TestPaths.shared("data")
    let list = try ImageFixtures.load(ImageDigestList.self, "image-digests.json")
    XCTAssertEqual(list.images.count, 155)
    var checked = 0
    for entry in list.images {
      let image = try decodeImage(contentsOf: data.appendingPathComponent(entry.file))
      XCTAssertEqual(image.mode.rawValue, entry.mode, entry.file)
      XCTAssertEqual(image.width, entry.width, entry.file)
      XCTAssertEqual(image.height, entry.height, entry.file)
      XCTAssertEqual(image.pixelSum, entry.pixel_sum, entry.file)
      XCTAssertEqual(SHA256.hexDigest(image.pixels), entry.sha256_of_pixels, entry.file)
      checked += 1
    }
    XCTAssertEqual(checked, 155)
  }

  func testMissingFileIsUnreadableAndNamed() {
    let url = URL(fileURLWithPath: "/nonexistent/page.png")
    XCTAssertThrowsError(try decodeImage(contentsOf: url)) { error in
      XCTAssertEqual((error as? ImageDecodingError)?.kind, .unreadable)
      XCTAssertTrue("\(error)".contains("page.png"), "\(error)")
    }
  }

  func testUnknownFormatIsABadSignature() {
    XCTAssertThrowsError(try decodeImage(bytes: Array("GIF89a......".utf8), file: "a.gif")) {
      error in
      XCTAssertEqual((error as? ImageDecodingError)?.kind, .badSignature)
      XCTAssertTrue("\(error)".contains("a.gif"))
    }
  }
}
