// LayoutLab — metrics broken down by per-item tags.

import Evaluation
import XCTest

final class BreakdownTests: XCTestCase {
  func testGroupsByTagWithIntervals() throws {
    let items = try ItemStatistics(scores: [1, 0, 1, 1, 0.5])
    let rows = try breakdown(
      items, tags: ["form", "letter", "form", "memo", "letter"], statistic: .mean,
      bootstrap: BootstrapOptions(resamples: 200, seed: 1))
    XCTAssertEqual(rows.map(\.tag), ["form", "letter", "memo"])
    XCTAssertEqual(rows.map(\.itemCount), [2, 2, 1])
    XCTAssertEqual(rows.map(\.value), [1, 0.25, 1])
    XCTAssertEqual(rows[0].interval?.lower, 1)
    XCTAssertEqual(rows[1].interval?.lower, 0)
    XCTAssertEqual(rows[1].interval?.upper, 0.5)
  }

  func testItemsWithSeveralTagsCountInEach() throws {
    let items = try ItemStatistics(values: [1, 1, 0, 1, 1, 2], width: 2)
    let rows = try breakdown(
      items, tags: [["cue:bold", "cue:colon"], ["cue:colon"], []], statistic: .ratio)
    XCTAssertEqual(rows.map(\.tag), ["cue:bold", "cue:colon"])
    XCTAssertEqual(rows.map(\.value), [1, 0.5])
    XCTAssertNil(rows[0].interval)
  }

  func testTagCountMustMatchItems() throws {
    let items = try ItemStatistics(scores: [1, 2])
    XCTAssertThrowsError(try breakdown(items, tags: ["a"], statistic: .mean)) {
      XCTAssertEqual("\($0)", "tags: 1 tag lists, but there are 2 items")
    }
  }
}
