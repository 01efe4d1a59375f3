// LayoutLab — task heads: token and sequence classification, extractive QA, MVLM, TIA, TIM.

import TensorCore

/// Which head sits on the encoder, named as HF's `architectures` names it.
public enum TaskKind: String, Codable, Sendable, CaseIterable {
  case tokenClassification
  case sequenceClassification
  case questionAnswering
  case maskedLM
  case pretraining
  case base

  /// The HF architecture name for a v1 (`LayoutLM…`) or v2 (`LayoutLMv2…`) model.
  public func architecture(v2: Bool) -> String {
    let stem = v2 ? "LayoutLMv2" : "LayoutLM"
    switch self {
    case .tokenClassification: return stem + "ForTokenClassification"
    case .sequenceClassification: return stem + "ForSequenceClassification"
    case .questionAnswering: return stem + "ForQuestionAnswering"
    case .maskedLM: return stem + "ForMaskedLM"
    case .pretraining: return stem + "ForPretraining"
    case .base: return stem + "Model"
    }
  }

  /// The head an HF architecture name selects, or nil.
  public init?(architecture: String) {
    for kind in TaskKind.allCases
    where kind.architecture(v2: true) == architecture
      || kind.architecture(v2: false) == architecture
    {
      self = kind
      return
    }
    return nil
  }
}

/// Targets for a head's loss. Shapes: `tokenLabels` `[B, T]` (−100 ignored), `sequenceLabels`
/// `[B]`, `startPositions`/`endPositions` `[B]`, `mlmLabels` `[B, T]` (−100 ignored),
/// `tiaLabels` `[B, T]` (0 or 1, −100 ignored), `timLabels` `[B]` (1 = image matches).
public struct TaskLabels: Sendable {
  public var tokenLabels: [Int]?
  public var sequenceLabels: [Int]?
  public var startPositions: [Int]?
  public var endPositions: [Int]?
  public var mlmLabels: [Int]?
  public var tiaLabels: [Int]?
  public var timLabels: [Int]?
  /// Per-task loss weights for pre-training (MVLM, TIA, TIM).
  public var taskWeights = PretrainingLossWeights()

  /// Creates empty labels.
  public init() {}
}

/// Per-task weights of the pre-training loss `w_mvlm·L_mvlm + w_tia·L_tia + w_tim·L_tim`.
public struct PretrainingLossWeights: Codable, Hashable, Sendable {
  public var mvlm: Float = 1
  public var tia: Float = 1
  /// Weight of "covered" tokens in the TIA loss relative to "not covered" ones (1: plain BCE).
  /// The loss is the weighted mean, so this shifts the decision threshold towards the rare
  /// positives without changing the loss scale much.
  public var tiaPositive: Float = 1
  public var tim: Float = 1

  /// Creates weights (default 1, 1, 1).
  public init(mvlm: Float = 1, tia: Float = 1, tim: Float = 1) {
    self.mvlm = mvlm
    self.tia = tia
    self.tim = tim
  }
}

/// What a head computes: logits in task-specific shapes and, with labels, the loss.
public struct TaskOutput {
  /// `[B, T, L]` (tokens), `[B, L]` (sequences) or `[B, T, V]` (MLM).
  public var logits: Tensor?
  /// `[B, T]` each, for QA.
  public var startLogits: Tensor?
  public var endLogits: Tensor?
  /// `[B, T]` TIA logits and `[B]` TIM logits (pre-training).
  public var tiaLogits: Tensor?
  public var timLogits: Tensor?
  /// The scalar loss, when labels were given.
  public var loss: Tensor?
  /// The separate pre-training losses (MVLM, TIA, TIM), when computed.
  public var taskLosses: [String: Tensor] = [:]
  public var encoder: EncoderOutput
}

/// The BERT LM head: dense, GELU, LayerNorm, then a decoder tied to the word embeddings.
final class MaskedLMHead: ParameterOwner {
  let transform: Linear
  let norm: LayerNorm
  let bias: Tensor
  let wordEmbeddings: Tensor

  init(_ config: LayoutLMConfiguration, wordEmbeddings: Tensor, initializer: inout Initializer) {
    transform = Linear(config.hiddenSize, config.hiddenSize, initializer: &initializer)
    norm = LayerNorm(config.hiddenSize, eps: config.layerNormEps, initializer: initializer)
    bias = initializer.zeros([config.vocabSize])
    self.wordEmbeddings = wordEmbeddings
  }

  /// `[B, T, H]` → `[B, T, vocab]`.
  func callAsFunction(_ x: Tensor) -> Tensor {
    norm(transform(x).gelu()).linear(weight: wordEmbeddings, bias: bias)
  }

  func namedParameters(prefix: String) -> [(String, Tensor)] {
    transform.namedParameters(prefix: joined(prefix, "transform.dense"))
      + norm.namedParameters(prefix: joined(prefix, "transform.LayerNorm"))
      + [(joined(prefix, "bias"), bias)]
  }
}
