// LayoutLab — `layoutlab pretrain` end to end on a tiny corpus: the files it writes, the recipe
// it records, and the settings it refuses.

import Experiments
import Foundation
import JSONValues
import LayoutModels
import SyntheticData
import Training
import XCTest

final class PretrainRunTests: XCTestCase {
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
    request.overrides =
      [
        "model.preset=tiny", "pretraining.steps=3", "batchSize=2", "sequenceLength=64",
        "heldOutEvery=4", "vocabularySize=300",
      ] + settings
    return request
  }

  func testWritesTheCheckpointEvaluationAndTheRecipe() throws {
    let summary = try runPretraining(
      request([
        "tiaPositiveWeight=5", "negativePageTIA=ignored", "maskedRegionFill=255",
        "model.grid=[3,2]",
      ]))
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
    XCTAssertEqual(recipe.settings.tasks.tiaPositiveWeight, 5)
    XCTAssertEqual(recipe.settings.tasks.negativePageTIA, .ignored)
    XCTAssertEqual(recipe.settings.tasks.maskedRegionFill, 255)
    XCTAssertEqual(recipe.settings.run.steps, 3)
    XCTAssertEqual(recipe.settings.model.grid, VisualGrid(height: 3, width: 2))
    XCTAssertEqual(recipe.modelConfiguration.grid, VisualGrid(height: 3, width: 2))
    XCTAssertTrue(recipe.overrides.contains("model.grid=[3,2]"))
    let config = try String(contentsOf: out.appendingPathComponent("config.json"), encoding: .utf8)
    XCTAssertTrue(
      config.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: "")
        .contains("\"image_feature_pool_shape\":[3,2,"), config)
    let evaluation = try JSONDecoder().decode(
      PretrainingEvaluation.self,
      from: Data(contentsOf: out.appendingPathComponent("evaluation.json")))
    XCTAssertEqual(evaluation.pages, 3)
    XCTAssertNotNil(evaluation.mvlmAccuracy)
    XCTAssertNotNil(evaluation.timAccuracy)
  }

  func testRefusesUnknownAndOutOfRangeSettingsBeforeTraining() {
    for (setting, field) in [
      ("tiaPositiveWeigth=5", "pretraining.tiaPositiveWeigth"),
      ("grid=4", "did you mean 'model.grid'"), ("model.grid=[15,15]", "model.grid"),
      ("negativePageTIA=sometimes", "pretraining.negativePageTIA"),
      ("tiaPositiveWeight=0", "pretraining.tiaPositiveWeight"),
      ("model.hiddenSize=abc", "model.hiddenSize"), ("model.layers=0", "model.layers"),
    ] {
      XCTAssertThrowsError(try runPretraining(request([setting])), setting) { error in
        XCTAssertTrue("\(error)".contains(field), "\(setting): \(error)")
      }
      XCTAssertFalse(
        FileManager.default.fileExists(
          atPath: root.appendingPathComponent("out/model.safetensors").path))
    }
  }

  func testV1PretrainsMVLMAloneAndRefusesImageTasks() {
    XCTAssertThrowsError(try runPretraining(request(["model.version=v1", "tia=true"]))) { error in
      XCTAssertTrue("\(error)".contains("pretraining.tia"), "\(error)")
    }
  }

  func testPretrainAndSpecGridSettingsBuildTheSameModel() throws {
    for grid in ["[4,4]", "[4,3]"] {
      let pretraining = try PretrainSettings.load(
        contentsOf: nil,
        overrides: ["model.grid=\(grid)", "model.hiddenSize=128", "model.layers=2"])
      let spec = try ExperimentSpec.parse(
        try JSONValue.parseJSON5(
          Data(
            "{ name: 'g', base: { model: { grid: \(grid), hiddenSize: 128, layers: 2 } } }".utf8)),
        file: "g.json5")
      let fromSpec = try spec.configuration(of: "default").model.configuration(
        vocabularySize: 500, labels: 2)
      let fromPretrain = try pretraining.modelConfiguration(vocabularySize: 500)
      XCTAssertEqual(fromPretrain, fromSpec, grid)
      XCTAssertEqual(fromPretrain.grid.width, grid == "[4,3]" ? 3 : 4)
    }
  }
}
