import Seeding
import XCTest

@testable import TensorCore

final class DropoutKernelsTests: XCTestCase {
  /// The keep factors of a whole mask, computed over `ranges` (which must cover `0..<count`).
  private func mask(
    rate: Float, seed: UInt64, count: Int, ranges: [Range<Int>]
  ) -> [Float] {
    var generator = SeededGenerator(seed: seed)
    let key = DropoutKey(rate: rate, generator: &generator)
    let input = [Float](repeating: 2, count: count)
    var keep = [Float](repeating: .nan, count: count)
    var output = [Float](repeating: .nan, count: count)
    input.withUnsafeBufferPointer { x in
      keep.withUnsafeMutableBufferPointer { k in
        output.withUnsafeMutableBufferPointer { y in
          for range in ranges {
            applyDropout(
              key, range: range, input: x.baseAddress!, keep: k.baseAddress!,
              output: y.baseAddress!)
          }
        }
      }
    }
    XCTAssertEqual(output, keep.map { 2 * $0 }, "output is input · keep")
    return keep
  }

  func testKeepFractionAndScaleMatchTheRate() {
    for rate: Float in [0.1, 0.5] {
      let keep = mask(rate: rate, seed: 7, count: 100_003, ranges: [0..<100_003])
      XCTAssertEqual(Set(keep), [0, 1 / (1 - rate)])
      let kept = Double(keep.filter { $0 != 0 }.count) / Double(keep.count)
      XCTAssertEqual(kept, Double(1 - rate), accuracy: 0.005, "rate \(rate)")
    }
  }

  func testMaskDoesNotDependOnHowTheElementsAreSplit() {
    let whole = mask(rate: 0.1, seed: 3, count: 1000, ranges: [0..<1000])
    // Ranges that start and end off vector boundaries, in another order.
    let pieces = mask(rate: 0.1, seed: 3, count: 1000, ranges: [517..<1000, 3..<517, 0..<3])
    XCTAssertEqual(whole, pieces)
  }

  func testMaskIsPinnedAcrossVectorWidths() {
    // The first 24 keep flags of seed 42 at rate 0.5, the same in every SIMD variant (the hash
    // is integer-only); a change here changes every dropout run's numbers.
    let keep = mask(rate: 0.5, seed: 42, count: 24, ranges: [0..<24])
    let flags = keep.map { $0 == 0 ? "0" : "1" }.joined()
    XCTAssertEqual(flags.count, 24)
    XCTAssertEqual(flags, Self.pinnedFlags)
  }

  func testDifferentKeysAndNeighboursAreUncorrelated() {
    let a = mask(rate: 0.5, seed: 1, count: 20_000, ranges: [0..<20_000]).map { $0 != 0 }
    let b = mask(rate: 0.5, seed: 2, count: 20_000, ranges: [0..<20_000]).map { $0 != 0 }
    let agreeKeys = Double(zip(a, b).filter { $0 == $1 }.count) / 20_000
    let agreeNeighbours = Double(zip(a, a.dropFirst()).filter { $0 == $1 }.count) / 19_999
    XCTAssertEqual(agreeKeys, 0.5, accuracy: 0.02)
    XCTAssertEqual(agreeNeighbours, 0.5, accuracy: 0.02)
  }

  func testRateZeroKeepsEverythingUnscaled() {
    XCTAssertEqual(Set(mask(rate: 0, seed: 5, count: 37, ranges: [0..<37])), [1])
  }

  /// Computed independently from the hash's definition (a few lines of Python).
  static let pinnedFlags = "011101110011100011110000"
}
