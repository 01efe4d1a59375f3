// LayoutLab — Spearman rank correlation and its permutation p-value, against hand-computed values.

import Evaluation
import XCTest

final class RankCorrelationTests: XCTestCase {
  func testAverageRanksShareTies() {
    XCTAssertEqual(averageRanks([10, 20, 20, 5]), [2, 3.5, 3.5, 1])
    XCTAssertEqual(averageRanks([3, 3, 3]), [2, 2, 2])
    XCTAssertEqual(averageRanks([0.7, 0.1, 0.4]), [3, 1, 2])
  }

  /// n = 5, two adjacent swaps: Σd² = 4, ρ = 1 − 6·4/(5·24) = 0.8. Orderings of 5 with Σd² ≤ 4:
  /// the identity, 4 adjacent swaps and 3 pairs of disjoint adjacent swaps = 8 of 120 (ρ ≥ 0.8),
  /// and by symmetry 8 with ρ ≤ −0.8, so the exact two-sided p is 16/120.
  func testExactPermutationPValueWithoutTies() throws {
    let result = try spearmanCorrelation([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])
    XCTAssertEqual(result.rho, 0.8, accuracy: 1e-12)
    XCTAssertTrue(result.exact)
    XCTAssertEqual(result.permutationsEvaluated, 120)
    XCTAssertEqual(result.pValue, 16.0 / 120, accuracy: 1e-12)
    let greater = try spearmanCorrelation(
      [1, 2, 3, 4, 5], [2, 1, 4, 3, 5], options: .init(alternative: .greater))
    XCTAssertEqual(greater.pValue, 8.0 / 120, accuracy: 1e-12)
    let less = try spearmanCorrelation(
      [1, 2, 3, 4, 5], [2, 1, 4, 3, 5], options: .init(alternative: .less))
    XCTAssertEqual(less.pValue, 115.0 / 120, accuracy: 1e-12)  // all but Σd² ∈ {0, 2}
    // Reversed order: ρ = −0.8, same two-sided p.
    let reversed = try spearmanCorrelation([5, 4, 3, 2, 1], [2, 1, 4, 3, 5])
    XCTAssertEqual(reversed.rho, -0.8, accuracy: 1e-12)
    XCTAssertEqual(reversed.pValue, 16.0 / 120, accuracy: 1e-12)
  }

  /// x = [1, 2, 2, 3] ranks [1, 2.5, 2.5, 4]; y ranks [1, 2, 3, 4]. Centered: [−1.5, 0, 0, 1.5]
  /// and [−1.5, −0.5, 0.5, 1.5]; ρ = 4.5 / √(4.5 · 5) = 0.948683…. Only orderings that put
  /// y's ±1.5 at x's ends reach |ρ| ≥ that: 2 · 2 = 4 of 24.
  func testTiesUseAverageRanks() throws {
    let result = try spearmanCorrelation([1, 2, 2, 3], [10, 20, 30, 40])
    XCTAssertEqual(result.rho, 4.5 / (22.5).squareRoot(), accuracy: 1e-12)
    XCTAssertEqual(result.pValue, 4.0 / 24, accuracy: 1e-12)
  }

  /// Above the exact limit: a perfect ordering of 10 is beaten by no shuffle with probability
  /// 1 − 2/10! per draw, so p = (1 + 0) / (B + 1).
  func testMonteCarloAboveTheExactLimit() throws {
    let x = (1...10).map(Double.init)
    let result = try spearmanCorrelation(x, x.map { $0 * $0 }, options: .init(permutations: 999))
    XCTAssertEqual(result.rho, 1, accuracy: 1e-12)
    XCTAssertFalse(result.exact)
    XCTAssertEqual(result.permutationsEvaluated, 999)
    XCTAssertEqual(result.pValue, 1.0 / 1000, accuracy: 1e-15)
  }

  func testMonteCarloIsSeededAndCloseToExact() throws {
    let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
    let y: [Double] = [2, 1, 4, 3, 7, 5, 8, 6]
    let exact = try spearmanCorrelation(x, y)
    XCTAssertTrue(exact.exact)
    XCTAssertEqual(exact.permutationsEvaluated, 40_320)
    let sampled = PermutationTestOptions(exactLimit: 0, permutations: 20_000, seed: 7)
    let first = try spearmanCorrelation(x, y, options: sampled)
    let second = try spearmanCorrelation(x, y, options: sampled)
    XCTAssertEqual(first, second)
    XCTAssertEqual(first.rho, exact.rho)
    XCTAssertEqual(first.pValue, exact.pValue, accuracy: 0.01)
    var otherSeed = sampled
    otherSeed.seed = 8
    XCTAssertNotEqual(try spearmanCorrelation(x, y, options: otherSeed).pValue, first.pValue)
  }

  func testBadInputIsNamed() {
    XCTAssertThrowsError(try spearmanCorrelation([1, 2, 3], [1, 2])) { error in
      XCTAssertTrue("\(error)".contains("3 x values but 2 y values"), "\(error)")
    }
    XCTAssertThrowsError(try spearmanCorrelation([1, 2], [1, 2]))
    XCTAssertThrowsError(try spearmanCorrelation([1, 1, 1], [1, 2, 3])) { error in
      XCTAssertTrue("\(error)".contains("tied"), "\(error)")
    }
    XCTAssertThrowsError(try spearmanCorrelation([1, .nan, 3], [1, 2, 3]))
  }
}
