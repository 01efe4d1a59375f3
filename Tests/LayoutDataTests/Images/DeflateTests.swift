// LayoutLab — DEFLATE encoding: round trips through our inflater over many kinds of data.

import Foundation
import XCTest

@testable import LayoutData

final class DeflateTests: XCTestCase {
  func roundTrip(
    _ data: [UInt8], _ what: String, file: StaticString = #filePath, line: UInt = #line
  )
    throws -> [UInt8]
  {
    let compressed = Deflate.zlibCompress(data)
    let restored = try compressed.withUnsafeBufferPointer {
      try Inflate.zlibDecompress($0, expectedSize: data.count)
    }
    XCTAssertEqual(restored, data, what, file: file, line: line)
    let raw = Deflate.rawCompress(data)
    let rawRestored = try raw.withUnsafeBufferPointer { try Inflate.rawDecompress($0) }
    XCTAssertEqual(rawRestored, data, "raw \(what)", file: file, line: line)
    return compressed
  }

  func testEmptyAndTinyInputs() throws {
    let empty = try roundTrip([], "empty")
    XCTAssertEqual(Array(empty.prefix(2)), [0x78, 0x9C])
    _ = try roundTrip([42], "one byte")
    _ = try roundTrip([1, 2, 3, 4], "four bytes")
    _ = try roundTrip([7, 7, 7, 7, 7, 7, 7, 7, 7], "a short run")
  }

  func testRunsCompressToAlmostNothing() throws {
    let compressed = try roundTrip([UInt8](repeating: 255, count: 1_000_000), "a megabyte of 255")
    XCTAssertLessThan(compressed.count, 3000)
  }

  func testRandomDataFallsBackToStoredWithoutMuchGrowth() throws {
    var state: UInt64 = 1
    let noise = (0..<200_000).map { _ -> UInt8 in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state >> 56)
    }
    let compressed = try roundTrip(noise, "noise")
    XCTAssertLessThan(compressed.count, noise.count + noise.count / 100 + 64)
  }

  func testTextLikeDataWithManyBlocksAndLongDistances() throws {
    var state: UInt64 = 5
    var data: [UInt8] = []
    let words = ["invoice", "total", "date", "amount", "page", "form", "the", "of", "and", "42"]
    while data.count < 600_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      data += Array(words[Int(state >> 60) % words.count].utf8) + [32]
      if state >> 59 == 0 { data += [UInt8](repeating: 10, count: Int(state >> 50 & 300)) }
    }
    let compressed = try roundTrip(data, "words")
    XCTAssertLessThan(compressed.count, data.count / 3)
  }

  func testSkewedAlphabetNeedsLengthLimitedCodes() throws {
    // Fibonacci-like frequencies push an unlimited Huffman code past 15 bits.
    var data: [UInt8] = []
    var a = 1
    var b = 1
    for symbol in 0..<25 {
      data += [UInt8](repeating: UInt8(symbol * 10), count: a)
      (a, b) = (b, a + b)
    }
    var state: UInt64 = 3
    for i in data.indices.reversed() {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      data.swapAt(i, Int(state >> 33) % (i + 1))
    }
    _ = try roundTrip(data, "skewed")
  }
}
