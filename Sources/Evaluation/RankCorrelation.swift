// LayoutLab — Spearman rank correlation with a permutation p-value.

import Seeding

/// Which departures from "no association" a permutation p-value counts.
public enum CorrelationAlternative: String, Equatable, Sendable {
  /// `|ρ*| ≥ |ρ|`: an association in either direction.
  case twoSided = "two-sided"
  /// `ρ* ≥ ρ`: the orderings agree (a positive association).
  case greater
  /// `ρ* ≤ ρ`: the orderings disagree (a negative association).
  case less
}

/// Settings of a permutation test of a rank correlation.
public struct PermutationTestOptions: Equatable, Sendable {
  /// Up to this many pairs, every ordering of the second ranks is enumerated (`n!` of them;
  /// 40,320 at the default 8, 3.6 million at 10) and the p-value is exact.
  public var exactLimit: Int
  /// Above `exactLimit`, the number of random orderings drawn (Monte-Carlo).
  public var permutations: Int
  /// Seed of the `SeededGenerator` that draws the Monte-Carlo orderings.
  public var seed: UInt64
  /// The alternative the p-value tests.
  public var alternative: CorrelationAlternative

  /// Creates options; the defaults are exact up to 8 pairs, else 10,000 orderings with seed 0,
  /// two-sided.
  public init(
    exactLimit: Int = 8, permutations: Int = 10_000, seed: UInt64 = 0,
    alternative: CorrelationAlternative = .twoSided
  ) {
    self.exactLimit = exactLimit
    self.permutations = permutations
    self.seed = seed
    self.alternative = alternative
  }
}

/// Spearman's ρ of two paired samples and its permutation p-value.
public struct RankCorrelation: Equatable, Sendable {
  /// Spearman's ρ: the Pearson correlation of the average ranks, in [−1, 1].
  public var rho: Double
  /// The permutation p-value under `options.alternative`: exact, `#{extreme} / n!`, when
  /// `exact`; else `(1 + #{extreme}) / (permutations + 1)`.
  public var pValue: Double
  /// Number of pairs `n`.
  public var count: Int
  /// Whether every ordering was enumerated.
  public var exact: Bool
  /// Orderings evaluated: `n!` when exact, else `options.permutations`.
  public var permutationsEvaluated: Int
  /// The options that produced it.
  public var options: PermutationTestOptions
}

/// The ranks of `values` from 1 (smallest), tied values sharing the average of their ranks
/// (`[10, 20, 20, 5]` → `[2, 3.5, 3.5, 1]`).
public func averageRanks(_ values: [Double]) -> [Double] {
  let order = values.indices.sorted {
    values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1)
  }
  var ranks = [Double](repeating: 0, count: values.count)
  var start = 0
  while start < order.count {
    var end = start + 1
    while end < order.count, values[order[end]] == values[order[start]] { end += 1 }
    let average = Double(start + end + 1) / 2  // mean of ranks start+1 ... end
    for position in start..<end { ranks[order[position]] = average }
    start = end
  }
  return ranks
}

/// Spearman's rank correlation of `x` and `y` (paired by index) with a permutation p-value.
///
/// ρ is the Pearson correlation of the average ranks (so ties are handled exactly, not by the
/// `1 − 6Σd²/(n(n²−1))` shortcut, which assumes none). The null distribution permutes the ranks
/// of `y` against those of `x`: with `n ≤ options.exactLimit` every ordering is visited (Heap's
/// algorithm) and the p-value is the exact share at least as extreme as the observed ρ; above
/// it, `options.permutations` Fisher–Yates shuffles drawn from `SeededGenerator(seed:)` give
/// `(1 + #{extreme}) / (B + 1)`. The same input and options give the same answer on every run.
/// "At least as extreme" allows 1e-12 for rounding, so orderings tied with the observed one count.
/// - Throws: `EvaluationError` for unequal lengths, fewer than 3 pairs, a value that is not
///   finite, a sample whose values are all tied (ρ undefined), or fewer than 1 permutation.
public func spearmanCorrelation(
  _ x: [Double], _ y: [Double], options: PermutationTestOptions = .init()
) throws -> RankCorrelation {
  guard x.count == y.count else {
    throw EvaluationError(
      source: "rank correlation", problem: "\(x.count) x values but \(y.count) y values")
  }
  guard x.count >= 3 else {
    throw EvaluationError(
      source: "rank correlation", problem: "needs at least 3 pairs, got \(x.count)")
  }
  for (name, values) in [("x", x), ("y", y)] {
    if let bad = values.firstIndex(where: { !$0.isFinite }) {
      throw EvaluationError(source: name, location: "value \(bad)", problem: "not finite")
    }
    if values.allSatisfy({ $0 == values[0] }) {
      throw EvaluationError(
        source: name,
        problem: "all \(values.count) values are tied; the rank correlation is undefined")
    }
  }
  guard options.permutations >= 1 else {
    throw EvaluationError(
      source: "rank correlation",
      problem: "permutations must be at least 1, got \(options.permutations)")
  }
  let centeredX = centered(averageRanks(x))
  var centeredY = centered(averageRanks(y))
  let scale = (sumOfSquares(centeredX) * sumOfSquares(centeredY)).squareRoot()
  func rho(_ ys: [Double]) -> Double {
    var sum = 0.0
    for index in ys.indices { sum += centeredX[index] * ys[index] }
    return min(1, max(-1, sum / scale))
  }
  let observed = rho(centeredY)
  let tolerance = 1e-12
  func isExtreme(_ value: Double) -> Bool {
    switch options.alternative {
    case .twoSided: return abs(value) >= abs(observed) - tolerance
    case .greater: return value >= observed - tolerance
    case .less: return value <= observed + tolerance
    }
  }
  var extreme = 0
  if x.count <= options.exactLimit {
    var total = 0
    forEachPermutation(&centeredY) { ordering in
      total += 1
      if isExtreme(rho(ordering)) { extreme += 1 }
    }
    return RankCorrelation(
      rho: observed, pValue: Double(extreme) / Double(total), count: x.count, exact: true,
      permutationsEvaluated: total, options: options)
  }
  var generator = SeededGenerator(seed: options.seed, stream: "spearman permutation")
  for _ in 0..<options.permutations {
    generator.shuffle(&centeredY)
    if isExtreme(rho(centeredY)) { extreme += 1 }
  }
  return RankCorrelation(
    rho: observed, pValue: Double(1 + extreme) / Double(options.permutations + 1),
    count: x.count, exact: false, permutationsEvaluated: options.permutations, options: options)
}

private func centered(_ values: [Double]) -> [Double] {
  let mean = values.reduce(0, +) / Double(values.count)
  return values.map { $0 - mean }
}

private func sumOfSquares(_ values: [Double]) -> Double {
  values.reduce(0) { $0 + $1 * $1 }
}

/// Calls `body` with every ordering of `items` (Heap's algorithm, iterative), `n!` calls.
private func forEachPermutation(_ items: inout [Double], _ body: ([Double]) -> Void) {
  var counters = [Int](repeating: 0, count: items.count)
  body(items)
  var index = 1
  while index < items.count {
    if counters[index] < index {
      items.swapAt(index % 2 == 0 ? 0 : counters[index], index)
      body(items)
      counters[index] += 1
      index = 1
    } else {
      counters[index] = 0
      index += 1
    }
  }
}
