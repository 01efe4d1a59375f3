// LayoutLab — self-attention with optional 1-D and 2-D relative biases (LayoutLMv2's SASAM).

import Foundation
import TensorCore

/// Multi-head self-attention over `[B, S, H]`.
///
/// With `fast_qkv` the projections are one bias-free `qkv_linear [3H, H]` plus learned `q_bias`
/// and `v_bias` (no key bias); otherwise separate `query`, `key`, `value` layers with biases.
/// The queries are scaled by `1/√D` before `q·kᵀ`; the relative biases are added unscaled, then
/// the key mask, then softmax. Mirrors `LayoutLMv2SelfAttention` (transformers
/// `modeling_layoutlmv2.py`); with no biases and no fast QKV it is BERT's attention (v1).
final class SpatialAwareSelfAttention: ParameterOwner {
  let config: LayoutLMConfiguration
  let qkv: Linear?
  let qBias: Tensor?
  let vBias: Tensor?
  let query: Linear?
  let key: Linear?
  let value: Linear?

  init(_ config: LayoutLMConfiguration, initializer: inout Initializer) {
    self.config = config
    let hidden = config.hiddenSize
    if config.fastQKV {
      qkv = Linear(hidden, 3 * hidden, bias: false, initializer: &initializer)
      qBias = initializer.zeros([1, 1, hidden])
      vBias = initializer.zeros([1, 1, hidden])
      (query, key, value) = (nil, nil, nil)
    } else {
      query = Linear(hidden, hidden, initializer: &initializer)
      key = Linear(hidden, hidden, initializer: &initializer)
      value = Linear(hidden, hidden, initializer: &initializer)
      (qkv, qBias, vBias) = (nil, nil, nil)
    }
  }

  /// `[B, S, H]` → `[B, S, H]`. `mask` is the additive key mask `[B, S]`; `bias` is
  /// `[B, A, S, S]` or nil.
  ///
  /// Both layouts become one packed projection `[B, S, 3H]` (q, k, v side by side): fast QKV
  /// with the bias `[q_bias, 0, v_bias]`, separate layers with their weights and biases stacked.
  /// The fused attention op then reads every head in place.
  func callAsFunction(
    _ x: Tensor, mask: Tensor, bias: Tensor?, context: ForwardContext
  ) -> Tensor {
    let hidden = x.shape[2]
    let packed: Tensor
    if let qkv, let qBias, let vBias {
      let packedBias = Tensor.concatenated(
        [qBias.reshaped([hidden]), Tensor(zeros: [hidden]), vBias.reshaped([hidden])], axis: 0)
      packed = x.linear(weight: qkv.weight, bias: packedBias)
    } else if let query, let key, let value, let qb = query.bias, let kb = key.bias,
      let vb = value.bias
    {
      packed = x.linear(
        weight: Tensor.concatenated([query.weight, key.weight, value.weight], axis: 0),
        bias: Tensor.concatenated([qb, kb, vb], axis: 0))
    } else {
      preconditionFailure("attention has neither fast QKV nor separate projections")
    }
    let rate = context.training ? config.attentionProbsDropoutProb : 0
    return packed.packedSelfAttention(
      heads: config.numAttentionHeads, mask: mask, bias: bias, dropoutRate: rate,
      generator: &context.generator)
  }

  func namedParameters(prefix: String) -> [(String, Tensor)] {
    if let qkv, let qBias, let vBias {
      return qkv.namedParameters(prefix: joined(prefix, "qkv_linear"))
        + [(joined(prefix, "q_bias"), qBias), (joined(prefix, "v_bias"), vBias)]
    }
    return (query?.namedParameters(prefix: joined(prefix, "query")) ?? [])
      + (key?.namedParameters(prefix: joined(prefix, "key")) ?? [])
      + (value?.namedParameters(prefix: joined(prefix, "value")) ?? [])
  }
}

/// One post-LN BERT block: attention, add & norm, GELU feed-forward, add & norm.
final class EncoderLayer: ParameterOwner {
  let config: LayoutLMConfiguration
  let attention: SpatialAwareSelfAttention
  let attentionOutput: Linear
  let attentionNorm: LayerNorm
  let intermediate: Linear
  let output: Linear
  let outputNorm: LayerNorm

  init(_ config: LayoutLMConfiguration, initializer: inout Initializer) {
    self.config = config
    attention = SpatialAwareSelfAttention(config, initializer: &initializer)
    attentionOutput = Linear(config.hiddenSize, config.hiddenSize, initializer: &initializer)
    attentionNorm = LayerNorm(config.hiddenSize, eps: config.layerNormEps, initializer: initializer)
    intermediate = Linear(config.hiddenSize, config.intermediateSize, initializer: &initializer)
    output = Linear(config.intermediateSize, config.hiddenSize, initializer: &initializer)
    outputNorm = LayerNorm(config.hiddenSize, eps: config.layerNormEps, initializer: initializer)
  }

  /// `[B, S, H]` → `[B, S, H]`.
  func callAsFunction(_ x: Tensor, mask: Tensor, bias: Tensor?, context: ForwardContext) -> Tensor {
    let rate = config.hiddenDropoutProb
    let attended = attention(x, mask: mask, bias: bias, context: context)
    let a = attentionNorm(context.dropout(attentionOutput(attended), rate) + x)
    let f = intermediate(a).gelu()
    return outputNorm(context.dropout(output(f), rate) + a)
  }

  func namedParameters(prefix: String) -> [(String, Tensor)] {
    attention.namedParameters(prefix: joined(prefix, "attention.self"))
      + attentionOutput.namedParameters(prefix: joined(prefix, "attention.output.dense"))
      + attentionNorm.namedParameters(prefix: joined(prefix, "attention.output.LayerNorm"))
      + intermediate.namedParameters(prefix: joined(prefix, "intermediate.dense"))
      + output.namedParameters(prefix: joined(prefix, "output.dense"))
      + outputNorm.namedParameters(prefix: joined(prefix, "output.LayerNorm"))
  }
}
