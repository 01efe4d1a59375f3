// LayoutLab — length-limited Huffman code lengths and the encoder's bit writer.

import Foundation
import XCTest

@testable import LayoutData

final class HuffmanCodeLengthsTests: XCTestCase {
  func testCodeLengthsRespectTheLimit() {
    var frequencies = [Int](repeating: 0, count: 286)
    var a = 1
    var b = 1
    for symbol in 0..<30 {
      frequencies[symbol] = a
      (a, b) = (b, a + b)
    }
    let lengths = HuffmanCodeLengths.compute(frequencies: frequencies, maxLength: 15)
    XCTAssertLessThanOrEqual(Int(lengths.max() ?? 0), 15)
    // Kraft equality: a complete prefix code.
    let kraft = lengths.filter { $0 > 0 }.reduce(0.0) { $0 + pow(2.0, -Double($1)) }
    XCTAssertEqual(kraft, 1.0, accuracy: 1e-12)
    XCTAssertEqual(lengths[286 - 1], 0)
  }

  func testTextbookExample() {
    // Frequencies 5, 9, 12, 13, 16, 45 give lengths 4, 4, 3, 3, 3, 1.
    let lengths = HuffmanCodeLengths.compute(frequencies: [5, 9, 12, 13, 16, 45], maxLength: 15)
    XCTAssertEqual(lengths, [4, 4, 3, 3, 3, 1])
  }

  func testSingleAndNoSymbols() {
    XCTAssertEqual(HuffmanCodeLengths.compute(frequencies: [0, 7, 0], maxLength: 15), [0, 1, 0])
    XCTAssertEqual(HuffmanCodeLengths.compute(frequencies: [0, 0], maxLength: 15), [0, 0])
  }

  func testBitWriterPacksLSBFirst() {
    var writer = BitWriter(capacity: 16)
    writer.reserve(16)
    writer.write(0b1, 1)
    writer.write(0b10, 2)
    writer.write(0b11111, 5)
    writer.write(0xABCD, 16)
    writer.write(0b101, 3)
    XCTAssertEqual(writer.finish(), [0b1111_1101, 0xCD, 0xAB, 0b101])
  }
}
