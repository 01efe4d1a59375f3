// LayoutLab — rows that share a page image: one backbone pass, the same outputs and gradients.

import LayoutModels
import TensorCore
import XCTest
import _TestSupport

final class SharedPageImagesTests: XCTestCase {
  func testSharedRowsGiveTheOutputsAndGradientsOfRepeatedImages() throws {
    var config = TinyModels.configuration(v2: true)
    config.visualBackbone = .resnet
    config.visualChannels = 16
    config.resnet.width = 8
    var repeated = TinyModels.inputs(batch: 4, length: 6, config: config, seed: 5)
    let image = try XCTUnwrap(repeated.image)
    let plane = 3 * 32 * 32
    // Rows 0 and 2 show page 0, rows 1 and 3 page 1.
    let pages = Array(image.array[0..<(2 * plane)])
    repeated.image = Tensor(pages + pages, shape: [4, 3, 32, 32])
    var shared = repeated
    shared.image = Tensor(pages, shape: [2, 3, 32, 32])
    shared.imageRows = [0, 1, 0, 1]
    try shared.validate(for: config)

    var labels = TaskLabels()
    labels.sequenceLabels = [0, 1, 2, 3]
    func run(_ inputs: ModelInputs) throws -> (Float, [Float], [String: [Float]]) {
      let model = LayoutLMForTask(config, task: .sequenceClassification, seed: 7)
      let output = model(inputs, labels: labels, context: ForwardContext(training: false))
      let loss = try XCTUnwrap(output.loss)
      loss.backward()
      let gradients = Dictionary(
        uniqueKeysWithValues: model.namedParameters().map { ($0.0, $0.1.grad?.array ?? []) })
      return (loss.scalar, try XCTUnwrap(output.logits).array, gradients)
    }
    let (lossA, logitsA, gradientsA) = try run(repeated)
    let (lossB, logitsB, gradientsB) = try run(shared)
    XCTAssertEqual(lossA, lossB, accuracy: 1e-6)
    for (a, b) in zip(logitsA, logitsB) { XCTAssertEqual(a, b, accuracy: 1e-6) }
    let stem = "layoutlmv2.visual.backbone.stem.weight"
    XCTAssertGreaterThan(gradientsB[stem]?.map(abs).max() ?? 0, 0, "the CNN gets gradients")
    for (name, a) in gradientsA {
      let b = try XCTUnwrap(gradientsB[name])
      XCTAssertEqual(a.count, b.count, name)
      let scale = max(a.map(abs).max() ?? 0, 1e-6)
      let worst = zip(a, b).map { abs($0 - $1) }.max() ?? 0
      XCTAssertLessThan(worst / scale, 1e-4, name)
    }
  }

  func testImageRowsAreValidated() {
    let config = TinyModels.configuration(v2: true)
    var inputs = TinyModels.inputs(batch: 3, length: 4, config: config, seed: 1)
    inputs.imageRows = [0, 1, 3]
    XCTAssertThrowsError(try inputs.validate(for: config)) {
      XCTAssertTrue("\($0)".contains("image_rows"), "\($0)")
    }
    inputs.imageRows = [0, 1]
    XCTAssertThrowsError(try inputs.validate(for: config)) {
      XCTAssertTrue("\($0)".contains("image_rows"), "\($0)")
    }
  }
}
