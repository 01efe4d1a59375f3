// LayoutLab — the SVG line plot, byte for byte against committed snapshots.

import Evaluation
import XCTest
import _TestSupport

@testable import Reporting

final class LinePlotTests: XCTestCase {
  /// A grid-size curve: metric against visual tokens (log x, ticks at the grid sizes), two
  /// tasks with 95 % bands, one point without an interval.
  static func gridCurve(anlsAt16: Double = 0.52) -> LinePlot {
    let tokens: [Double] = [1, 4, 16, 49, 100, 196]
    let anls = [0.41, 0.47, anlsAt16, 0.58, 0.57, 0.55]
    let f1 = [0.62, 0.64, 0.66, 0.69, 0.70, 0.68]
    var plot = LinePlot(
      title: "Dev metric by visual grid", xLabel: "visual tokens (grid²)", yLabel: "score",
      series: [
        PlotSeries(
          name: "QA (ANLS)",
          points: zip(tokens, anls).map {
            PlotPoint(x: $0, y: $1, lower: $1 - 0.03, upper: $1 + 0.02)
          }),
        PlotSeries(
          name: "forms (F1) & <all>",
          points: zip(tokens, f1).enumerated().map { index, pair in
            index == 2
              ? PlotPoint(x: pair.0, y: pair.1)
              : PlotPoint(x: pair.0, y: pair.1, lower: pair.1 - 0.01, upper: pair.1 + 0.015)
          }),
      ])
    plot.xScale = .logarithmic
    plot.xTicks = tokens
    plot.bandLabel = "95 % t-interval over 3 seeds"
    return plot
  }

  func testGridCurveMatchesTheSnapshot() throws {
    let svg = try Self.gridCurve().svg()
    try assertMatchesGolden(svg, fixture: "ReportingTests/Fixtures/charts/grid-curve.svg")
    XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    XCTAssertTrue(svg.contains("<title>Dev metric by visual grid</title>"))
    XCTAssertTrue(svg.contains("forms (F1) &amp; &lt;all&gt;"), "text is escaped")
    XCTAssertEqual(svg.components(separatedBy: "<polygon").count - 1, 2, "one band per series")
  }

  func testLinearAxesMatchTheSnapshot() throws {
    var plot = LinePlot(
      title: "Linear", xLabel: "epochs", yLabel: "F1",
      series: (0..<3).map { series in
        PlotSeries(
          name: "variant \(series)",
          points: (1...4).map {
            PlotPoint(x: Double($0), y: 0.5 + 0.1 * Double(series) - 0.3 / Double($0))
          })
      })
    plot.yRange = 0...1
    try assertMatchesGolden(try plot.svg(), fixture: "ReportingTests/Fixtures/charts/linear.svg")
  }

  func testTheSameInputGivesTheSameBytesAndAChangedNumberChangesThem() throws {
    let first = try Self.gridCurve().svg()
    XCTAssertEqual(first, try Self.gridCurve().svg())
    XCTAssertNotEqual(first, try Self.gridCurve(anlsAt16: 0.53).svg())
  }

  func testASeedSummaryGivesTheMeanAndItsTInterval() throws {
    let summary = try summarizeSeeds([0.5, 0.6, 0.7])
    let point = PlotPoint(x: 49, seeds: summary)
    XCTAssertEqual(point.y, 0.6, accuracy: 1e-12)
    XCTAssertEqual(point.lower ?? 0, summary.lower ?? 1, accuracy: 1e-12)
    XCTAssertEqual(point.upper ?? 0, summary.upper ?? 1, accuracy: 1e-12)
    XCTAssertNil(PlotPoint(x: 1, seeds: try summarizeSeeds([0.5])).lower)
  }

  func testBadDataIsNamed() {
    var plot = Self.gridCurve()
    plot.series[1].points[0].x = 0
    XCTAssertThrowsError(try plot.svg()) { error in
      XCTAssertTrue("\(error)".contains("logarithmic"), "\(error)")
    }
    plot = Self.gridCurve()
    plot.series[0].points[3].upper = .infinity
    XCTAssertThrowsError(try plot.svg()) { error in
      XCTAssertTrue("\(error)".contains("'QA (ANLS)'"), "\(error)")
    }
    plot.series = []
    XCTAssertThrowsError(try plot.svg())
  }
}
