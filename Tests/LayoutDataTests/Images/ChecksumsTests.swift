// LayoutLab — CRC-32 and Adler-32 against known values (zlib's own results).

import XCTest

@testable import LayoutData

final class ChecksumsTests: XCTestCase {
  func testCRC32KnownValues() {
    XCTAssertEqual(CRC32.checksum([]), 0)
    XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
    XCTAssertEqual(CRC32.checksum(Array("IEND".utf8)), 0xAE42_6082)  // every PNG ends with it
    let ramp = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) }
    XCTAssertEqual(CRC32.checksum(ramp), 0xF730_CAA8)  // zlib.crc32
  }

  func testCRC32ContinuesAcrossPieces() {
    let ramp = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 13) }
    let whole = CRC32.checksum(ramp)
    for split in [0, 1, 7, 8, 9, 500, 999] {
      let first = CRC32.checksum(Array(ramp[0..<split]))
      XCTAssertEqual(CRC32.checksum(Array(ramp[split...]), continuing: first), whole, "\(split)")
    }
  }

  func testAdler32KnownValues() {
    XCTAssertEqual(Adler32.checksum([]), 1)
    XCTAssertEqual(Adler32.checksum(Array("Wikipedia".utf8)), 0x11E6_0398)
    let ramp = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) }
    XCTAssertEqual(Adler32.checksum(ramp), 0x2DFB_940F)  // zlib.adler32
    // All 0xFF stresses the deferred modulo.
    XCTAssertEqual(Adler32.checksum([UInt8](repeating: 0xFF, count: 100_000)), 0x149A_302C)
  }

  func testAdler32ContinuesAcrossPieces() {
    let ramp = (0..<20_000).map { UInt8(truncatingIfNeeded: $0 * 5) }
    let first = Adler32.checksum(Array(ramp[0..<6000]))
    XCTAssertEqual(
      Adler32.checksum(Array(ramp[6000...]), continuing: first), Adler32.checksum(ramp))
  }
}
