// LayoutLab — a split's entity scores: micro F1, per label, and per cue (other words masked).

import XCTest

@testable import Evaluation

final class EntityScoresTests: XCTestCase {
  func testOverallPerLabelAndPerCue() throws {
    // One question found, one answer missed; the answer's words carry the cue `layout`.
    let scores = try scoreEntities(
      gold: [["B-QUESTION", "I-QUESTION", "B-ANSWER"]],
      predicted: [["B-QUESTION", "I-QUESTION", "O"]],
      cues: [["text", "text", "layout"]])
    XCTAssertEqual(scores.overall.support, 2)
    XCTAssertEqual(scores.overall.precision, 1)
    XCTAssertEqual(scores.overall.recall, 0.5)
    XCTAssertEqual(scores.perLabel["QUESTION"]?.f1, 1)
    XCTAssertEqual(scores.perLabel["ANSWER"]?.f1, 0)
    XCTAssertEqual(scores.perCue["text"]?.f1, 1)
    XCTAssertEqual(scores.perCue["layout"]?.f1, 0)
    XCTAssertEqual(scores.perCue["layout"]?.support, 1)
    XCTAssertEqual(scores.documents, 1)
  }

  func testMismatchedDocumentsThrow() {
    XCTAssertThrowsError(
      try scoreEntities(gold: [["O"]], predicted: [["O", "O"]], cues: [[nil]]))
  }
}
