// LayoutLab — loss curves: the moving average, and the plot byte for byte.

import XCTest
import _TestSupport

@testable import Reporting

final class LossCurvePlotTests: XCTestCase {
  func testMovingAverageIsTrailingAndShorterAtTheStart() {
    XCTAssertEqual(movingAverage([4, 2, 6, 8, 0], window: 2), [4, 3, 4, 7, 4])
    XCTAssertEqual(movingAverage([3, 6, 9, 12], window: 3), [3, 4.5, 6, 9])
    XCTAssertEqual(movingAverage([1, 5], window: 1), [1, 5])
    XCTAssertEqual(movingAverage([], window: 4), [])
  }

  func testLossCurvesMatchTheSnapshot() throws {
    let series = ["MVLM", "TIA", "TIM"].enumerated().map { index, name in
      PlotSeries(
        name: name,
        points: (0..<40).map { step in
          let wiggle = Double((step * 7 + index * 3) % 5) * 0.05
          return PlotPoint(
            x: Double(step * 10),
            y: 3.0 / Double(index + 1) * exp(-Double(step) / 15) + 0.2 + wiggle)
        })
    }
    let plot = try lossCurvePlot(title: "Pre-training losses", series: series, smoothing: 5)
    XCTAssertEqual(plot.title, "Pre-training losses (moving average of 5 points)")
    XCTAssertFalse(plot.showMarkers)
    let svg = try plot.svg()
    try assertMatchesGolden(svg, fixture: "ReportingTests/Fixtures/charts/loss-curves.svg")
    XCTAssertFalse(svg.contains("<circle"))
    let log = try lossCurvePlot(title: "log", series: series, logLoss: true)
    XCTAssertEqual(log.yScale, .logarithmic)
    XCTAssertNoThrow(try log.svg())
    XCTAssertThrowsError(try lossCurvePlot(title: "bad", series: series, smoothing: 0))
  }
}
