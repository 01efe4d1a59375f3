import XCTest

@testable import Evaluation

final class QAScoresTests: XCTestCase {
  func answer(_ id: Int, _ prediction: String, _ answers: [String], cue: String? = nil)
    -> ScoredAnswer
  {
    ScoredAnswer(
      questionId: id, documentId: "d", prediction: prediction, answers: answers, cue: cue,
      clsPreferred: prediction.isEmpty)
  }

  func testScoresAgreeWithTheModulesANLSScorer() throws {
    let items = [
      answer(1, "Vanderbilt University", ["VANDERBILT UNIVERSITY"], cue: "text"),
      answer(2, "$123,11O", ["$123,110"], cue: "text"),
      answer(3, "", ["2", "page 2"], cue: "layout"),
      answer(4, "Nashvile", ["Memphis"], cue: "layout"),
    ]
    let scores = QAScores(items)
    let reference = try anls(
      predictions: items.map(\.prediction), answers: items.map(\.answers))
    XCTAssertEqual(scores.anls, reference.value, accuracy: 1e-12)
    XCTAssertEqual(items.map(\.anls), reference.perQuestion)
    XCTAssertEqual(scores.exactMatch, 0.25)
    XCTAssertEqual(scores.perCue["text"] ?? -1, (1 + 7.0 / 8) / 2, accuracy: 1e-12)
    XCTAssertEqual(scores.perCue["layout"], 0)
    XCTAssertEqual(scores.clsPreferredShare, 0.25)
    XCTAssertEqual(scores.emptyAnswers, 1)
    XCTAssertEqual(scores.questions, 4)
  }

  func testQuestionsWithoutAnswersAreNotScored() {
    let scores = QAScores([answer(1, "x", []), answer(2, "x", ["x"])])
    XCTAssertEqual(scores.questions, 1)
    XCTAssertEqual(scores.anls, 1)
  }
}
