// LayoutLab — parity with HuggingFace transformers: outputs, every gradient, one AdamW step.

import Foundation
import LayoutModels
import TensorCore
import Training
import XCTest
import _TestSupport

/// One fixture folder: a tiny HF model, its inputs and its reference outputs.
struct ParityCase {
  let name: String
  let model: LayoutLMForTask
  let inputs: ModelInputs
  let labels: TaskLabels
  let reference: SafeTensorsFile

  init(_ name: String) throws {
    self.name = name
    let folder = TestPaths.fixture("LayoutModelsTests/Fixtures/hf-parity/\(name)")
    model = try LayoutLMForTask.load(directory: folder).0
    let file = try SafeTensorsFile(contentsOf: folder.appendingPathComponent("inputs.safetensors"))
    let shape = try file.shape("input_ids")
    inputs = ModelInputs(
      batchSize: shape[0], sequenceLength: shape[1], inputIds: try file.int32s("input_ids"),
      bbox: try file.int32s("bbox"), attentionMask: try file.int32s("attention_mask"),
      tokenTypeIds: try file.int32s("token_type_ids"),
      image: file.names.contains("image") ? try file.tensor("image") : nil)
    var labels = TaskLabels()
    let intLabels = file.names.contains("labels") ? try file.int64s("labels").map { Int($0) } : nil
    switch model.task {
    case .tokenClassification: labels.tokenLabels = intLabels
    case .sequenceClassification: labels.sequenceLabels = intLabels
    case .maskedLM: labels.mlmLabels = intLabels
    case .questionAnswering:
      labels.startPositions = try file.int64s("start_positions").map { Int($0) }
      labels.endPositions = try file.int64s("end_positions").map { Int($0) }
    default: break
    }
    self.labels = labels
    reference = try SafeTensorsFile(
      contentsOf: folder.appendingPathComponent("outputs.safetensors"))
  }
}

final class ParityTests: XCTestCase {
  static let folders = [
    "layoutlm", "layoutlm-mlm", "layoutlmv2", "layoutlmv2-cls", "layoutlmv2-qa",
  ]

  func testOutputsGradientsAndAdamWMatchTransformers() throws {
    for folder in Self.folders {
      let parity = try ParityCase(folder)
      try parity.inputs.validate(for: parity.model.config)
      let output = parity.model(
        parity.inputs, labels: parity.labels, context: ForwardContext(training: false))
      let reference = parity.reference
      var compared: [(String, Tensor?)] = [
        ("logits", output.logits), ("start_logits", output.startLogits),
        ("end_logits", output.endLogits),
        ("last_hidden_state", output.encoder.sequence), ("pooler_output", output.encoder.pooled),
        ("loss", output.loss),
      ]
      compared = compared.filter { reference.names.contains($0.0) }
      XCTAssertGreaterThanOrEqual(compared.count, 2, folder)
      for (key, tensor) in compared {
        guard let tensor else { XCTFail("\(folder): no \(key)"); continue }
        let expected = try reference.floats(key)
        assertClose(tensor.array, expected, absolute: 1e-4, relative: 0, "\(folder) \(key)")
      }
      // Gradients of the loss for every parameter.
      guard let loss = output.loss else { XCTFail("\(folder): no loss"); continue }
      loss.backward()
      let parameters = parity.model.namedParameters()
      var checked = 0
      for (name, parameter) in parameters {
        let key = "grad." + name
        if reference.names.contains(key) {
          guard let grad = parameter.grad else {
            XCTFail("\(folder): \(name) got no gradient"); continue
          }
          assertClose(
            grad.array, try reference.floats(key), absolute: 1e-5, relative: 1e-4,
            "\(folder) \(key)")
          checked += 1
        } else if let grad = parameter.grad {
          // HF gives no gradient: ours must be zero too.
          XCTAssertEqual(
            grad.array.map(abs).max() ?? 0, 0, "\(folder): unexpected gradient for \(name)")
        }
      }
      let referenceGrads = reference.names.filter { $0.hasPrefix("grad.") }.count
      XCTAssertEqual(checked, referenceGrads, "\(folder): every reference gradient is checked")
      if folder.hasPrefix("layoutlmv2") {
        XCTAssertTrue(
          reference.names.contains("grad.layoutlmv2.encoder.rel_pos_bias.weight"), folder)
      }
    }
  }

  func testOneAdamWStepFromStoredGradients() throws {
    for folder in Self.folders {
      let parity = try ParityCase(folder)
      let reference = parity.reference
      guard reference.names.contains(where: { $0.hasPrefix("adamw.") }) else { continue }
      let parameters = parity.model.namedParameters()
      for (name, parameter) in parameters {
        parameter.grad =
          reference.names.contains("grad." + name) ? try reference.tensor("grad." + name) : nil
      }
      let optimizer = AdamW(
        parameters: parameters, options: AdamWOptions(learningRate: 1e-2, weightDecay: 0.01))
      optimizer.update()
      var checked = 0
      for (name, parameter) in parameters where reference.names.contains("adamw." + name) {
        assertClose(
          parameter.array, try reference.floats("adamw." + name), absolute: 1e-5, relative: 1e-4,
          "\(folder) adamw.\(name)")
        checked += 1
      }
      XCTAssertGreaterThan(checked, 10, folder)
    }
  }

  func testCheckpointRoundTripsAndConvertsFastQKV() throws {
    let parity = try ParityCase("layoutlmv2")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ll-ckpt-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    try parity.model.save(to: directory)
    // Reload with separate q/k/v: the outputs must not change.
    let (separate, report) = try LayoutLMForTask.load(directory: directory) { $0.fastQKV = false }
    XCTAssertTrue(report.convertedAttention)
    let context = ForwardContext(training: false)
    let a = parity.model(parity.inputs, context: context).logits?.array ?? []
    let b = separate(parity.inputs, context: context).logits?.array ?? []
    assertClose(b, a, absolute: 1e-5, relative: 0, "fast QKV → q/k/v")
  }

  func testCheckpointErrorsListEveryProblem() throws {
    let parity = try ParityCase("layoutlm")
    var tensors = parity.model.checkpointTensors()
    tensors["layoutlm.encoder.layer.0.output.dense.weight"] = nil
    tensors["layoutlm.surprise.weight"] = Tensor(zeros: [2])
    tensors["layoutlm.pooler.dense.bias"] = Tensor(zeros: [3])
    XCTAssertThrowsError(try parity.model.load(tensors, source: "x.safetensors")) { error in
      let text = "\(error)"
      XCTAssertTrue(text.contains("x.safetensors"), text)
      XCTAssertTrue(
        text.contains("missing tensors: layoutlm.encoder.layer.0.output.dense.weight"), text)
      XCTAssertTrue(text.contains("unknown tensors: layoutlm.surprise.weight"), text)
      XCTAssertTrue(text.contains("layoutlm.pooler.dense.bias [3]"), text)
    }
    // Without the prefix and without the head, it still loads (fresh head).
    var bare: [String: Tensor] = [:]
    for (name, tensor) in parity.model.checkpointTensors() where name.hasPrefix("layoutlm.") {
      bare[String(name.dropFirst("layoutlm.".count))] = tensor
    }
    let fresh = LayoutLMForTask(parity.model.config, task: .tokenClassification, seed: 9)
    let report = try fresh.load(bare, source: "bare")
    XCTAssertEqual(report.freshHead.sorted(), ["classifier.bias", "classifier.weight"])
  }
}
