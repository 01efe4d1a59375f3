// LayoutLab — the threshold-free TIA score used by the pre-training evaluation.

import XCTest

@testable import Training

final class PretrainingEvaluationTests: XCTestCase {
  func testROCAUCCountsOrderedPairsAndHalvesTies() throws {
    // Perfect ranking, reversed ranking, and a constant score.
    XCTAssertEqual(rocAUC([(0.1, false), (0.2, false), (0.9, true)]), 1)
    XCTAssertEqual(rocAUC([(0.9, false), (0.2, true), (0.1, true)]), 0)
    XCTAssertEqual(rocAUC([(0.5, false), (0.5, true), (0.5, false)]), 0.5)
    // Positives 0.8 and 0.3 against negatives 0.5, 0.3, 0.1: pairs won 3 + 1.5 (a tie) of 6.
    let auc = try XCTUnwrap(
      rocAUC([(0.8, true), (0.3, true), (0.5, false), (0.3, false), (0.1, false)]))
    XCTAssertEqual(auc, 4.5 / 6, accuracy: 1e-12)
  }

  func testROCAUCNeedsBothClasses() {
    XCTAssertNil(rocAUC([(0.1, true), (0.4, true)]))
    XCTAssertNil(rocAUC([]))
  }
}
