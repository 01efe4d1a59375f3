// LayoutLab — `layoutlab pretrain` end to end on a tiny corpus: the files it writes, the recipe
// it records, and the settings it refuses.

import ExperimentWorkflow
import Experiments
import Foundation
import SyntheticData
import Training
import XCTest

final class PretrainWorkflowTests: XCTestCase {
  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("ll-pretrain-\(UUID())")
    _ = try generateSyntheticDataset(
      kind: .corpus, docs: 12, seed: 4, outputDirectory: root.appendingPathComponent("corpus"))
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  func request(_ settings: [String]) -> PretrainRequest {
    var request = PretrainRequest(
      corpora: [root.appendingPathComponent("corpus")], output: root.appendingPathComponent("out"))
    request.preset = "tiny"
    request.steps = 3
    request.settings =
      ["batchSize=2", "sequenceLength=64", "heldOutEvery=4", "vocabularySize=300"] + settings
    return request
  }

  func testWritesTheCheckpointEvaluationAndTheRecipe() throws {
    let summary = try runPretraining(
      request(["tiaPositiveWeight=5", "negativePageTIA=ignored", "maskedRegionFill=255", "grid=3"]))
    XCTAssertTrue(summary.contains("TIA ROC AUC on matched pages"), summary)
    let out = root.appendingPathComponent("out")
    for file in [
      "config.json", "model.safetensors", "vocab.txt", "metrics.jsonl", "evaluation.json",
      "pretraining.json", "loss-curves.svg",
    ] {
      XCTAssertTrue(
        FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), file)
    }
    let recipe = try JSONDecoder().decode(
      PretrainingRecipe.self, from: Data(contentsOf: out.appendingPathComponent("pretraining.json"))
    )
    XCTAssertEqual(recipe.tasks.tiaPositiveWeight, 5)
    XCTAssertEqual(recipe.tasks.negativePageTIA, .ignored)
    XCTAssertEqual(recipe.tasks.maskedRegionFill, 255)
    XCTAssertEqual(recipe.run.steps, 3)
    XCTAssertTrue(recipe.settings.contains("grid=3"))
    let config = try String(contentsOf: out.appendingPathComponent("config.json"), encoding: .utf8)
    XCTAssertTrue(
      config.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: "")
        .contains("\"image_feature_pool_shape\":[3,3,"), config)
    let evaluation = try JSONDecoder().decode(
      PretrainingEvaluation.self,
      from: Data(contentsOf: out.appendingPathComponent("evaluation.json")))
    XCTAssertEqual(evaluation.pages, 3)
    XCTAssertNotNil(evaluation.mvlmAccuracy)
    XCTAssertNotNil(evaluation.timAccuracy)
  }

  func testRefusesUnknownAndOutOfRangeSettingsBeforeTraining() {
    for (setting, field) in [
      ("tiaPositiveWeigth=5", "tiaPositiveWeigth"), ("grid=15", "grid"),
      ("negativePageTIA=sometimes", "negativePageTIA"),
      ("tiaPositiveWeight=0", "tiaPositiveWeight"), ("hiddenSize=abc", "hiddenSize"),
      ("layers=0", "layers"),
    ] {
      XCTAssertThrowsError(try runPretraining(request([setting])), setting) { error in
        XCTAssertTrue("\(error)".contains(field), "\(setting): \(error)")
      }
      XCTAssertFalse(
        FileManager.default.fileExists(
          atPath: root.appendingPathComponent("out/model.safetensors").path))
    }
  }
}
