// LayoutLab — v1's word-region image features: region weights, gradients, loading, training.

import Foundation
import TensorCore
import XCTest
import _TestSupport

@testable import LayoutModels

final class WordImageFeaturesTests: XCTestCase {
  func config() -> LayoutLMConfiguration {
    var config = TinyModels.configuration(v2: false)
    config.wordImageFeatures = true
    config.visualChannels = 8
    config.resnet.width = 4
    return config
  }

  func testRegionWeightsShareEachBoxByAreaAndCLSTakesThePage() {
    // Row 0: [CLS], a box on cell (0, 1) of a 2 × 4 map, a box over half of cells 2 and 3 of
    // row 1, a zero box (a question token), padding.
    let inputs = ModelInputs(
      batchSize: 1, sequenceLength: 5, inputIds: [1, 5, 6, 7, 0],
      bbox: [0, 0, 0, 0] + [250, 0, 500, 500] + [625, 500, 875, 1000] + [0, 0, 0, 0] + [
        0, 0, 0, 0,
      ],
      attentionMask: [1, 1, 1, 1, 0])
    let weights = WordImageFeatures.regionWeights(inputs, height: 2, width: 4).array
    func row(_ t: Int) -> [Float] { Array(weights[(t * 8)..<((t + 1) * 8)]) }
    XCTAssertEqual(row(0), [Float](repeating: 0.125, count: 8))
    XCTAssertEqual(row(1), [0, 1, 0, 0, 0, 0, 0, 0])
    XCTAssertEqual(row(2), [0, 0, 0, 0, 0, 0, 0.5, 0.5])
    XCTAssertEqual(row(3), [Float](repeating: 0, count: 8))
    XCTAssertEqual(row(4), [Float](repeating: 0, count: 8))
  }

  /// The projection and the region averaging (a matmul with constant weights) against finite
  /// differences; the CNN's own ops have theirs in TensorCore (its ReLU and max-pool kinks make
  /// a whole-CNN finite difference unreliable), and the last test shows its gradient arrives.
  func testGradientsOfTheProjectionAndTheRegionAveragesMatchFiniteDifferences() throws {
    let config = config()
    let features = WordImageFeatures(config, seed: 3)
    let inputs = TinyModels.inputs(batch: 2, length: 6, config: config, seed: 4)
    let context = ForwardContext(training: false)
    let bias = try XCTUnwrap(features.projection.bias)
    assertGradientsMatchFiniteDifferences([features.projection.weight, bias]) { _ in
      features(inputs, context: context)
    }
    let image = try XCTUnwrap(inputs.image)
    let map = features.backbone.featureMap(image).detached()
    map.requiresGrad = true
    let (c, h, w) = (map.shape[1], map.shape[2], map.shape[3])
    let weights = WordImageFeatures.regionWeights(inputs, height: h, width: w)
    assertGradientsMatchFiniteDifferences([map]) { leaves in
      weights.matmul(leaves[0].reshaped([2, c, h * w]), transposeOther: true)
    }
  }

  func testAV1ModelGetsTheFeaturesFreshOnTopOfACheckpointAndTheCNNLearns() throws {
    var plainConfig = config()
    plainConfig.wordImageFeatures = false
    let plain = LayoutLMForTask(plainConfig, task: .questionAnswering, seed: 5)
    let model = LayoutLMForTask(config(), task: .questionAnswering, seed: 5)
    let added = Set(model.namedParameters().map(\.0)).subtracting(
      plain.namedParameters().map(\.0))
    XCTAssertTrue(added.contains("word_image.proj.weight"), "\(added.sorted())")
    XCTAssertTrue(added.contains("word_image.backbone.stem.weight"), "\(added.sorted())")
    XCTAssertTrue(added.allSatisfy { $0.hasPrefix("word_image.") }, "\(added.sorted())")
    // A checkpoint without them (a pre-trained v1) loads; they keep their fresh values.
    let tensors = Dictionary(uniqueKeysWithValues: plain.namedParameters())
    let report = try model.load(tensors, source: "plain")
    XCTAssertEqual(Set(report.freshHead.filter { $0.hasPrefix("word_image.") }), added)
    // Without an image the inputs are refused, naming the field.
    var inputs = TinyModels.inputs(batch: 2, length: 6, config: model.config, seed: 6)
    XCTAssertNotNil(inputs.image)
    try inputs.validate(for: model.config)
    inputs.image = nil
    XCTAssertThrowsError(try inputs.validate(for: model.config)) {
      XCTAssertTrue("\($0)".contains("image"), "\($0)")
    }
    // The CNN gets gradients through the QA loss.
    inputs = TinyModels.inputs(batch: 2, length: 6, config: model.config, seed: 6)
    var labels = TaskLabels()
    labels.startPositions = [2, 3]
    labels.endPositions = [2, 4]
    let loss = try XCTUnwrap(
      model(inputs, labels: labels, context: ForwardContext(training: false)).loss)
    loss.backward()
    let stem = try XCTUnwrap(
      model.namedParameters().first { $0.0 == "word_image.backbone.stem.weight" }?.1)
    XCTAssertGreaterThan(stem.grad?.array.map(abs).max() ?? 0, 0)
  }
}
