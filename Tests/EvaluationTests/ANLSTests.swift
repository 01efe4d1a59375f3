// LayoutLab — ANLS against the official RRC scorer's numbers and the anls-vectors data.

import Evaluation
import XCTest
import _TestSupport

final class ANLSTests: XCTestCase {
  func testRRCScorerMatchesFixturePerQuestionAndOverall() throws {
    let cases = try ParityFixture.load().anls
    let result = try anls(
      predictions: cases.predictions, answers: cases.answers, threshold: cases.tau)
    XCTAssertEqual(result.value, cases.anls, accuracy: 1e-9)
    XCTAssertEqual(result.perQuestion.count, cases.per_question.count)
    for (index, (got, expected)) in zip(result.perQuestion, cases.per_question).enumerated() {
      XCTAssertEqual(
        got, expected, accuracy: 1e-9, "question \(index): \(cases.predictions[index])")
    }
  }

  func testPaperFormulaMatchesFixture() throws {
    let cases = try ParityFixture.load().anls
    let result = try anls(
      predictions: cases.predictions, answers: cases.answers, threshold: cases.tau,
      convention: .paperFormula)
    XCTAssertEqual(result.value, cases.anls_formula, accuracy: 1e-9)
    for (index, (got, expected)) in zip(result.perQuestion, cases.per_question_formula)
      .enumerated()
    {
      XCTAssertEqual(got, expected, accuracy: 1e-9, "question \(index)")
    }
  }

  func testReferenceTableOfTheTwoConventions() {
    let rows: [(String, [String], Double, Double)] = [
      ("Denver Broncos", ["Denver Broncos", "Denver R. Broncos"], 1, 1),
      ("12/15/89", ["12/15/88"], 0.875, 0.875),
      ("Dear dr. Lobo", ["Dear Dr. Lobo", "Dr. Lobo"], 1, 1),
      ("abcd", ["abef"], 0.5, 0),
      ("  Hello   World ", ["hello world"], 1, 1),
      ("ab", ["cd"], 0, 0),
      ("", [""], 1, 1),
    ]
    for (prediction, answers, rrc, formula) in rows {
      XCTAssertEqual(anlsScore(prediction: prediction, answers: answers), rrc, prediction)
      XCTAssertEqual(
        anlsScore(prediction: prediction, answers: answers, convention: .paperFormula), formula,
        prediction)
    }
  }

  func testEmptyAndUnicodeAnswers() {
    XCTAssertEqual(anlsScore(prediction: "", answers: ["total"]), 0)
    XCTAssertEqual(anlsScore(prediction: "total", answers: [""]), 0)
    // Code points, as Python: "café" (precomposed) is 4 long, one substitution from "cafe".
    XCTAssertEqual(anlsScore(prediction: "café", answers: ["cafe"]), 0.75)
    XCTAssertEqual(anlsScore(prediction: "ÉCOLE", answers: ["école"]), 1)
    XCTAssertEqual(anlsScore(prediction: "東京都", answers: ["東京"]), 1 - 1.0 / 3.0)
    // A no-break space and an ideographic space are whitespace to Python's split().
    XCTAssertEqual(anlsScore(prediction: "page\u{00A0}2", answers: ["page\u{3000}2"]), 1)
    XCTAssertEqual(anlsScore(prediction: "x", answers: []), 0)
  }

  // Values from Python running the RRC scorer's code: `lower()` makes a word-final Σ into ς,
  // and `len(s.upper())` counts "ß" → "SS" and "ﬁ" → "FI" as two.
  func testPythonCaseMappingsAreReproduced() {
    XCTAssertEqual(anlsScore(prediction: "ΟΔΟΣ", answers: ["οδοσ"]), 0.75)
    XCTAssertEqual(anlsScore(prediction: "ﬁxed", answers: ["FIXED"]), 0.6, accuracy: 1e-15)
    XCTAssertEqual(anlsScore(prediction: "straße", answers: ["STRASSE"]), 1 - 2.0 / 7.0)
    XCTAssertEqual(anlsScore(prediction: "İstanbul", answers: ["istanbul"]), 0.875)
  }

  // The distance itself is tested in `EditDistanceTests`.
  func testNormalizationCollapsesWhitespaceAndLowercases() {
    XCTAssertEqual(normalizedAnswerScalars("  A\tb \n C  ").map(String.init).joined(), "a b c")
  }

  func testBadInputThrowsNamedErrors() {
    XCTAssertThrowsError(try anls(predictions: ["a"], answers: [])) {
      XCTAssertEqual("\($0)", "predicted: 1 predictions, but gold has 0 questions")
    }
    XCTAssertThrowsError(try anls(predictions: ["a", "b"], answers: [["a"], []])) {
      XCTAssertEqual("\($0)", "gold: question 1: no acceptable answers")
    }
    XCTAssertThrowsError(try anls(predictions: ["a"], answers: [["a"]], threshold: 0))
    XCTAssertEqual(try anls(predictions: [], answers: []).value, 0)
  }
}
