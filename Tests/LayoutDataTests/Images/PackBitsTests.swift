// LayoutLab — PackBits against Apple's TN1023 example, round trips and errors.

import XCTest

@testable import LayoutData

final class PackBitsTests: XCTestCase {
  func decode(_ packed: [UInt8], count: Int) throws -> [UInt8] {
    var out: [UInt8] = []
    try packed.withUnsafeBufferPointer { try PackBits.decode($0, count: count, appendingTo: &out) }
    return out
  }

  func encode(_ raw: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    raw.withUnsafeBufferPointer { PackBits.encode($0, appendingTo: &out) }
    return out
  }

  func testAppleTechNoteExample() throws {
    let packed: [UInt8] = [
      0xFE, 0xAA, 0x02, 0x80, 0x00, 0x2A, 0xFD, 0xAA, 0x03, 0x80, 0x00, 0x2A, 0x22, 0xF7, 0xAA,
    ]
    let expected: [UInt8] =
      [0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0xAA, 0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0x22]
      + [UInt8](repeating: 0xAA, count: 10)
    XCTAssertEqual(try decode(packed, count: expected.count), expected)
  }

  func testNoOpHeaderIsSkipped() throws {
    XCTAssertEqual(try decode([0x80, 0x00, 0x05], count: 1), [0x05])
  }

  func testRoundTripsAndLongRuns() throws {
    var state: UInt64 = 11
    for length in [0, 1, 2, 3, 127, 128, 129, 300, 1000] {
      let raw = (0..<length).map { i -> UInt8 in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return (i / 50) % 2 == 0 ? 0xFF : UInt8(truncatingIfNeeded: state >> 60)
      }
      XCTAssertEqual(try decode(encode(raw), count: raw.count), raw, "length \(length)")
    }
    let run = [UInt8](repeating: 9, count: 1000)
    XCTAssertLessThanOrEqual(encode(run).count, 2 * 8)  // eight runs of ≤ 128
  }

  func testTruncatedAndOvershootingInput() {
    XCTAssertThrowsError(try decode([0x05, 1, 2], count: 6)) { error in
      XCTAssertEqual((error as? ImageDecodingError)?.kind, .truncated)
    }
    XCTAssertThrowsError(try decode([0xFD], count: 4)) { error in
      XCTAssertEqual((error as? ImageDecodingError)?.kind, .truncated)
    }
    XCTAssertThrowsError(try decode([0xF0, 0x01], count: 4)) { error in
      XCTAssertEqual((error as? ImageDecodingError)?.kind, .malformed)
    }
  }
}
