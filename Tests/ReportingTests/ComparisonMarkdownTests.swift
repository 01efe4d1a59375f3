// LayoutLab — `compare`'s Markdown, byte for byte, on a fixed pair of results folders.

import Foundation
import XCTest
import _TestSupport

@testable import Reporting

final class ComparisonMarkdownTests: XCTestCase {
  /// `Fixtures/compare/before` and `after`: v1 missed fewer answers with a doubled learning
  /// rate, v2 seed 1 is unchanged, v2 seed 2 is only before and v3 only after. Regenerate
  /// `expected.md` with `LAYOUTLAB_UPDATE_GOLDEN=1` after a deliberate change, and read the diff.
  func testMarkdownMatchesTheGoldenFile() throws {
    let folder = TestPaths.fixture("ReportingTests/Fixtures/compare")
    let comparison = try compareResults(
      try ExperimentResults.read(
        experimentDirectory: folder.appendingPathComponent("before"), variantOrder: []),
      try ExperimentResults.read(
        experimentDirectory: folder.appendingPathComponent("after"), variantOrder: []),
      labels: ("results/before", "results/after"))
    try assertMatchesGolden(
      comparison.markdown, fixture: "ReportingTests/Fixtures/compare/expected.md")
  }

  func testSignedNumbersNeverShowMinusZero() {
    XCTAssertEqual(signed(0.1234), "+0.123")
    XCTAssertEqual(signed(-0.1234), "-0.123")
    XCTAssertEqual(signed(-0.0001), "0.000")
    XCTAssertEqual(signed(0), "0.000")
  }
}
