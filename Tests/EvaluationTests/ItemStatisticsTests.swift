// LayoutLab — per-item statistics and corpus statistics from their sums.

import Evaluation
import XCTest

final class ItemStatisticsTests: XCTestCase {
  func testRowsSumsAndStatistics() throws {
    let items = try ItemStatistics(values: [1, 2, 3, 4, 5, 6], width: 2)
    XCTAssertEqual(items.count, 3)
    XCTAssertEqual(items.sums, [9, 12])
    XCTAssertEqual(items.rows([2, 0, 2]).values, [5, 6, 1, 2, 5, 6])
    XCTAssertEqual(CorpusStatistic.ratio.value(of: items), 0.75)
    XCTAssertEqual(CorpusStatistic.mean.value(of: try ItemStatistics(scores: [1, 2, 6])), 3)
    XCTAssertEqual(CorpusStatistic.mean.value(of: try ItemStatistics(scores: [])), 0)
    XCTAssertEqual(
      CorpusStatistic.microF1.value(of: try ItemStatistics(values: [0, 0, 0], width: 3)), 0)
  }

  func testInvalidShapesThrow() {
    XCTAssertThrowsError(try ItemStatistics(values: [1, 2, 3], width: 2)) {
      XCTAssertEqual("\($0)", "statistics: 3 values do not fill rows of width 2")
    }
    XCTAssertThrowsError(try ItemStatistics(values: [1], width: 0))
    XCTAssertThrowsError(try ItemStatistics(values: [1, 2, .infinity, 4], width: 2)) {
      XCTAssertEqual("\($0)", "statistics: item 1: value is not finite")
    }
  }
}
