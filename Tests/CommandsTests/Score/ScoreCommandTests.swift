// LayoutLab — the `score` command functions end to end on small files and the shared vectors.

import Commands
import Evaluation
import Foundation
import XCTest
import _TestSupport

final class ScoreCommandTests: XCTestCase {
  private func jsonObject(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try XCTUnwrap(object as? [String: Any])
  }

  func testSeqevalParityThroughFiles() throws {
    let seqeval = try SeqevalFixture.load()
    let files = try TemporaryFiles()
    let encoder = JSONEncoder()
    let gold = try files.write(
      "gold.json", String(decoding: try encoder.encode(seqeval.y_true), as: UTF8.self))
    let predicted = try files.write(
      "pred.json", String(decoding: try encoder.encode(seqeval.y_pred), as: UTF8.self))
    let options = ScoreCommandOptions(goldPath: gold, predictedPath: predicted, json: true)
    let lenient = try jsonObject(try runSeqevalScore(options, mode: .conlleval))
    XCTAssertEqual(lenient["f1"] as? Double ?? 0, seqeval.default.f1, accuracy: 1e-12)
    XCTAssertEqual(lenient["mode"] as? String, "default")
    let perType = try XCTUnwrap(lenient["per_type"] as? [String: [String: Any]])
    XCTAssertEqual(
      perType["HEADER"]?["f1"] as? Double ?? 0, seqeval.default.per_type["HEADER"]?.f1 ?? 1,
      accuracy: 1e-12)
    let interval = try XCTUnwrap(lenient["f1_interval"] as? [String: Any])
    XCTAssertLessThan(interval["lower"] as? Double ?? 1, seqeval.default.f1)
    XCTAssertGreaterThan(interval["upper"] as? Double ?? 0, seqeval.default.f1)
    let strict = try jsonObject(try runSeqevalScore(options, mode: .strict(.iob2)))
    XCTAssertEqual(
      strict["f1"] as? Double ?? 0, seqeval.strict_iob2.f1, accuracy: 1e-12)

    var textOptions = options
    textOptions.json = false
    let text = try runSeqevalScore(textOptions, mode: .conlleval)
    XCTAssertTrue(text.contains("HEADER           0.5116  0.7333  0.6027       60"), text)
    XCTAssertTrue(text.contains("overall F1 0.5324, 95% bootstrap CI ["), text)
    XCTAssertEqual(text, try runSeqevalScore(textOptions, mode: .conlleval))  // deterministic
  }

  func testSeqevalBreakdownAndErrorsNameTheFile() throws {
    let files = try TemporaryFiles()
    let gold = try files.write("g.json", #"[["B-A", "I-A"], ["B-B"], ["O"]]"#)
    let predicted = try files.write("p.json", #"[["B-A", "I-A"], ["O"], ["O"]]"#)
    let tags = try files.write("t.json", #"["letter", "form", "form"]"#)
    let output = try runSeqevalScore(
      ScoreCommandOptions(goldPath: gold, predictedPath: predicted, tagsPath: tags),
      mode: .conlleval)
    XCTAssertTrue(output.contains("F1 by tag:"), output)
    XCTAssertTrue(output.contains("letter"), output)
    let short = try files.write("s.json", #"[["B-A", "I-A"], ["O"]]"#)
    XCTAssertThrowsError(
      try runSeqevalScore(
        ScoreCommandOptions(goldPath: gold, predictedPath: short), mode: .conlleval)
    ) { XCTAssertEqual("\($0)", "\(short): 2 sequences, but gold has 3") }
  }

  func testANLSVectorsThroughTheCommand() throws {
    let folder = try TestPaths.shared("data/anls-vectors/test_fixtures/evaluation/evaluate_json")
    let options = ScoreCommandOptions(
      goldPath: folder.appendingPathComponent("gold_label.json").path,
      predictedPath: folder.appendingPathComponent("submission.json").path, json: true)
    let result = try jsonObject(try runANLSScore(options))
    XCTAssertEqual(result["anls"] as? Double ?? 0, 0.37777777777777777, accuracy: 1e-15)
    XCTAssertEqual(result["questions"] as? Int, 5)
    var text = options
    text.json = false
    XCTAssertTrue(
      try runANLSScore(text).hasPrefix(
        "ANLS (official RRC scorer, τ = 0.5): 0.377778 over 5 questions"))
  }

  func testANLSSubmissionMustCoverTheQuestions() throws {
    let files = try TemporaryFiles()
    let gold = try files.write(
      "g.json",
      #"{"data": [{"questionId": 1, "answers": ["x"], "docId": 9, "question_types": ["form"]},"#
        + #" {"questionId": 2, "answers": ["y"], "docId": 9, "question_types": ["table"]}]}"#)
    let missing = try files.write("m.json", #"[{"questionId": 1, "answer": "x"}]"#)
    XCTAssertThrowsError(
      try runANLSScore(ScoreCommandOptions(goldPath: gold, predictedPath: missing))
    ) {
      XCTAssertEqual("\($0)", "\(missing): questionId 2: no answer for this question of \(gold)")
    }
    let extra = try files.write(
      "e.json",
      #"[{"questionId": 1, "answer": "x"}, {"questionId": 2, "answer": "y"}, {"questionId": 3, "answer": "z"}]"#
    )
    XCTAssertThrowsError(
      try runANLSScore(ScoreCommandOptions(goldPath: gold, predictedPath: extra))
    ) {
      XCTAssertEqual("\($0)", "\(extra): questionId 3: not a question of \(gold)")
    }
    let good = try files.write(
      "p.json", #"[{"questionId": 2, "answer": "Y "}, {"questionId": 1, "answer": "zz"}]"#)
    let output = try runANLSScore(ScoreCommandOptions(goldPath: gold, predictedPath: good))
    XCTAssertTrue(output.contains("0.500000 over 2 questions"), output)
    XCTAssertTrue(output.contains("over 1 documents"), output)
    XCTAssertTrue(output.contains("ANLS by tag:"), output)
  }

  func testAccuracyCommand() throws {
    let files = try TemporaryFiles()
    let gold = try files.write("g.json", "[0, 1, 2, 10, 2]")
    let predicted = try files.write("p.json", "[0, 1, 1, 10, 2]")
    let result = try jsonObject(
      try runAccuracyScore(
        ScoreCommandOptions(goldPath: gold, predictedPath: predicted, json: true)))
    XCTAssertEqual(result["accuracy"] as? Double, 0.8)
    XCTAssertEqual(result["labels"] as? [String], ["0", "1", "2", "10"])
    XCTAssertEqual(
      result["confusion"] as? [[Int]], [[1, 0, 0, 0], [0, 1, 0, 0], [0, 1, 1, 0], [0, 0, 0, 1]])
    let text = try runAccuracyScore(ScoreCommandOptions(goldPath: gold, predictedPath: predicted))
    XCTAssertTrue(text.hasPrefix("accuracy 0.8000 (4 of 5)"), text)
    XCTAssertTrue(text.contains("confusion matrix"), text)
    let nestedGold = try files.write("ng.json", #"[["a", "b"], ["a"]]"#)
    let nestedShort = try files.write("np.json", #"[["a", "b"], []]"#)
    XCTAssertThrowsError(
      try runAccuracyScore(ScoreCommandOptions(goldPath: nestedGold, predictedPath: nestedShort))
    ) { XCTAssertEqual("\($0)", "\(nestedShort): entry 1: 0 labels, but \(nestedGold) has 1") }
  }
}
