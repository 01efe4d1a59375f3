// LayoutLab — percentile bootstrap confidence intervals and the paired bootstrap test.

import Seeding

/// Settings of a bootstrap run.
public struct BootstrapOptions: Equatable, Sendable {
  /// Number of resamples `B`.
  public var resamples: Int
  /// Two-sided coverage of the interval, in (0, 1).
  public var confidence: Double
  /// Seed of the `SeededGenerator` that draws the resamples.
  public var seed: UInt64

  /// Creates options; the defaults are 1000 resamples, 95 %, seed 0.
  public init(resamples: Int = 1000, confidence: Double = 0.95, seed: UInt64 = 0) {
    self.resamples = resamples
    self.confidence = confidence
    self.seed = seed
  }

  func validate() throws {
    guard resamples >= 1 else {
      throw EvaluationError(
        source: "bootstrap", problem: "resamples must be at least 1, got \(resamples)")
    }
    guard confidence > 0, confidence < 1 else {
      throw EvaluationError(
        source: "bootstrap", problem: "confidence must be in (0, 1), got \(confidence)")
    }
  }
}

/// A point estimate with a percentile bootstrap interval.
public struct ConfidenceInterval: Equatable, Sendable {
  /// The statistic on the full data.
  public var estimate: Double
  /// Lower end of the interval.
  public var lower: Double
  /// Upper end of the interval.
  public var upper: Double
  /// The options that produced it.
  public var options: BootstrapOptions
}

/// The outcome of a paired bootstrap test of system A against system B.
public struct PairedBootstrapResult: Equatable, Sendable {
  /// `statistic(A) − statistic(B)` with its percentile interval.
  public var difference: ConfidenceInterval
  /// Two-sided p-value for "no difference": the share of resampled differences at least as far
  /// from the observed difference as the observed difference is from 0,
  /// `(1 + #{|δ*ᵦ − δ̂| ≥ |δ̂|}) / (B + 1)`.
  public var pValue: Double
  /// Share of resamples in which A scores strictly higher than B.
  public var fractionAWins: Double
}

/// Percentile bootstrap interval of `statistic` over items (documents).
///
/// Each of `B` resamples draws `D` items with replacement with `SeededGenerator(seed:)`
/// (`nextInt(below: D)`), so the same options give the same interval on every run. The
/// interval ends are the `(1 − c)/2` and `(1 + c)/2` quantiles of the resampled statistics with
/// linear interpolation (numpy's default).
/// - Throws: `EvaluationError` for no items, a width that does not match the statistic, or
///   invalid options.
public func bootstrapConfidenceInterval(
  _ items: ItemStatistics, statistic: CorpusStatistic, options: BootstrapOptions = .init()
) throws -> ConfidenceInterval {
  try checkBootstrapInput(items, statistic: statistic, options: options, name: "items")
  let estimate = statistic.value(of: items)
  var replicates = resampledStatistics(items, nil, statistic: statistic, options: options)
  replicates.sort()
  let (lower, upper) = percentileBounds(replicates, confidence: options.confidence)
  return ConfidenceInterval(estimate: estimate, lower: lower, upper: upper, options: options)
}

/// Paired bootstrap test of two systems scored on the same items.
///
/// Both systems are resampled with the same item indices. See `PairedBootstrapResult` for the
/// p-value, which is close to uniform on [0, 1] when the systems do not differ.
/// - Parameters:
///   - systemA: `[D, width]` statistics of system A.
///   - systemB: `[D, width]` statistics of system B on the same items in the same order.
/// - Throws: `EvaluationError` when the item counts or widths differ, or as
///   `bootstrapConfidenceInterval` does.
public func pairedBootstrapTest(
  _ systemA: ItemStatistics, _ systemB: ItemStatistics, statistic: CorpusStatistic,
  options: BootstrapOptions = .init()
) throws -> PairedBootstrapResult {
  try checkBootstrapInput(systemA, statistic: statistic, options: options, name: "system A")
  try checkBootstrapInput(systemB, statistic: statistic, options: options, name: "system B")
  guard systemA.count == systemB.count else {
    throw EvaluationError(
      source: "system B", problem: "\(systemB.count) items, but system A has \(systemA.count)")
  }
  let observed = statistic.value(of: systemA) - statistic.value(of: systemB)
  var differences = resampledStatistics(systemA, systemB, statistic: statistic, options: options)
  var extreme = 0
  var wins = 0
  for difference in differences {
    if abs(difference - observed) >= abs(observed) { extreme += 1 }
    if difference > 0 { wins += 1 }
  }
  differences.sort()
  let (lower, upper) = percentileBounds(differences, confidence: options.confidence)
  let count = Double(differences.count)
  return PairedBootstrapResult(
    difference: ConfidenceInterval(
      estimate: observed, lower: lower, upper: upper, options: options),
    pValue: Double(1 + extreme) / (count + 1), fractionAWins: Double(wins) / count)
}

/// The `q`-quantile of ascending `sorted` values with linear interpolation (numpy "linear").
public func interpolatedQuantile(_ sorted: [Double], _ q: Double) -> Double {
  guard let first = sorted.first else { return .nan }
  if sorted.count == 1 { return first }
  let position = Double(sorted.count - 1) * min(max(q, 0), 1)
  let below = Int(position.rounded(.down))
  let above = min(below + 1, sorted.count - 1)
  let fraction = position - Double(below)
  return sorted[below] + fraction * (sorted[above] - sorted[below])
}

private func percentileBounds(_ sorted: [Double], confidence: Double) -> (Double, Double) {
  let tail = (1 - confidence) / 2
  return (interpolatedQuantile(sorted, tail), interpolatedQuantile(sorted, 1 - tail))
}

private func checkBootstrapInput(
  _ items: ItemStatistics, statistic: CorpusStatistic, options: BootstrapOptions, name: String
) throws {
  try options.validate()
  guard items.count > 0 else {
    throw EvaluationError(source: name, problem: "no items to resample")
  }
  guard items.width == statistic.width else {
    throw EvaluationError(
      source: name,
      problem: "items have width \(items.width), but \(statistic.name) needs \(statistic.width)")
  }
}

/// `B` resampled statistics of `a`, or of `a − b` when `b` is given (same indices for both).
private func resampledStatistics(
  _ a: ItemStatistics, _ b: ItemStatistics?, statistic: CorpusStatistic, options: BootstrapOptions
) -> [Double] {
  let count = a.count
  let width = a.width
  var generator = SeededGenerator(seed: options.seed)
  var replicates = [Double](repeating: 0, count: options.resamples)
  var sumsA = [Double](repeating: 0, count: width)
  var sumsB = [Double](repeating: 0, count: width)
  let valuesB = b?.values ?? []
  a.values.withUnsafeBufferPointer { rowsA in
    valuesB.withUnsafeBufferPointer { rowsB in
      sumsA.withUnsafeMutableBufferPointer { totalA in
        sumsB.withUnsafeMutableBufferPointer { totalB in
          replicates.withUnsafeMutableBufferPointer { out in
            for resample in 0..<out.count {
              for column in 0..<width {
                totalA[column] = 0
                totalB[column] = 0
              }
              for _ in 0..<count {
                let base = generator.nextInt(below: count) * width
                for column in 0..<width { totalA[column] += rowsA[base + column] }
                if !rowsB.isEmpty {
                  for column in 0..<width { totalB[column] += rowsB[base + column] }
                }
              }
              let valueA = statistic.evaluate(UnsafeBufferPointer(totalA), count)
              out[resample] =
                rowsB.isEmpty
                ? valueA : valueA - statistic.evaluate(UnsafeBufferPointer(totalB), count)
            }
          }
        }
      }
    }
  }
  return replicates
}
