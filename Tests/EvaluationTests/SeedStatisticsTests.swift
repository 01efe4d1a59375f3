// LayoutLab — across-seed summaries and the Student-t quantile function.

import Evaluation
import XCTest

final class SeedStatisticsTests: XCTestCase {
  func testStudentTQuantilesMatchTables() {
    let table: [(Double, Double, Double)] = [
      (0.975, 1, 12.706204736174698), (0.975, 2, 4.302652729749464),
      (0.975, 4, 2.7764451051977934), (0.975, 9, 2.2621571628540993),
      (0.975, 30, 2.0422724563012373), (0.95, 5, 2.015048372669157),
      (0.995, 3, 5.840909309733349),
    ]
    for (p, nu, expected) in table {
      XCTAssertEqual(
        studentTQuantile(p, degreesOfFreedom: nu), expected, accuracy: 1e-9 * max(1, expected),
        "p \(p), ν \(nu)")
    }
    // Large ν approaches the normal 1.959964 (+ (z³ + z) / 4ν).
    XCTAssertEqual(studentTQuantile(0.975, degreesOfFreedom: 1e6), 1.9599664, accuracy: 1e-7)
    XCTAssertEqual(
      studentTQuantile(0.025, degreesOfFreedom: 9), -2.2621571628540993, accuracy: 1e-9)
    XCTAssertEqual(studentTQuantile(0.5, degreesOfFreedom: 3), 0)
    XCTAssertTrue(studentTQuantile(1, degreesOfFreedom: 3).isNaN)
    XCTAssertEqual(studentTCDF(0, degreesOfFreedom: 4), 0.5, accuracy: 1e-15)
    XCTAssertEqual(studentTCDF(1, degreesOfFreedom: 1), 0.75, accuracy: 1e-12)  // Cauchy
  }

  func testSummaryOfSeeds() throws {
    let summary = try summarizeSeeds([0.80, 0.82, 0.81, 0.79, 0.83])
    XCTAssertEqual(summary.count, 5)
    XCTAssertEqual(summary.mean, 0.81, accuracy: 1e-12)
    let sd = (0.001 / 4).squareRoot()
    XCTAssertEqual(summary.standardDeviation ?? 0, sd, accuracy: 1e-12)
    let halfWidth = 2.7764451051977934 * sd / 5.0.squareRoot()
    XCTAssertEqual(summary.halfWidth ?? 0, halfWidth, accuracy: 1e-10)
    XCTAssertEqual(summary.lower ?? 0, 0.81 - halfWidth, accuracy: 1e-10)
    XCTAssertEqual(summary.upper ?? 0, 0.81 + halfWidth, accuracy: 1e-10)
  }

  func testOneSeedHasNoSpreadAndBadInputThrows() throws {
    let one = try summarizeSeeds([0.5])
    XCTAssertEqual(one.mean, 0.5)
    XCTAssertNil(one.standardDeviation)
    XCTAssertNil(one.lower)
    XCTAssertThrowsError(try summarizeSeeds([])) {
      XCTAssertEqual("\($0)", "seeds: no values to summarise")
    }
    XCTAssertThrowsError(try summarizeSeeds([1, .nan])) {
      XCTAssertEqual("\($0)", "seeds: value 1: not finite")
    }
    XCTAssertThrowsError(try summarizeSeeds([1, 2], confidence: 1.5))
  }
}
