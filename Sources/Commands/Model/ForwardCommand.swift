// LayoutLab — `layoutlab forward`: run a checkpoint on a safetensors inputs file.

import Foundation
import LayoutModels
import TensorCore

/// Reads model inputs laid out like the HF fixtures' `inputs.safetensors`.
///
/// Keys: `input_ids`, `bbox`, `attention_mask`, `token_type_ids` (integers), `image` (F32,
/// v2), and optionally `labels`, `start_positions`, `end_positions`.
public func readModelInputs(from url: URL, task: TaskKind) throws -> (ModelInputs, TaskLabels?) {
  let file = try SafeTensorsFile(contentsOf: url)
  let shape = try file.shape("input_ids")
  guard shape.count == 2 else {
    throw ModelInputError.invalid(
      field: "\(url.path): input_ids", expected: "shape [B, T], got \(shape)")
  }
  func optionalInts(_ name: String) throws -> [Int32]? {
    file.names.contains(name) ? try file.int32s(name) : nil
  }
  let inputs = ModelInputs(
    batchSize: shape[0], sequenceLength: shape[1], inputIds: try file.int32s("input_ids"),
    bbox: try file.int32s("bbox"), attentionMask: try optionalInts("attention_mask"),
    tokenTypeIds: try optionalInts("token_type_ids"),
    image: file.names.contains("image") ? try file.tensor("image") : nil)
  var labels = TaskLabels()
  var any = false
  if let values = try optionalInts("labels")?.map({ Int($0) }) {
    any = true
    switch task {
    case .tokenClassification: labels.tokenLabels = values
    case .sequenceClassification: labels.sequenceLabels = values
    case .maskedLM, .pretraining: labels.mlmLabels = values
    default: any = false
    }
  }
  if let starts = try optionalInts("start_positions"), let ends = try optionalInts("end_positions")
  {
    labels.startPositions = starts.map { Int($0) }
    labels.endPositions = ends.map { Int($0) }
    any = true
  }
  return (inputs, any ? labels : nil)
}

/// Runs the checkpoint in `checkpoint` on `inputs` and writes the fixtures' output keys to `out`:
/// `last_hidden_state`, `pooler_output`, `logits` (or `start_logits`, `end_logits`), `loss`
/// (when the inputs carry labels) and, with `backward`, `grad.<HF name>` for every parameter
/// that gets a gradient. Returns a one-line summary.
public func runForward(checkpoint: URL, inputs: URL, out: URL, backward: Bool) throws -> String {
  let (model, _) = try LayoutLMForTask.load(directory: checkpoint)
  let (modelInputs, labels) = try readModelInputs(from: inputs, task: model.task)
  try modelInputs.validate(for: model.config)
  let output = model(modelInputs, labels: labels, context: ForwardContext(training: false))
  var tensors: [String: Tensor] = [
    "last_hidden_state": output.encoder.sequence, "pooler_output": output.encoder.pooled,
  ]
  if let logits = output.logits { tensors["logits"] = logits }
  if let start = output.startLogits { tensors["start_logits"] = start }
  if let end = output.endLogits { tensors["end_logits"] = end }
  if let loss = output.loss {
    tensors["loss"] = loss.reshaped([1])
    if backward {
      loss.backward()
      for (name, parameter) in model.namedParameters() {
        if let grad = parameter.grad { tensors["grad." + name] = grad }
      }
    }
  } else if backward {
    throw ModelInputError.invalid(
      field: "\(inputs.path): labels", expected: "labels for --backward")
  }
  try saveSafeTensors(tensors, to: out)
  let lossText = output.loss.map { ", loss \($0.scalar)" } ?? ""
  return
    "wrote \(tensors.count) tensors to \(out.path) (\(model.task.architecture(v2: model.config.isV2))\(lossText))"
}
