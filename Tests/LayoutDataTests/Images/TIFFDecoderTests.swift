// LayoutLab — TIFF decoding: byte orders, photometric conventions and errors.

import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

final class TIFFDecoderTests: XCTestCase {
  /// A hand-made single-strip uncompressed TIFF in either byte order.
  static func handMadeTIFF(
    bigEndian: Bool, width: Int, height: Int, bits: Int, photometric: Int, data: [UInt8],
    compression: Int = 1
  ) -> [UInt8] {
    func put(_ value: Int, _ bytes: Int, _ out: inout [UInt8]) {
      let order = bigEndian ? Array((0..<bytes).reversed()) : Array(0..<bytes)
      for i in order { out.append(UInt8(truncatingIfNeeded: value >> (8 * i))) }
    }
    var file: [UInt8] = bigEndian ? [0x4D, 0x4D] : [0x49, 0x49]
    put(42, 2, &file)
    put(8, 4, &file)
    let entries: [(Int, Int)] = [
      (256, width), (257, height), (258, bits), (259, compression), (262, photometric),
      (273, 8 + 2 + 8 * 12 + 4), (278, height), (279, data.count),
    ]
    put(entries.count, 2, &file)
    for (tag, value) in entries {
      put(tag, 2, &file)
      put(4, 2, &file)  // LONG, so the value fills the 4-byte field in both orders
      put(1, 4, &file)
      put(value, 4, &file)
    }
    put(0, 4, &file)
    return file + data
  }

  func testLittleAndBigEndianGray() throws {
    let data: [UInt8] = [0, 10, 20, 30, 40, 50]
    for bigEndian in [false, true] {
      let bytes = Self.handMadeTIFF(
        bigEndian: bigEndian, width: 3, height: 2, bits: 8, photometric: 1, data: data)
      let image = try decodeImage(bytes: bytes, file: "gray.tif")
      XCTAssertEqual(image.mode, .gray)
      XCTAssertEqual([image.width, image.height], [3, 2])
      XCTAssertEqual(image.pixels, data, "big-endian \(bigEndian)")
    }
  }

  func testWhiteIsZeroGrayIsInverted() throws {
    let bytes = Self.handMadeTIFF(
      bigEndian: false, width: 2, height: 1, bits: 8, photometric: 0, data: [0, 200])
    XCTAssertEqual(try TIFFDecoder.decode(bytes).pixels, [255, 55])
  }

  func testBilevelBothPhotometrics() throws {
    // 10 pixels a row → 2 bytes a row, padded.
    let data: [UInt8] = [0b1010_0000, 0b1100_0000]
    let blackIsZero = Self.handMadeTIFF(
      bigEndian: false, width: 10, height: 1, bits: 1, photometric: 1, data: data)
    XCTAssertEqual(try TIFFDecoder.decode(blackIsZero).pixels, [1, 0, 1, 0, 0, 0, 0, 0, 1, 1])
    let whiteIsZero = Self.handMadeTIFF(
      bigEndian: true, width: 10, height: 1, bits: 1, photometric: 0, data: data)
    let image = try TIFFDecoder.decode(whiteIsZero)
    XCTAssertEqual(image.mode, .bilevel)
    XCTAssertEqual(image.pixels, [0, 1, 0, 1, 1, 1, 1, 1, 0, 0])
  }

  func testErrorsNameTheFileAndTheProblem() {
    let good = Self.handMadeTIFF(
      bigEndian: false, width: 3, height: 2, bits: 8, photometric: 1, data: [1, 2, 3, 4, 5, 6])
    XCTAssertThrowsError(try TIFFDecoder.decode(Array(good.dropLast(2)), file: "cut.tif")) {
      error in
      XCTAssertEqual((error as? ImageDecodingError)?.kind, .truncated)
      XCTAssertTrue("\(error)".hasPrefix("cut.tif: truncated"), "\(error)")
    }
    let lzw = Self.handMadeTIFF(
      bigEndian: false, width: 3, height: 2, bits: 8, photometric: 1, data: [1, 2, 3, 4, 5, 6],
      compression: 5)
    XCTAssertThrowsError(try TIFFDecoder.decode(lzw, file: "lzw.tif")) { error in
      XCTAssertEqual((error as? ImageDecodingError)?.kind, .unsupported)
      XCTAssertTrue("\(error)".contains("compression 5"), "\(error)")
    }
    let sixteen = Self.handMadeTIFF(
      bigEndian: false, width: 1, height: 1, bits: 16, photometric: 1, data: [0, 0])
    XCTAssertThrowsError(try TIFFDecoder.decode(sixteen)) { error in
      XCTAssertEqual((error as? ImageDecodingError)?.kind, .unsupported)
    }
    XCTAssertThrowsError(try TIFFDecoder.decode([0x49, 0x49, 43, 0, 8, 0, 0, 0])) { error in
      XCTAssertEqual((error as? ImageDecodingError)?.kind, .badSignature)
    }
  }

  func testRealPackBitsPageDimensions() throws {
    let url = try TestPaths.shared("data/rvl-cdip-sample/images/2024525661.tif")
    let image = try decodeImage(contentsOf: url)
    XCTAssertEqual([image.width, image.height], [777, 1000])
    XCTAssertEqual(image.sourceBitDepth, 8)
  }
}
