// LayoutLab — every head overfits a 4-document batch: the loss falls near zero in seconds.

import Foundation
import LayoutModels
import TensorCore
import Training
import XCTest
import _TestSupport

final class HeadsTests: XCTestCase {
  /// Trains `model` on one fixed batch with AdamW and returns (first loss, last loss).
  func overfit(
    _ model: LayoutLMForTask, _ inputs: ModelInputs, _ labels: TaskLabels, steps: Int = 80,
    learningRate: Float = 3e-3
  ) -> (Float, Float) {
    let optimizer = AdamW(
      parameters: model.namedParameters(),
      options: AdamWOptions(learningRate: learningRate, weightDecay: 0))
    let context = ForwardContext(training: false)
    var first: Float = .nan
    var last: Float = .nan
    for step in 0..<steps {
      optimizer.zeroGradients()
      guard let loss = model(inputs, labels: labels, context: context).loss else {
        XCTFail("no loss")
        return (first, last)
      }
      if step == 0 { first = loss.scalar }
      last = loss.scalar
      loss.backward()
      optimizer.update()
    }
    return (first, last)
  }

  func testTokenClassificationOverfits() throws {
    for v2 in [false, true] {
      let config = TinyModels.configuration(v2: v2)
      let model = LayoutLMForTask(config, task: .tokenClassification, seed: 1)
      let inputs = TinyModels.inputs(batch: 4, length: 12, config: config, seed: 2)
      try inputs.validate(for: config)
      var labels = TaskLabels()
      labels.tokenLabels = (0..<48).map { $0 % 12 == 0 || $0 >= 46 ? -100 : ($0 * 7) % 5 }
      let (first, last) = overfit(model, inputs, labels)
      XCTAssertGreaterThan(first, 1.0, "v2=\(v2)")
      XCTAssertLessThan(last, 0.05, "v2=\(v2): loss \(first) → \(last)")
    }
  }

  func testResNetBackboneTrains() {
    var config = TinyModels.configuration(v2: true)
    config.visualBackbone = .resnet
    config.visualChannels = 16
    config.resnet.width = 8
    let model = LayoutLMForTask(config, task: .sequenceClassification, seed: 21)
    let inputs = TinyModels.inputs(batch: 4, length: 6, config: config, seed: 22)
    XCTAssertTrue(
      model.namedParameters().contains { $0.0 == "layoutlmv2.visual.backbone.stem.weight" })
    var labels = TaskLabels()
    labels.sequenceLabels = [0, 1, 2, 3]
    let (first, last) = overfit(model, inputs, labels)
    XCTAssertLessThan(last, 0.05, "loss \(first) → \(last)")
    // The CNN receives gradients.
    model(inputs, labels: labels, context: ForwardContext(training: false)).loss?.backward()
    let stem = model.namedParameters().first { $0.0 == "layoutlmv2.visual.backbone.stem.weight" }?.1
    XCTAssertGreaterThan(stem?.grad?.array.map(abs).max() ?? 0, 0)
  }

  func testSequenceClassificationOverfits() {
    for v2 in [false, true] {
      let config = TinyModels.configuration(v2: v2, labels: 4)
      let model = LayoutLMForTask(config, task: .sequenceClassification, seed: 3)
      let inputs = TinyModels.inputs(batch: 4, length: 10, config: config, seed: 4)
      var labels = TaskLabels()
      labels.sequenceLabels = [0, 3, 1, 2]
      let (first, last) = overfit(model, inputs, labels)
      XCTAssertLessThan(last, 0.05, "v2=\(v2): loss \(first) → \(last)")
    }
  }

  func testGridVisualSequenceHeadReadsEveryVisualToken() throws {
    var config = TinyModels.configuration(v2: true, labels: 4)
    config.sequenceHead = .gridVisual
    let model = LayoutLMForTask(config, task: .sequenceClassification, seed: 3)
    let weight = try XCTUnwrap(
      model.namedParameters().first { $0.0 == "classifier.weight" }?.1)
    // [CLS] plus the 2×2 grid's four visual tokens, each of width 32.
    XCTAssertEqual(weight.shape, [4, (1 + 4) * 32])
    let inputs = TinyModels.inputs(batch: 4, length: 10, config: config, seed: 4)
    var labels = TaskLabels()
    labels.sequenceLabels = [0, 3, 1, 2]
    let (first, last) = overfit(model, inputs, labels)
    XCTAssertLessThan(last, 0.05, "loss \(first) → \(last)")
    // The switch survives config.json.
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ll-head-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    try model.save(to: directory)
    let (loaded, _) = try LayoutLMForTask.load(directory: directory)
    XCTAssertEqual(loaded.config.sequenceHead, .gridVisual)
  }

  func testQuestionAnsweringOverfits() {
    let config = TinyModels.configuration(v2: true, labels: 2)
    let model = LayoutLMForTask(config, task: .questionAnswering, seed: 5)
    let inputs = TinyModels.inputs(batch: 4, length: 12, config: config, seed: 6)
    var labels = TaskLabels()
    labels.startPositions = [3, 5, 7, 4]
    labels.endPositions = [4, 5, 9, 6]
    let (first, last) = overfit(model, inputs, labels)
    XCTAssertLessThan(last, 0.05, "loss \(first) → \(last)")
  }

  func testMaskedLMOverfits() {
    let config = TinyModels.configuration(v2: false)
    let model = LayoutLMForTask(config, task: .maskedLM, seed: 7)
    var inputs = TinyModels.inputs(batch: 4, length: 12, config: config, seed: 8)
    var labels = TaskLabels()
    labels.mlmLabels = (0..<48).map { i in i % 4 == 2 ? Int(inputs.inputIds[i]) : -100 }
    for i in 0..<48 where i % 4 == 2 { inputs.inputIds[i] = 3 }
    let (first, last) = overfit(model, inputs, labels, steps: 120)
    XCTAssertLessThan(last, 0.05, "loss \(first) → \(last)")
  }

  func testPretrainingHeadsOverfit() {
    let config = TinyModels.configuration(v2: true)
    let model = LayoutLMForTask(config, task: .pretraining, seed: 9)
    let inputs = TinyModels.inputs(batch: 4, length: 12, config: config, seed: 10)
    var labels = TaskLabels()
    labels.mlmLabels = (0..<48).map { i in i % 5 == 1 ? Int(inputs.inputIds[i]) : -100 }
    labels.tiaLabels = (0..<48).map { i in i % 5 == 1 ? -100 : (i / 3) % 2 }
    labels.timLabels = [1, 0, 1, 0]
    let (first, last) = overfit(model, inputs, labels, steps: 120)
    XCTAssertLessThan(last, 0.1, "loss \(first) → \(last)")
    let output = model(inputs, labels: labels, context: ForwardContext(training: false))
    XCTAssertEqual(Set(output.taskLosses.keys), ["mvlm", "tia", "tim"])
  }

  func testTIAPositiveWeightGivesTheWeightedMeanLoss() throws {
    let config = TinyModels.configuration(v2: true)
    let model = LayoutLMForTask(config, task: .pretraining, seed: 9)
    let inputs = TinyModels.inputs(batch: 2, length: 10, config: config, seed: 4)
    var labels = TaskLabels()
    labels.tiaLabels = (0..<20).map { i in i % 7 == 0 ? -100 : (i % 3 == 0 ? 1 : 0) }
    labels.taskWeights.tiaPositive = 3
    let output = model(inputs, labels: labels, context: ForwardContext(training: false))
    let logits = try XCTUnwrap(output.tiaLogits)
    var total = 0.0
    var weights = 0.0
    for (i, target) in labels.tiaLabels!.enumerated() where target != -100 {
      let x = Double(logits.pointer[i])
      let weight = target == 1 ? 3.0 : 1.0
      let loss = target == 1 ? log1p(exp(-x)) : log1p(exp(x))
      total += weight * loss
      weights += weight
    }
    let tia = try XCTUnwrap(output.taskLosses["tia"]).scalar
    XCTAssertEqual(Double(tia), total / weights, accuracy: 1e-5)
    labels.taskWeights.tiaPositive = 1
    let plain = model(inputs, labels: labels, context: ForwardContext(training: false))
    XCTAssertNotEqual(plain.taskLosses["tia"]!.scalar, tia, accuracy: 1e-6)
  }

  func testV2SequenceLengthIncludesVisualTokens() {
    let config = TinyModels.configuration(v2: true)
    let model = LayoutLMForTask(config, task: .tokenClassification, seed: 11)
    let inputs = TinyModels.inputs(batch: 2, length: 7, config: config, seed: 12)
    let output = model(inputs, context: ForwardContext(training: false))
    XCTAssertEqual(output.encoder.sequence.shape, [2, 7 + 4, 32])
    XCTAssertEqual(output.logits?.shape, [2, 7, 5])
  }

  func testInvalidBoxesAreRejectedWithTheirPosition() {
    let config = TinyModels.configuration(v2: false)
    var inputs = TinyModels.inputs(batch: 1, length: 4, config: config, seed: 13)
    inputs.bbox[6] = 2000
    XCTAssertThrowsError(try inputs.validate(for: config)) { error in
      XCTAssertTrue("\(error)".contains("bbox[0][1]"), "\(error)")
    }
  }
}
