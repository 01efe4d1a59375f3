// LayoutLab — the model configuration: HF config.json fields plus LayoutLab's ablation switches.

import Foundation

/// Which visual encoder turns the page image into grid features.
public enum VisualBackboneKind: String, Codable, Sendable, CaseIterable {
  /// A small ResNet-style CNN trained from scratch (see `ResNetBackboneOptions`).
  case resnet
  /// Pixel normalisation plus adaptive average pooling: no CNN (the HF fixtures' stand-in).
  case pool
}

/// Which corner of a box the 2-D relative attention bias measures from.
public enum SpatialAnchor: String, Codable, Sendable, CaseIterable {
  /// x0 and y1 (left, bottom), as the released code does.
  case code
  /// x0 and y0 (top-left), as the paper describes.
  case paper
}

/// What a v2 sequence-classification head reads.
public enum SequenceHeadKind: String, Codable, Sendable, CaseIterable {
  /// HF `LayoutLMv2ForSequenceClassification`: [CLS] ⊕ mean(initial visual) ⊕ mean(final
  /// visual). The means discard where on the page each visual token is.
  case meanVisual = "mean-visual"
  /// [CLS] ⊕ every final visual token in grid order, so the head sees where things are.
  case gridVisual = "grid-visual"
}

/// How the 2-D layout embeddings join the text embedding.
public enum LayoutEmbeddingStyle: String, Codable, Sendable, CaseIterable {
  /// v1: x, y, h, w tables of width H, summed.
  case summed
  /// v2: x, y tables of width `coordinateSize` and h, w of width `shapeSize`, concatenated.
  case concatenated
}

/// The options of the from-scratch ResNet-style visual backbone.
public struct ResNetBackboneOptions: Codable, Hashable, Sendable {
  /// Channels after the stem; each stage doubles them.
  public var width: Int = 32
  /// Residual stages after the stem (each halves the resolution).
  public var stages: Int = 2
  /// Basic residual blocks per stage.
  public var blocksPerStage: Int = 1
  /// Stem convolution stride (the stem also max-pools by 2).
  public var stemStride: Int = 2
  /// Normalisation inside blocks: `none` or `layer` (per-channel affine after each conv is
  /// folded into the conv bias, so `none` is a plain conv + bias + ReLU network).
  public var normalization: String = "none"

  /// Creates the default options: stem 7×7/2 + max-pool/2 to 32 channels, then two stride-2
  /// stages of one basic block each (the last one ends at the configuration's
  /// `visualChannels`): 224 px → 14×14 features.
  public init() {}
}

/// A LayoutLM or LayoutLMv2 configuration.
///
/// Reads HF `config.json` (LayoutLMConfig and LayoutLMv2Config field names) and adds LayoutLab's
/// switches, each independent of the others. `LayoutLMConfiguration.v1(...)` and `.v2(...)` are
/// presets. Keys LayoutLab does not know (HF has many) are ignored on read.
///
/// Every default is written once, here: `LayoutLMConfiguration()` is HF's LayoutLMConfig, i.e.
/// LayoutLM v1 BASE (`model_type` "layoutlm", every v2 switch off; the v2-only sizes keep
/// HF LayoutLMv2Config's values). Decoding `{}` gives exactly this configuration, and a
/// `config.json` of `model_type` "layoutlmv2" starts from `defaults(modelType:)`, which turns on
/// the v2 architecture (`useV2Architecture()`).
public struct LayoutLMConfiguration: Codable, Hashable, Sendable {
  // MARK: HF fields
  public var modelType: String = "layoutlm"
  public var architectures: [String]? = nil
  public var vocabSize: Int = 30522
  public var hiddenSize: Int = 768
  public var numHiddenLayers: Int = 12
  public var numAttentionHeads: Int = 12
  public var intermediateSize: Int = 3072
  public var hiddenAct: String = "gelu"
  public var hiddenDropoutProb: Float = 0.1
  public var attentionProbsDropoutProb: Float = 0.1
  public var maxPositionEmbeddings: Int = 512
  public var max2DPositionEmbeddings: Int = 1024
  public var typeVocabSize: Int = 2
  public var initializerRange: Float = 0.02
  public var layerNormEps: Float = 1e-12
  public var numLabels: Int = 2
  public var id2label: [String: String]? = nil
  // v2 fields
  public var coordinateSize: Int = 128
  public var shapeSize: Int = 128
  public var fastQKV: Bool = false
  public var hasRelativeAttentionBias: Bool = false
  public var hasSpatialAttentionBias: Bool = false
  public var hasVisualSegmentEmbedding: Bool = false
  public var relPosBins: Int = 32
  public var maxRelPos: Int = 128
  public var rel2DPosBins: Int = 64
  public var maxRel2DPos: Int = 256
  /// The visual grid Gh × Gw (HF `image_feature_pool_shape[0...1]`).
  public var grid: VisualGrid = .standard
  /// Channels C of the backbone's features `[B, C, Gh, Gw]` (HF `image_feature_pool_shape[2]`).
  public var visualChannels: Int = 256

  // MARK: LayoutLab switches
  /// Whether visual tokens are appended after the text.
  public var visualTokens: Bool = false
  public var visualBackbone: VisualBackboneKind = .resnet
  public var resnet: ResNetBackboneOptions = ResNetBackboneOptions()
  public var spatialAnchor: SpatialAnchor = .code
  public var layoutEmbedding: LayoutEmbeddingStyle = .summed
  /// Whether the 1-D and 2-D relative bias tables receive gradients (unilm: yes; current HF: no).
  public var trainRelativeBiases: Bool = true
  /// The v2 sequence-classification head's input (HF's by default).
  public var sequenceHead: SequenceHeadKind = .meanVisual
  /// Whether each text token also embeds whether its WordPiece id occurs in the question
  /// (DrQA's exact-match feature; Chen et al. 2017), for extractive QA: segment B tokens whose
  /// id is among segment A's gets row 1 of `question_match_embeddings [2, H]`, the rest row 0.
  /// Not in either paper: a LayoutLab switch, off unless asked for.
  public var questionMatch: Bool = false
  /// How the 1-D position and 2-D layout tables start (LayoutLab; `normal` as HF).
  public var positionInitialization: PositionInitialization = .normal
  /// LayoutLM v1's fine-tuning image features: each word's page region through a CNN, added
  /// to its output (`WordImageFeatures`); off unless asked for.
  public var wordImageFeatures: Bool = false

  /// Whether the model reads the page image: visual tokens or word image features.
  public var usesImage: Bool { visualTokens || wordImageFeatures }

  /// The number of visual tokens V = Gh · Gw (0 when visual tokens are off).
  public var visualTokenCount: Int { visualTokens ? grid.count : 0 }
  /// Whether this is a LayoutLMv2-family config (parameter prefix `layoutlmv2.`).
  public var isV2: Bool { modelType == "layoutlmv2" }
  /// The HF prefix of the base model's parameters in task checkpoints.
  public var basePrefix: String { isV2 ? "layoutlmv2" : "layoutlm" }

  /// Creates the default configuration: LayoutLM v1 BASE, as HF's LayoutLMConfig.
  public init() {}

  /// The configuration a `config.json` of `modelType` describes when it names no other field:
  /// the default, with the v2 architecture turned on for "layoutlmv2".
  public static func defaults(modelType: String) -> LayoutLMConfiguration {
    var config = LayoutLMConfiguration()
    config.modelType = modelType
    if config.isV2 { config.useV2Architecture() }
    return config
  }

  /// Turns on what makes a configuration LayoutLMv2 (HF LayoutLMv2Config's switches): visual
  /// tokens, concatenated layout embeddings, fused QKV and the 1-D and 2-D relative biases.
  public mutating func useV2Architecture() {
    modelType = "layoutlmv2"
    visualTokens = true
    layoutEmbedding = .concatenated
    fastQKV = true
    hasRelativeAttentionBias = true
    hasSpatialAttentionBias = true
  }

  /// Checks the fields that must agree with each other.
  public func validate() throws {
    func fail(_ field: String, _ expected: String) throws -> Never {
      throw ModelConfigurationError.invalid(field: field, expected: expected)
    }
    if hiddenSize <= 0 || numAttentionHeads <= 0 || hiddenSize % numAttentionHeads != 0 {
      try fail("hidden_size", "a positive multiple of num_attention_heads (\(numAttentionHeads))")
    }
    if layoutEmbedding == .concatenated && 4 * coordinateSize + 2 * shapeSize != hiddenSize {
      try fail(
        "coordinate_size/shape_size",
        "4·coordinate_size + 2·shape_size = hidden_size (\(hiddenSize)) for concatenated layout embeddings"
      )
    }
    if visualTokens {
      if visualChannels <= 0 { try fail("image_feature_pool_shape[2]", "a positive channel count") }
      if visualBackbone == .pool && visualChannels != 3 {
        try fail("image_feature_pool_shape[2]", "3 channels for the pool backbone")
      }
      if visualTokenCount > maxPositionEmbeddings {
        try fail("max_position_embeddings", "at least the number of visual tokens")
      }
    }
    if hiddenAct != "gelu" { try fail("hidden_act", "\"gelu\" (the only activation implemented)") }
    if !(0..<1).contains(hiddenDropoutProb) || !(0..<1).contains(attentionProbsDropoutProb) {
      try fail("hidden_dropout_prob", "a rate in [0, 1)")
    }
  }
}

/// A configuration that cannot build a model.
public enum ModelConfigurationError: Error, CustomStringConvertible, Equatable {
  case invalid(field: String, expected: String)
  case unreadable(path: String, reason: String)

  public var description: String {
    switch self {
    case .invalid(let field, let expected): return "model config: '\(field)' must be \(expected)"
    case .unreadable(let path, let reason): return "model config \(path): \(reason)"
    }
  }
}

extension LayoutLMConfiguration {
  /// The LayoutLM v1 preset: summed layout embeddings, no visual tokens, no relative biases.
  public static func v1(
    hidden: Int = 768, layers: Int = 12, heads: Int = 12, intermediate: Int? = nil
  )
    -> LayoutLMConfiguration
  {
    var c = LayoutLMConfiguration()
    c.numHiddenLayers = layers
    c.numAttentionHeads = heads
    c.setHiddenSize(hidden)
    if let intermediate { c.intermediateSize = intermediate }
    return c
  }

  /// The LayoutLMv2 preset: concatenated layout embeddings, visual tokens, 1-D and 2-D biases.
  public static func v2(
    hidden: Int = 768, layers: Int = 12, heads: Int = 12, intermediate: Int? = nil,
    coordinateSize: Int? = nil, shapeSize: Int? = nil
  ) -> LayoutLMConfiguration {
    var c = LayoutLMConfiguration()
    c.useV2Architecture()
    c.numHiddenLayers = layers
    c.numAttentionHeads = heads
    c.setHiddenSize(hidden)
    if let intermediate { c.intermediateSize = intermediate }
    if let coordinateSize { c.coordinateSize = coordinateSize }
    c.shapeSize = shapeSize ?? (hidden - 4 * c.coordinateSize) / 2
    // The from-scratch CNN ends at 64 channels, not HF's 256 (a ResNet-101 FPN's).
    c.visualChannels = 64
    return c
  }

  /// Named size presets (`ModelPreset`) of either version.
  public static func preset(_ size: ModelPreset, version: ModelVersion) -> LayoutLMConfiguration {
    switch version {
    case .v1: return v1(hidden: size.hiddenSize, layers: size.layers, heads: size.heads)
    case .v2: return v2(hidden: size.hiddenSize, layers: size.layers, heads: size.heads)
    }
  }

  /// Sets the hidden width H and the sizes that follow from it: the feed-forward width 4·H and,
  /// for concatenated layout embeddings, coordinate ⌊3H/16⌋ and shape (H − 4·coordinate)/2.
  public mutating func setHiddenSize(_ hidden: Int) {
    hiddenSize = hidden
    intermediateSize = 4 * hidden
    coordinateSize = hidden * 3 / 16
    shapeSize = (hidden - 4 * coordinateSize) / 2
  }

  /// The version this configuration describes.
  public var version: ModelVersion { isV2 ? .v2 : .v1 }
}

/// LayoutLM (v1: text + 2-D layout) or LayoutLMv2 (adds visual tokens and spatial-aware
/// self-attention).
public enum ModelVersion: String, Codable, Sendable, CaseIterable {
  case v1, v2
}

/// A named model size.
public enum ModelPreset: String, Codable, Sendable, CaseIterable {
  /// Hidden 64, 2 layers, 2 heads.
  case tiny
  /// Hidden 256, 4 layers, 4 heads (FFN 1024; v2: grid 7×7, coordinate 48, shape 32).
  case small
  /// Hidden 768, 12 layers, 12 heads (the papers' BASE).
  case base

  /// The hidden width H.
  public var hiddenSize: Int {
    switch self {
    case .tiny: return 64
    case .small: return 256
    case .base: return 768
    }
  }
  /// Encoder layers.
  public var layers: Int {
    switch self {
    case .tiny: return 2
    case .small: return 4
    case .base: return 12
    }
  }
  /// Attention heads.
  public var heads: Int {
    switch self {
    case .tiny: return 2
    case .small: return 4
    case .base: return 12
    }
  }
}
