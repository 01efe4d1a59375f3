// LayoutLab — the decoder's two-level Huffman tables.

import XCTest

@testable import LayoutData

final class HuffmanLookupTableTests: XCTestCase {
  func build(_ lengths: [UInt8]) throws -> (entries: [UInt32], primaryBits: Int) {
    let table = UnsafeMutablePointer<UInt32>.allocate(capacity: HuffmanLookupTable.capacity)
    defer { table.deallocate() }
    let bits = try lengths.withUnsafeBufferPointer {
      try HuffmanLookupTable.build(table, lengths: $0, what: "test")
    }
    return (Array(UnsafeBufferPointer(start: table, count: HuffmanLookupTable.capacity)), bits)
  }

  func testShortCodesFillThePrimaryTable() throws {
    // Codes: A=0 (1 bit), B=10, C=110, D=111 (canonical, read LSB first when reversed).
    let (entries, bits) = try build([1, 2, 3, 3])
    XCTAssertEqual(bits, 3)
    // Bit patterns as read: xx0 → A; x01 → B; 011 → C; 111 → D.
    for pattern in 0..<8 {
      let symbol: UInt32 =
        pattern & 1 == 0 ? 0 : (pattern & 2 == 0 ? 1 : (pattern & 4 == 0 ? 2 : 3))
      let length: UInt32 = [1, 2, 3, 3][Int(symbol)]
      XCTAssertEqual(entries[pattern], symbol << 8 | length, "pattern \(pattern)")
    }
  }

  func testLongCodesGoThroughSubTables() throws {
    // One symbol of each length 1...14, two of length 15: a complete code 15 bits deep.
    var lengths: [UInt8] = (1...14).map { UInt8($0) }
    lengths += [15, 15]
    let (entries, bits) = try build(lengths)
    XCTAssertEqual(bits, 10)
    // The all-ones 10-bit prefix is shared by the codes longer than 10 bits: a link entry.
    let link = entries[1023]
    XCTAssertEqual(link & 0x80, 0x80)
    XCTAssertEqual(Int(link & 0x0F), 5)
    // Pattern 0 is symbol 0 (code "0", length 1).
    XCTAssertEqual(entries[0], 0 << 8 | 1)
  }

  func testOverSubscribedCodeIsMalformed() {
    XCTAssertThrowsError(try build([1, 1, 1])) { error in
      XCTAssertEqual((error as? ImageDecodingError)?.kind, .malformed)
    }
  }

  func testIncompleteCodeLeavesInvalidEntries() throws {
    let (entries, bits) = try build([2, 0, 2])
    XCTAssertEqual(bits, 2)
    XCTAssertEqual(entries[0], 0 << 8 | 2)
    XCTAssertEqual(entries[2], 2 << 8 | 2)
    XCTAssertEqual(entries[1], 0)
    XCTAssertEqual(entries[3], 0)
  }
}
