// LayoutLab — the seeded stream is pinned: the values the three old generators gave, draw counts.

import Seeding
import XCTest

/// The pinned values below were computed with the three generators this one replaced (the ones
/// in TensorCore, Evaluation and SyntheticData, whose raw streams were identical), before they
/// were deleted. Any change to them changes synthetic data, initial weights, dropout, pretraining
/// masks and bootstrap intervals, so it must be deliberate.
final class SeededGeneratorTests: XCTestCase {
  // Reference values from an independent Python implementation of SplitMix64 + xoshiro256**.
  func testStreamMatchesReferenceImplementation() {
    var generator = SeededGenerator(seed: 0)
    XCTAssertEqual(
      [generator.next(), generator.next(), generator.next()],
      [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0])
    var indices = SeededGenerator(seed: 42)
    XCTAssertEqual(
      (0..<10).map { _ in indices.nextInt(below: 10) }, [0, 3, 6, 9, 9, 7, 7, 8, 7, 5])
  }

  func testRawStreamIsPinned() {
    var generator = SeededGenerator(seed: 2024)
    XCTAssertEqual(
      (0..<6).map { _ in generator.next() },
      [
        0x0E48_715A_13D7_772E, 0xC837_F3EE_8A7A_1065, 0x1272_314B_15EE_5001,
        0x28E3_23A6_ABE2_A46B, 0xC60D_F3B2_6166_0AA7, 0x3EAF_F086_3CCF_54F5,
      ])
    var dropout = SeededGenerator(seed: 5, stream: "dropout")
    XCTAssertEqual(
      (0..<3).map { _ in dropout.next() },
      [0x365F_45AC_65D4_DF9A, 0x8E71_3A3F_F60E_7CD2, 0x9804_9751_C19F_30FF])
  }

  func testIntegersArePinned() {
    var generator = SeededGenerator(seed: 2024)
    XCTAssertEqual(
      (0..<10).map { _ in generator.nextInt(below: 10) }, [0, 7, 0, 1, 7, 2, 3, 2, 5, 0])
    XCTAssertEqual(
      (0..<6).map { _ in generator.nextInt(below: 1_000_003) },
      [720_347, 931_732, 881_999, 366_325, 773_411, 189_906])
    var ranged = SeededGenerator(seed: 11)
    XCTAssertEqual(
      (0..<10).map { _ in ranged.nextInt(in: -5...5) }, [-3, -5, -3, -1, -5, -2, 0, 5, 1, -3])
  }

  func testUniformFloatsAndDoublesArePinned() {
    var floats = SeededGenerator(seed: 7)
    XCTAssertEqual(
      (0..<6).map { _ in floats.nextUniform().bitPattern },
      [0x3F33_58FA, 0x3E8E_B87A, 0x3F56_F1D3, 0x3F7B_2938, 0x3F7D_A904, 0x3F5F_6E1C])
    var doubles = SeededGenerator(seed: 7)
    XCTAssertEqual(
      (0..<6).map { _ in doubles.nextUniformDouble() },
      [
        0.7005764821796896, 0.2787512294737843, 0.8396274618764198, 0.9810977250149351,
        0.9908602788330683, 0.872773938745132,
      ])
    var ranged = SeededGenerator(seed: 11)
    XCTAssertEqual(
      (0..<4).map { _ in ranged.nextUniformDouble(in: -2...3) },
      [-0.8836289169138349, -1.563827999680441, -0.7736963756914921, 0.21887489641761126])
    var coins = SeededGenerator(seed: 11)
    XCTAssertEqual(
      (0..<10).map { _ in coins.nextBool(probability: 0.3) },
      [true, true, true, false, true, false, false, false, false, true])
  }

  func testNormalsArePinnedBitForBit() {
    var generator = SeededGenerator(seed: 42)
    XCTAssertEqual(
      (0..<8).map { _ in generator.nextNormal().bitPattern },
      [
        0xBFE7_3D2F_EB0F_B377, 0x3FCC_5E21_F781_2A4C, 0x3FDD_B514_BFAC_5B4E,
        0x3FF7_9EB7_C13C_FCCD, 0x3FF0_2007_C238_0AEA, 0x3FF0_6F74_C2A8_E100,
        0x3FD7_BB26_2180_F952, 0x3FD6_1EC2_CFEB_D724,
      ])
  }

  func testDrawCounts() {
    func words(_ draw: (inout SeededGenerator) -> Void) -> Int {
      var generator = SeededGenerator(seed: 99)
      draw(&generator)
      var reference = SeededGenerator(seed: 99)
      let next = generator.next()
      for used in 0..<8 {
        if reference.next() == next { return used }
      }
      return -1
    }
    XCTAssertEqual(words { _ = $0.nextInt(below: 0) }, 0)
    XCTAssertEqual(words { _ = $0.nextInt(below: 1) }, 0)
    XCTAssertEqual(words { _ = $0.nextInt(in: 4...4) }, 0)
    XCTAssertEqual(words { _ = $0.nextInt(below: 2) }, 1)
    XCTAssertEqual(words { _ = $0.nextUniform() }, 1)
    XCTAssertEqual(words { _ = $0.nextUniformDouble(in: 0...1) }, 1)
    XCTAssertEqual(words { _ = $0.nextBool(probability: 0) }, 1)
    XCTAssertEqual(words { _ = $0.nextBool(probability: 1) }, 1)
  }

  func testIntegersStayInRangeAndCoverIt() {
    var generator = SeededGenerator(seed: 3)
    var counts = [Int](repeating: 0, count: 7)
    for _ in 0..<70_000 { counts[generator.nextInt(below: 7)] += 1 }
    for count in counts { XCTAssertEqual(Double(count), 10_000, accuracy: 400) }
    var seen = Set<Int>()
    for _ in 0..<2000 {
      let value = generator.nextInt(in: -2...3)
      XCTAssertTrue((-2...3).contains(value))
      seen.insert(value)
      let unit = generator.nextUniformDouble()
      XCTAssertTrue(unit >= 0 && unit < 1)
    }
    XCTAssertEqual(seen.count, 6)
  }

  func testSameSeedGivesSameStreamAndDifferentSeedsDiffer() {
    var a = SeededGenerator(seed: 12)
    var b = SeededGenerator(seed: 12)
    var c = SeededGenerator(seed: 13)
    var d = SeededGenerator(seed: 12, stream: "init")
    let streamA = (0..<8).map { _ in a.next() }
    XCTAssertEqual(streamA, (0..<8).map { _ in b.next() })
    XCTAssertNotEqual(streamA, (0..<8).map { _ in c.next() })
    XCTAssertNotEqual(streamA, (0..<8).map { _ in d.next() })
  }
}
