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

  func testGrayEntryPointConvertsColourPages() throws {
    let url = ImageFixtures.url("png-variants/rgb8.png")
    let gray = try decodeGrayImage(contentsOf: url)
    let rgb = try decodeImage(contentsOf: url)
    XCTAssertEqual([gray.width, gray.height], [64, 48])
    XCTAssertEqual(gray.pixels[0], RasterImage.luma(rgb.pixels[0], rgb.pixels[1], rgb.pixels[2]))
    XCTAssertEqual(gray, rgb.convertedToGray())
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

  // MARK: corrupt input never traps

  /// A deterministic generator for the corruption trials.
  struct Scrambler {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % max(1, bound)
    }
  }

  /// Tries to decode `bytes`; returns whether it decoded. Any thrown error must be an
  /// `ImageDecodingError` that names `file`.
  @discardableResult
  func attempt(_ bytes: [UInt8], file: String, line: UInt = #line) -> Bool {
    do {
      _ = try decodeImage(bytes: bytes, file: file)
      return true
    } catch let error as ImageDecodingError {
      XCTAssertEqual(error.file, file, line: line)
      XCTAssertFalse(error.detail.isEmpty, line: line)
      return false
    } catch {
      XCTFail("unexpected error type \(error)", line: line)
      return false
    }
  }

  /// Recomputes every chunk CRC so that corruption reaches the zlib and filter layers.
  static func fixingCRCs(_ png: [UInt8]) -> [UInt8] {
    var bytes = png
    var offset = 8
    while offset + 12 <= bytes.count {
      let length =
        Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8
        | Int(bytes[offset + 3])
      guard length <= bytes.count - offset - 12 else { break }
      let crc = CRC32.checksum(Array(bytes[(offset + 4)..<(offset + 8 + length)]))
      for k in 0..<4 {
        bytes[offset + 8 + length + k] = UInt8(truncatingIfNeeded: crc >> UInt32(24 - 8 * k))
      }
      offset += 12 + length
    }
    return bytes
  }

  func testTruncatedPNGAndTIFFAlwaysThrowNamingTheFile() throws {
    let data = try TestPaths.shared("data")
    for name in [
      "funsd/training_data/images/0000971160.png", "rvl-cdip-sample/images/80035521.tif",
    ] {
      let bytes = try ImageFixtures.bytes(data.appendingPathComponent(name))
      var lengths = Array(0..<64)
      lengths += stride(from: 64, to: bytes.count, by: max(1, bytes.count / 150)).map { $0 }
      lengths += [bytes.count - 13, bytes.count - 12, bytes.count - 4, bytes.count - 1]
      for length in lengths {
        XCTAssertFalse(
          attempt(Array(bytes[0..<length]), file: "cut-\(length)-\(name)"),
          "\(name) cut at \(length)")
      }
    }
    for variant in ["gray8.png", "bilevel1.png", "gray16.png", "palette8.png", "rgba8.png"] {
      let bytes = try ImageFixtures.bytes(ImageFixtures.url("png-variants/\(variant)"))
      for length in 0..<bytes.count {
        XCTAssertFalse(
          attempt(Array(bytes[0..<length]), file: variant), "\(variant) cut at \(length)")
      }
    }
  }

  func testFlippedBytesThrowOrDecodeButNeverTrap() throws {
    let data = try TestPaths.shared("data")
    var scrambler = Scrambler(state: 77)
    let page = try ImageFixtures.bytes(
      data.appendingPathComponent("funsd/training_data/images/0000990274.png"))
    let tiff = try ImageFixtures.bytes(
      data.appendingPathComponent("rvl-cdip-sample/images/80035521.tif"))
    var variants: [[UInt8]] = []
    for variant in [
      "gray8.png", "gray8-stored.png", "bilevel1.png", "gray16.png", "palette8.png", "rgb8.png",
      "rgba8.png", "gray-alpha8.png",
    ] {
      variants.append(try ImageFixtures.bytes(ImageFixtures.url("png-variants/\(variant)")))
    }
    var pngDecodedAfterFlip = 0
    for trial in 0..<1200 {
      let source: [UInt8]
      switch trial % 4 {
      case 0: source = trial % 16 == 0 ? page : variants[scrambler.next(variants.count)]
      case 1: source = tiff
      default: source = variants[scrambler.next(variants.count)]
      }
      var bytes = source
      for _ in 0...scrambler.next(3) {
        bytes[scrambler.next(bytes.count)] ^= UInt8(1 + scrambler.next(255))
      }
      let isPNG = source.starts(with: PNGDecoder.signature)
      if isPNG && trial % 2 == 0 { bytes = Self.fixingCRCs(bytes) }
      if attempt(bytes, file: "trial-\(trial)") && isPNG { pngDecodedAfterFlip += 1 }
    }
    // Some PNG corruption (in pixel data with fixed CRCs and a lucky Adler) is impossible to
    // see, but nearly every trial must be caught.
    XCTAssertLessThan(pngDecodedAfterFlip, 20)
  }
}
