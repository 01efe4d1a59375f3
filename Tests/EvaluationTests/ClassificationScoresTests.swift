// LayoutLab — a split's classification accuracy, overall and per cue tag.

import XCTest

@testable import Evaluation

final class ClassificationScoresTests: XCTestCase {
  func testAccuracyOverallAndPerCue() {
    let scores = ClassificationScores([
      ClassPrediction(id: "a", gold: 1, predicted: 1, cue: "text"),
      ClassPrediction(id: "b", gold: 2, predicted: 0, cue: "text"),
      ClassPrediction(id: "c", gold: 3, predicted: 3, cue: "layout"),
      ClassPrediction(id: "d", gold: 4, predicted: 4),
    ])
    XCTAssertEqual(scores.accuracy, 0.75)
    XCTAssertEqual(scores.perCue, ["text": 0.5, "layout": 1])
    XCTAssertEqual(scores.documents, 4)
  }

  func testNoPredictionsScoreZero() {
    let scores = ClassificationScores([])
    XCTAssertEqual(scores.accuracy, 0)
    XCTAssertEqual(scores.perCue, [:])
    XCTAssertEqual(scores.documents, 0)
  }
}
