// LayoutLab — chart axes: nice linear ticks, logarithmic ticks, explicit ticks and labels.

import XCTest

@testable import Reporting

final class ChartAxisTests: XCTestCase {
  func testLinearTicksAreNiceAndCoverTheData() throws {
    let axis = try ChartAxis(
      values: [0.41, 0.72], scale: .linear, range: nil, ticks: nil, name: "y")
    XCTAssertEqual(axis.labels, ["0.4", "0.5", "0.6", "0.7", "0.8"])
    XCTAssertEqual(axis.lower, 0.40, accuracy: 1e-12)
    XCTAssertEqual(axis.upper, 0.8, accuracy: 1e-12)
    XCTAssertEqual(axis.fraction(0.6), 0.5, accuracy: 1e-12)
    let fixedRange = try ChartAxis(
      values: [0.3], scale: .linear, range: 0...1, ticks: nil, name: "y")
    XCTAssertEqual(fixedRange.labels, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    let single = try ChartAxis(values: [5, 5], scale: .linear, range: nil, ticks: nil, name: "y")
    XCTAssertLessThan(single.lower, 5)
    XCTAssertGreaterThan(single.upper, 5)
  }

  func testLogarithmicTicks() throws {
    let axis = try ChartAxis(
      values: [1, 196], scale: .logarithmic, range: nil, ticks: nil, name: "x")
    XCTAssertEqual(axis.labels, ["1", "2", "5", "10", "20", "50", "100", "200"])
    XCTAssertEqual(axis.fraction(axis.lower), 0, accuracy: 1e-12)
    XCTAssertEqual(axis.fraction(axis.upper), 1, accuracy: 1e-12)
    let explicit = try ChartAxis(
      values: [1, 196], scale: .logarithmic, range: nil, ticks: [1, 4, 16, 49, 100, 196], name: "x")
    XCTAssertEqual(explicit.labels, ["1", "4", "16", "49", "100", "196"])
    XCTAssertThrowsError(
      try ChartAxis(values: [0, 1], scale: .logarithmic, range: nil, ticks: nil, name: "x"))
  }

  func testLabelsNeverShowMinusZeroAndUseFewDecimals() {
    XCTAssertEqual(fixedLabel(-0.0001, 2), "0.00")
    XCTAssertEqual(shortestLabel(0.25), "0.25")
    XCTAssertEqual(shortestLabel(2), "2")
    XCTAssertEqual(shortestLabel(1e-7), "0.000000")
  }
}
