// LayoutLab — tests of the seeded generator: fixed streams, ranges and order independence.

import XCTest

@testable import SyntheticData

final class SeededGeneratorTests: XCTestCase {
  func testSameSeedGivesSameStreamAndDifferentSeedsDiffer() {
    var a = SeededGenerator(seed: 12)
    var b = SeededGenerator(seed: 12)
    var c = SeededGenerator(seed: 13)
    let streamA = (0..<8).map { _ in a.next() }
    XCTAssertEqual(streamA, (0..<8).map { _ in b.next() })
    XCTAssertNotEqual(streamA, (0..<8).map { _ in c.next() })
  }

  func testSplitMixMatchesTheReferenceOutputs() {
    // SplitMix64 from state 0: the published first outputs.
    var state: UInt64 = 0
    XCTAssertEqual(SeededGenerator.splitMix(&state), 0xE220_A839_7B1D_CDAF)
    XCTAssertEqual(SeededGenerator.splitMix(&state), 0x6E78_9E6A_A1B9_65F4)
  }

  func testDrawsStayInTheirRangesAndCoverThem() {
    var generator = SeededGenerator(seed: 3)
    var seen = Set<Int>()
    for _ in 0..<2000 {
      let value = generator.int(in: -2...3)
      XCTAssertTrue((-2...3).contains(value))
      seen.insert(value)
      let unit = generator.unit()
      XCTAssertTrue(unit >= 0 && unit < 1)
    }
    XCTAssertEqual(seen.count, 6)
    XCTAssertEqual(generator.int(below: 0), 0)
    XCTAssertEqual(generator.pick([Int](), or: 7), 7)
    XCTAssertEqual(generator.weightedIndex([0, 0, 5]), 2)
    XCTAssertEqual(generator.shuffled(Array(0..<10)).sorted(), Array(0..<10))
  }

  func testDocumentSeedsDependOnSeedKindAndIndexOnly() {
    let seed = SeededGenerator.documentSeed(seed: 1, kind: "forms", index: 5)
    XCTAssertEqual(seed, SeededGenerator.documentSeed(seed: 1, kind: "forms", index: 5))
    XCTAssertNotEqual(seed, SeededGenerator.documentSeed(seed: 2, kind: "forms", index: 5))
    XCTAssertNotEqual(seed, SeededGenerator.documentSeed(seed: 1, kind: "qa", index: 5))
    XCTAssertNotEqual(seed, SeededGenerator.documentSeed(seed: 1, kind: "forms", index: 6))
    XCTAssertEqual(SeededGenerator.stableHash(""), 0xCBF2_9CE4_8422_2325)
    XCTAssertEqual(SeededGenerator.stableHash("a"), 0xAF63_DC4C_8601_EC8C)
  }
}
