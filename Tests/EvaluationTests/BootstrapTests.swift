// LayoutLab — bootstrap intervals and the paired test: determinism, power, and uniform p-values
// under the null.

import Foundation
import Seeding
import XCTest

@testable import Evaluation

/// Normal draws from the module's generator (Box–Muller), for simulated data.
struct NormalSampler {
  var generator: SeededGenerator
  init(seed: UInt64) { generator = SeededGenerator(seed: seed) }
  mutating func next() -> Double {
    let u = 1 - generator.nextUniformDouble()
    let v = generator.nextUniformDouble()
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
  }
}

final class BootstrapTests: XCTestCase {
  /// Paired per-item scores: a shared item difficulty plus independent noise; A gets `shift`.
  private func pairedScores(count: Int, shift: Double, sampler: inout NormalSampler) throws
    -> (ItemStatistics, ItemStatistics)
  {
    var a: [Double] = []
    var b: [Double] = []
    for _ in 0..<count {
      let difficulty = sampler.next()
      a.append(difficulty + shift + 0.5 * sampler.next())
      b.append(difficulty + 0.5 * sampler.next())
    }
    return (try ItemStatistics(scores: a), try ItemStatistics(scores: b))
  }

  func testIntervalIsDeterministicForAFixedSeed() throws {
    var sampler = NormalSampler(seed: 1)
    let items = try ItemStatistics(scores: (0..<200).map { _ in sampler.next() })
    let options = BootstrapOptions(resamples: 500, confidence: 0.9, seed: 17)
    let first = try bootstrapConfidenceInterval(items, statistic: .mean, options: options)
    let second = try bootstrapConfidenceInterval(items, statistic: .mean, options: options)
    XCTAssertEqual(first, second)
    XCTAssertEqual(first.lower.bitPattern, second.lower.bitPattern)
    let otherSeed = try bootstrapConfidenceInterval(
      items, statistic: .mean, options: BootstrapOptions(resamples: 500, confidence: 0.9, seed: 18))
    XCTAssertNotEqual(first.lower, otherSeed.lower)
    XCTAssertLessThan(first.lower, first.estimate)
    XCTAssertGreaterThan(first.upper, first.estimate)
  }

  func testIntervalWidthMatchesNormalTheory() throws {
    var sampler = NormalSampler(seed: 2)
    let items = try ItemStatistics(scores: (0..<400).map { _ in sampler.next() })
    let interval = try bootstrapConfidenceInterval(
      items, statistic: .mean, options: BootstrapOptions(resamples: 2000, seed: 3))
    let halfWidth = (interval.upper - interval.lower) / 2
    // σ = 1, n = 400: 1.96 / 20 = 0.098.
    XCTAssertEqual(halfWidth, 0.098, accuracy: 0.015)
  }

  func testConstantItemsGiveAPointInterval() throws {
    let items = try ItemStatistics(values: [3, 4, 3, 4, 3, 4], width: 2)
    let interval = try bootstrapConfidenceInterval(items, statistic: .ratio)
    XCTAssertEqual(interval.estimate, 0.75)
    XCTAssertEqual(interval.lower, 0.75)
    XCTAssertEqual(interval.upper, 0.75)
  }

  func testPairedTestDetectsAKnownDifference() throws {
    var sampler = NormalSampler(seed: 4)
    let (a, b) = try pairedScores(count: 100, shift: 0.3, sampler: &sampler)
    let result = try pairedBootstrapTest(
      a, b, statistic: .mean, options: BootstrapOptions(resamples: 1000, seed: 5))
    XCTAssertEqual(result.difference.estimate, 0.3, accuracy: 0.2)
    XCTAssertLessThan(result.pValue, 0.01)
    XCTAssertGreaterThan(result.difference.lower, 0)
    XCTAssertGreaterThan(result.fractionAWins, 0.99)
    // A smaller difference (about 2.8 standard errors) is found in most of 60 datasets.
    var detected = 0
    for trial in 0..<60 {
      let (a, b) = try pairedScores(count: 100, shift: 0.2, sampler: &sampler)
      let test = try pairedBootstrapTest(
        a, b, statistic: .mean, options: BootstrapOptions(resamples: 400, seed: UInt64(trial)))
      if test.pValue < 0.05 && test.difference.estimate > 0 { detected += 1 }
    }
    print("detected \(detected) of 60")
    XCTAssertGreaterThan(detected, 40)
  }

  func testPValuesAreCloseToUniformUnderTheNull() throws {
    var sampler = NormalSampler(seed: 6)
    var pValues: [Double] = []
    let datasets = 400
    for trial in 0..<datasets {
      let (a, b) = try pairedScores(count: 60, shift: 0, sampler: &sampler)
      let test = try pairedBootstrapTest(
        a, b, statistic: .mean,
        options: BootstrapOptions(resamples: 400, seed: UInt64(1000 + trial)))
      pValues.append(test.pValue)
    }
    pValues.sort()
    // Kolmogorov–Smirnov distance to Uniform(0, 1); the 1 % critical value for n = 400 is 0.081.
    var ks = 0.0
    for (index, p) in pValues.enumerated() {
      ks = max(
        ks, abs(Double(index + 1) / Double(datasets) - p), abs(p - Double(index) / Double(datasets))
      )
    }
    print(
      "null p-values: KS \(ks), rejection rate \(Double(pValues.filter { $0 < 0.05 }.count) / Double(datasets))"
    )
    XCTAssertLessThan(ks, 0.09, "KS statistic \(ks)")
    let rejections = Double(pValues.filter { $0 < 0.05 }.count) / Double(datasets)
    XCTAssertEqual(rejections, 0.05, accuracy: 0.035, "rejection rate \(rejections)")
  }

  func testMicroF1StatisticAndQuantiles() throws {
    let items = try ItemStatistics(values: [1, 2, 2, 1, 1, 2], width: 3)
    XCTAssertEqual(CorpusStatistic.microF1.value(of: items), 4.0 / 7.0, accuracy: 1e-15)
    XCTAssertEqual(interpolatedQuantile([1, 2, 3, 4], 0.5), 2.5)
    XCTAssertEqual(interpolatedQuantile([1, 2, 3, 4], 0.025), 1.075, accuracy: 1e-15)
    XCTAssertEqual(interpolatedQuantile([7], 0.9), 7)
  }

  func testBadInputThrows() throws {
    let items = try ItemStatistics(scores: [1, 2])
    XCTAssertThrowsError(try bootstrapConfidenceInterval(items, statistic: .ratio)) {
      XCTAssertEqual("\($0)", "items: items have width 1, but ratio needs 2")
    }
    XCTAssertThrowsError(
      try bootstrapConfidenceInterval(
        items, statistic: .mean, options: BootstrapOptions(resamples: 0)))
    XCTAssertThrowsError(
      try bootstrapConfidenceInterval(
        items, statistic: .mean, options: BootstrapOptions(confidence: 1)))
    XCTAssertThrowsError(
      try bootstrapConfidenceInterval(try ItemStatistics(scores: []), statistic: .mean))
    XCTAssertThrowsError(
      try pairedBootstrapTest(items, try ItemStatistics(scores: [1]), statistic: .mean)
    ) {
      XCTAssertEqual("\($0)", "system B: 1 items, but system A has 2")
    }
  }
}
