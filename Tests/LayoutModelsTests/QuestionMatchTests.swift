// LayoutLab — the question-match embedding: which page tokens are flagged, and that it learns.

import LayoutModels
import TensorCore
import XCTest
import _TestSupport

@testable import LayoutModels

final class QuestionMatchTests: XCTestCase {
  /// Row 0: `[CLS] 7 9 [SEP] | 9 4 7 [SEP] pad`; row 1: one segment only (no question).
  func inputs() -> ModelInputs {
    ModelInputs(
      batchSize: 2, sequenceLength: 9,
      inputIds: [2, 7, 9, 3, 9, 4, 7, 3, 0] + [2, 7, 9, 3, 9, 4, 7, 3, 0],
      bbox: [Int32](repeating: 0, count: 2 * 9 * 4),
      attentionMask: [1, 1, 1, 1, 1, 1, 1, 1, 0] + [1, 1, 1, 1, 1, 1, 1, 1, 0],
      tokenTypeIds: [0, 0, 0, 0, 1, 1, 1, 1, 0] + [Int32](repeating: 0, count: 9))
  }

  func testFlagsThePageTokensTheQuestionHas() {
    XCTAssertEqual(
      inputs().questionMatchFlags,
      [0, 0, 0, 0, 1, 0, 1, 0, 0] + [Int32](repeating: 0, count: 9),
      "question words 7 and 9 are flagged on the page; separators, padding and rows without a page are not"
    )
  }

  func testTheSwitchAddsOneTableOfItsOwnStreamAndItLearns() throws {
    var config = TinyModels.configuration(v2: false)
    let plain = LayoutLMForTask(config, task: .questionAnswering, seed: 4)
    config.questionMatch = true
    let model = LayoutLMForTask(config, task: .questionAnswering, seed: 4)
    let names = model.namedParameters().map(\.0)
    XCTAssertEqual(
      Set(names).subtracting(plain.namedParameters().map(\.0)),
      ["layoutlm.embeddings.question_match_embeddings.weight"])
    // Every other parameter starts as it does with the switch off.
    let before = Dictionary(
      uniqueKeysWithValues: plain.namedParameters().map { ($0.0, $0.1.array) })
    var changed: [String] = []
    for (name, parameter) in model.namedParameters() {
      if let old = before[name], old != parameter.array { changed.append(name) }
    }
    XCTAssertEqual(changed, [], "parameters that start differently with the switch on")
    // The table gets a gradient on the matched row only where a token matched.
    var labels = TaskLabels()
    labels.startPositions = [4, 0]
    labels.endPositions = [6, 0]
    let loss = try XCTUnwrap(
      model(inputs(), labels: labels, context: ForwardContext(training: false)).loss)
    loss.backward()
    let table = try XCTUnwrap(
      model.namedParameters().first { $0.0.hasSuffix("question_match_embeddings.weight") }?.1)
    let gradient = try XCTUnwrap(table.grad).array
    XCTAssertEqual(gradient.count, 2 * config.hiddenSize)
    XCTAssertTrue(gradient[config.hiddenSize...].contains { $0 != 0 }, "matched row")
    XCTAssertTrue(gradient[..<config.hiddenSize].contains { $0 != 0 }, "unmatched row")
  }
}
