// LayoutLab — reading score files: good files parse, bad ones name the file and the entry.

import Commands
import Evaluation
import Foundation
import XCTest
import _TestSupport

final class ScoreFilesTests: XCTestCase {
  private func error(_ body: () throws -> Void) -> String {
    do {
      try body()
      return "no error"
    } catch {
      return "\(error)"
    }
  }

  func testTagSequences() throws {
    let files = try TemporaryFiles()
    let good = try files.write("g.json", #"[["B-A", "I-A"], [], ["O"]]"#)
    XCTAssertEqual(try readTagSequences(good), [["B-A", "I-A"], [], ["O"]])
    let bad = try files.write("b.json", #"[["B-A"], ["O", 7]]"#)
    XCTAssertEqual(
      error { _ = try readTagSequences(bad) },
      "\(bad): entry 1, position 1: expected a tag string, found a number")
    let flat = try files.write("f.json", #"["B-A", "O"]"#)
    XCTAssertEqual(
      error { _ = try readTagSequences(flat) },
      "\(flat): entry 0: expected a list of tags, found a string")
  }

  func testLabels() throws {
    let files = try TemporaryFiles()
    XCTAssertEqual(
      try readLabels(try files.write("a.json", "[3, 1, 3]")),
      LabelFile(documents: [["3"], ["1"], ["3"]], allIntegers: true, nested: false))
    XCTAssertEqual(
      try readLabels(try files.write("b.json", #"[["x", "y"], ["z"]]"#)),
      LabelFile(documents: [["x", "y"], ["z"]], allIntegers: false, nested: true))
    let mixed = try files.write("c.json", #"[["x"], "y"]"#)
    XCTAssertEqual(
      error { _ = try readLabels(mixed) },
      "\(mixed): entry 1: expected a list of labels like the other entries, found a string")
    let fractional = try files.write("d.json", "[1, 2.5]")
    XCTAssertEqual(
      error { _ = try readLabels(fractional) },
      "\(fractional): entry 1: expected a label (string or integer), found a number")
  }

  func testANLSGoldAndSubmission() throws {
    let files = try TemporaryFiles()
    let gold = try files.write(
      "gold.json",
      #"{"data": [{"questionId": 7, "answers": ["a", "b"], "docId": 3, "question_types": ["form"]},"#
        + #" {"questionId": "8", "answers": ["c"]}]}"#)
    XCTAssertEqual(
      try readANLSGold(gold),
      [
        ANLSQuestion(
          questionID: "7", answers: ["a", "b"], documentID: "3", questionTypes: ["form"]),
        ANLSQuestion(questionID: "8", answers: ["c"], documentID: nil, questionTypes: []),
      ])
    let submission = try files.write(
      "sub.json", #"[{"questionId": 8, "answer": "c"}, {"questionId": 7, "answer": ""}]"#)
    XCTAssertEqual(try readANLSSubmission(submission), ["8": "c", "7": ""])

    let noAnswers = try files.write("g2.json", #"{"data": [{"questionId": 1, "answers": []}]}"#)
    XCTAssertEqual(
      error { _ = try readANLSGold(noAnswers) },
      "\(noAnswers): data[0] (questionId 1): expected \"answers\", a non-empty list of strings")
    let noData = try files.write("g3.json", #"{"questions": []}"#)
    XCTAssertEqual(
      error { _ = try readANLSGold(noData) }, "\(noData): expected a \"data\" list of questions")
    let listAnswer = try files.write("s2.json", #"[{"questionId": 1, "answer": ["a"]}]"#)
    XCTAssertEqual(
      error { _ = try readANLSSubmission(listAnswer) },
      "\(listAnswer): entry 0 (questionId 1): expected \"answer\", a single string, found a list")
    let repeated = try files.write(
      "s3.json", #"[{"questionId": 1, "answer": "a"}, {"questionId": 1, "answer": "b"}]"#)
    XCTAssertEqual(
      error { _ = try readANLSSubmission(repeated) },
      "\(repeated): entry 1 (questionId 1): repeated questionId")
    let badID = try files.write("s4.json", #"[{"questionId": 1.5, "answer": "a"}]"#)
    XCTAssertEqual(
      error { _ = try readANLSSubmission(badID) },
      "\(badID): entry 0: expected an integer \"questionId\", found a number")
  }

  func testItemTags() throws {
    let files = try TemporaryFiles()
    let tags = try files.write("t.json", #"["a", ["b", "c"], []]"#)
    XCTAssertEqual(try readItemTags(tags, count: 3), [["a"], ["b", "c"], []])
    XCTAssertEqual(
      error { _ = try readItemTags(tags, count: 2) }, "\(tags): 3 entries, but there are 2 items")
    let bad = try files.write("u.json", #"["a", 1]"#)
    XCTAssertEqual(
      error { _ = try readItemTags(bad, count: 2) },
      "\(bad): entry 1: expected a tag or a list of tags, found a number")
  }

  func testMalformedJSONNamesTheSourceLineAndColumn() {
    XCTAssertThrowsError(try parseJSON(Data("[1, 2".utf8), source: "pred.json")) { error in
      XCTAssertEqual(
        "\(error)",
        "pred.json: not valid JSON (line 1, column 6: expected ',' or ']' after an array element,"
          + " found the end of the input)")
    }
    XCTAssertThrowsError(try readJSONFile("/nonexistent/layoutlab.json")) {
      XCTAssertEqual("\($0)", "/nonexistent/layoutlab.json: cannot read the file")
    }
  }

  func testANLSVectorsSubmissionScoresAsExpected() throws {
    let folder = try TestPaths.shared("data/anls-vectors/test_fixtures/evaluation/evaluate_json")
    let gold = try readANLSGold(folder.appendingPathComponent("gold_label.json").path)
    let submission = try readANLSSubmission(folder.appendingPathComponent("submission.json").path)
    let predictions = gold.map { submission[$0.questionID] ?? "" }
    let result = try anls(predictions: predictions, answers: gold.map(\.answers))
    XCTAssertEqual(result.value, (1 + 8.0 / 9.0) / 5, accuracy: 1e-15)  // 0.377777…
    XCTAssertEqual(result.value, 0.37777777777777777, accuracy: 1e-15)
    XCTAssertEqual(result.perQuestion[0], 0)
    XCTAssertEqual(result.perQuestion[1], 1 - 1.0 / 9.0, accuracy: 1e-15)
    XCTAssertEqual(Array(result.perQuestion[2...]), [1, 0, 0])
  }
}
