// LayoutLab — matching checkpoint tensors to model parameters by HF name.

import TensorCore

/// What loading a checkpoint did.
public struct CheckpointLoadReport: Sendable, CustomStringConvertible {
  /// Parameters set from the checkpoint.
  public var loaded: [String] = []
  /// Head parameters the checkpoint lacked, left at their fresh initialisation.
  public var freshHead: [String] = []
  /// Checkpoint tensors of another head (or tied duplicates), skipped.
  public var skipped: [String] = []
  /// Attention projections converted between fast-QKV and separate q/k/v.
  public var convertedAttention: Bool = false

  public var description: String {
    "loaded \(loaded.count) tensors; fresh head: \(freshHead.joined(separator: ", "));"
      + " skipped: \(skipped.count)"
  }
}

/// A checkpoint that does not fit the model.
public enum CheckpointError: Error, CustomStringConvertible, Equatable {
  case mismatch(source: String, unknown: [String], missing: [String], wrongShape: [String])
  case unreadable(path: String, reason: String)

  public var description: String {
    switch self {
    case .mismatch(let source, let unknown, let missing, let wrongShape):
      var parts: [String] = []
      if !unknown.isEmpty { parts.append("unknown tensors: " + unknown.joined(separator: ", ")) }
      if !missing.isEmpty { parts.append("missing tensors: " + missing.joined(separator: ", ")) }
      if !wrongShape.isEmpty { parts.append("wrong shapes: " + wrongShape.joined(separator: ", ")) }
      return "checkpoint \(source) does not fit the model: " + parts.joined(separator: "; ")
    case .unreadable(let path, let reason):
      return "checkpoint \(path): \(reason)"
    }
  }
}

/// Names that belong to task heads rather than the encoder.
let headPrefixes = [
  "classifier.", "qa_outputs.", "cls.", "tia_classifier.", "tim_classifier.", "word_image.",
]

/// Checkpoint entries that are buffers or tied copies, never parameters.
func isIgnorableBuffer(_ name: String) -> Bool {
  name.hasSuffix("embeddings.position_ids") || name.hasSuffix("num_batches_tracked")
    || name.hasSuffix("visual.pixel_mean") || name.hasSuffix("visual.pixel_std")
    || name == "cls.predictions.decoder.weight" || name == "cls.predictions.decoder.bias"
}

/// Rewrites a checkpoint name into the model's naming: the base prefix (`layoutlm.`,
/// `layoutlmv2.` or legacy `bert.`) made `basePrefix.`, and TF-style `gamma`/`beta` made
/// `weight`/`bias`.
func canonicalName(_ name: String, basePrefix: String) -> String {
  var n = name
  if n.hasSuffix("LayerNorm.gamma") { n = String(n.dropLast(5)) + "weight" }
  if n.hasSuffix("LayerNorm.beta") { n = String(n.dropLast(4)) + "bias" }
  if headPrefixes.contains(where: { n.hasPrefix($0) }) { return n }
  for prefix in ["layoutlmv2.", "layoutlm.", "bert."] where n.hasPrefix(prefix) {
    return basePrefix + "." + n.dropFirst(prefix.count)
  }
  return basePrefix + "." + n
}

extension LayoutLMForTask {
  /// Copies `tensors` (HF names, with or without the base prefix) into this model's parameters.
  ///
  /// Fast-QKV and separate q/k/v checkpoints convert into each other (the key bias drops out of
  /// softmax, so it is discarded). Missing encoder tensors, unknown tensors and wrong shapes
  /// throw one error that lists them all; a missing head keeps its fresh initialisation.
  @discardableResult
  public func load(_ tensors: [String: Tensor], source: String) throws -> CheckpointLoadReport {
    var report = CheckpointLoadReport()
    var available: [String: Tensor] = [:]
    for (name, tensor) in tensors {
      if isIgnorableBuffer(name) {
        report.skipped.append(name)
        continue
      }
      available[canonicalName(name, basePrefix: config.basePrefix)] = tensor
    }
    // A tied decoder bias stands in for a missing `cls.predictions.bias`.
    if available["cls.predictions.bias"] == nil, let tied = tensors["cls.predictions.decoder.bias"]
    {
      available["cls.predictions.bias"] = tied
    }
    report.convertedAttention = convertAttention(&available)
    var missing: [String] = []
    var wrongShape: [String] = []
    for (name, parameter) in namedParameters() {
      guard let value = available.removeValue(forKey: name) else {
        if headPrefixes.contains(where: { name.hasPrefix($0) }) {
          report.freshHead.append(name)
        } else {
          missing.append(name)
        }
        continue
      }
      // Equal shapes, or equal up to axes of extent 1 (`q_bias` is [1, 1, H] in HF).
      let compatible =
        value.shape == parameter.shape
        || (value.count == parameter.count
          && value.shape.filter { $0 != 1 } == parameter.shape.filter { $0 != 1 })
      guard compatible else {
        wrongShape.append("\(name) \(value.shape) (model \(parameter.shape))")
        continue
      }
      parameter.pointer.update(from: value.pointer, count: parameter.count)
      report.loaded.append(name)
    }
    var unknown: [String] = []
    for name in available.keys.sorted() {
      if headPrefixes.contains(where: { name.hasPrefix($0) }) {
        report.skipped.append(name)
      } else {
        unknown.append(name)
      }
    }
    if !unknown.isEmpty || !missing.isEmpty || !wrongShape.isEmpty {
      throw CheckpointError.mismatch(
        source: source, unknown: unknown, missing: missing.sorted(), wrongShape: wrongShape.sorted()
      )
    }
    return report
  }

  /// Every tensor to save: the parameters plus HF's tied MLM decoder entries.
  public func checkpointTensors() -> [String: Tensor] {
    var result: [String: Tensor] = [:]
    for (name, tensor) in namedParameters() { result[name] = tensor }
    if let lmHead {
      result["cls.predictions.decoder.weight"] = lmHead.wordEmbeddings
      result["cls.predictions.decoder.bias"] = lmHead.bias
    }
    return result
  }

  /// Rewrites q/k/v entries in `available` to this model's attention layout; returns whether
  /// anything was converted.
  private func convertAttention(_ available: inout [String: Tensor]) -> Bool {
    var converted = false
    let hidden = config.hiddenSize
    for i in 0..<config.numHiddenLayers {
      let stem = "\(config.basePrefix).encoder.layer.\(i).attention.self."
      if config.fastQKV, let q = available[stem + "query.weight"],
        let k = available[stem + "key.weight"],
        let v = available[stem + "value.weight"]
      {
        available[stem + "qkv_linear.weight"] = Autodiff.withoutRecording {
          Tensor.concatenated([q, k, v], axis: 0)
        }
        if let qb = available[stem + "query.bias"] {
          available[stem + "q_bias"] = qb.reshaped([1, 1, hidden])
        }
        if let vb = available[stem + "value.bias"] {
          available[stem + "v_bias"] = vb.reshaped([1, 1, hidden])
        }
        for suffix in [
          "query.weight", "key.weight", "value.weight", "query.bias", "key.bias", "value.bias",
        ] {
          available[stem + suffix] = nil
        }
        converted = true
      } else if !config.fastQKV, let qkv = available[stem + "qkv_linear.weight"], qkv.rank == 2,
        qkv.shape[0] == 3 * hidden
      {
        Autodiff.withoutRecording {
          available[stem + "query.weight"] = qkv.sliced(axis: 0, 0..<hidden)
          available[stem + "key.weight"] = qkv.sliced(axis: 0, hidden..<(2 * hidden))
          available[stem + "value.weight"] = qkv.sliced(axis: 0, (2 * hidden)..<(3 * hidden))
          available[stem + "key.bias"] = Tensor(zeros: [hidden])
          available[stem + "query.bias"] =
            available[stem + "q_bias"]?.reshaped([hidden]) ?? Tensor(zeros: [hidden])
          available[stem + "value.bias"] =
            available[stem + "v_bias"]?.reshaped([hidden]) ?? Tensor(zeros: [hidden])
        }
        available[stem + "qkv_linear.weight"] = nil
        available[stem + "q_bias"] = nil
        available[stem + "v_bias"] = nil
        converted = true
      }
    }
    return converted
  }
}
