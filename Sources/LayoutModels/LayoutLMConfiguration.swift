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
  /// stages of one basic block each (the last one ends at `image_feature_pool_shape[2]`
  /// channels): 224 px → 14×14 features.
  public init() {}
}

/// A LayoutLM or LayoutLMv2 configuration.
///
/// Reads HF `config.json` (LayoutLMConfig and LayoutLMv2Config field names) and adds LayoutLab's
/// switches, each independent of the others. `LayoutLMConfiguration.v1(...)` and `.v2(...)` are
/// presets. Keys LayoutLab does not know (HF has many) are ignored on read.
public struct LayoutLMConfiguration: Codable, Hashable, Sendable {
  // MARK: HF fields
  public var modelType: String = "layoutlmv2"
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
  public var fastQKV: Bool = true
  public var hasRelativeAttentionBias: Bool = true
  public var hasSpatialAttentionBias: Bool = true
  public var hasVisualSegmentEmbedding: Bool = false
  public var relPosBins: Int = 32
  public var maxRelPos: Int = 128
  public var rel2DPosBins: Int = 64
  public var maxRel2DPos: Int = 256
  /// `[Gh, Gw, C]`: the visual grid and the backbone's output channels.
  public var imageFeaturePoolShape: [Int] = [7, 7, 256]

  // MARK: LayoutLab switches
  /// Whether visual tokens are appended after the text.
  public var visualTokens: Bool = true
  public var visualBackbone: VisualBackboneKind = .resnet
  public var resnet: ResNetBackboneOptions = ResNetBackboneOptions()
  public var spatialAnchor: SpatialAnchor = .code
  public var layoutEmbedding: LayoutEmbeddingStyle = .concatenated
  /// Whether the 1-D and 2-D relative bias tables receive gradients (unilm: yes; current HF: no).
  public var trainRelativeBiases: Bool = true
  /// The v2 sequence-classification head's input (HF's by default).
  public var sequenceHead: SequenceHeadKind = .meanVisual
  /// Whether each text token also embeds whether its WordPiece id occurs in the question
  /// (DrQA's exact-match feature; Chen et al. 2017), for extractive QA: segment B tokens whose
  /// id is among segment A's gets row 1 of `question_match_embeddings [2, H]`, the rest row 0.
  /// Not in either paper: a LayoutLab switch, off unless asked for.
  public var questionMatch: Bool = false

  /// The visual grid height.
  public var gridHeight: Int { imageFeaturePoolShape.count > 0 ? imageFeaturePoolShape[0] : 7 }
  /// The visual grid width.
  public var gridWidth: Int { imageFeaturePoolShape.count > 1 ? imageFeaturePoolShape[1] : 7 }
  /// The number of visual tokens V (0 when visual tokens are off).
  public var visualTokenCount: Int { visualTokens ? gridHeight * gridWidth : 0 }
  /// Channels of the backbone's features.
  public var visualChannels: Int {
    imageFeaturePoolShape.count > 2 ? imageFeaturePoolShape[2] : 256
  }
  /// Whether this is a LayoutLMv2-family config (parameter prefix `layoutlmv2.`).
  public var isV2: Bool { modelType == "layoutlmv2" }
  /// The HF prefix of the base model's parameters in task checkpoints.
  public var basePrefix: String { isV2 ? "layoutlmv2" : "layoutlm" }

  /// Creates a configuration with every default.
  public init() {}

  enum CodingKeys: String, CodingKey {
    case modelType = "model_type", architectures
    case vocabSize = "vocab_size", hiddenSize = "hidden_size"
    case numHiddenLayers = "num_hidden_layers", numAttentionHeads = "num_attention_heads"
    case intermediateSize = "intermediate_size", hiddenAct = "hidden_act"
    case hiddenDropoutProb = "hidden_dropout_prob"
    case attentionProbsDropoutProb = "attention_probs_dropout_prob"
    case maxPositionEmbeddings = "max_position_embeddings"
    case max2DPositionEmbeddings = "max_2d_position_embeddings"
    case typeVocabSize = "type_vocab_size", initializerRange = "initializer_range"
    case layerNormEps = "layer_norm_eps", numLabels = "num_labels", id2label
    case coordinateSize = "coordinate_size", shapeSize = "shape_size", fastQKV = "fast_qkv"
    case hasRelativeAttentionBias = "has_relative_attention_bias"
    case hasSpatialAttentionBias = "has_spatial_attention_bias"
    case hasVisualSegmentEmbedding = "has_visual_segment_embedding"
    case relPosBins = "rel_pos_bins", maxRelPos = "max_rel_pos"
    case rel2DPosBins = "rel_2d_pos_bins", maxRel2DPos = "max_rel_2d_pos"
    case imageFeaturePoolShape = "image_feature_pool_shape"
    case visualTokens = "layoutlab_visual_tokens", visualBackbone = "layoutlab_visual_backbone"
    case resnet = "layoutlab_resnet", spatialAnchor = "layoutlab_spatial_anchor"
    case layoutEmbedding = "layoutlab_layout_embedding"
    case trainRelativeBiases = "layoutlab_train_relative_biases"
    case sequenceHead = "layoutlab_sequence_head"
    case questionMatch = "layoutlab_question_match"
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    func read<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
      try c.decodeIfPresent(T.self, forKey: key) ?? fallback
    }
    let d = LayoutLMConfiguration()
    modelType = try read(.modelType, "layoutlm")
    let v2 = modelType == "layoutlmv2"
    architectures = try c.decodeIfPresent([String].self, forKey: .architectures)
    vocabSize = try read(.vocabSize, d.vocabSize)
    hiddenSize = try read(.hiddenSize, d.hiddenSize)
    numHiddenLayers = try read(.numHiddenLayers, d.numHiddenLayers)
    numAttentionHeads = try read(.numAttentionHeads, d.numAttentionHeads)
    intermediateSize = try read(.intermediateSize, d.intermediateSize)
    hiddenAct = try read(.hiddenAct, d.hiddenAct)
    hiddenDropoutProb = try read(.hiddenDropoutProb, d.hiddenDropoutProb)
    attentionProbsDropoutProb = try read(.attentionProbsDropoutProb, d.attentionProbsDropoutProb)
    maxPositionEmbeddings = try read(.maxPositionEmbeddings, d.maxPositionEmbeddings)
    max2DPositionEmbeddings = try read(.max2DPositionEmbeddings, d.max2DPositionEmbeddings)
    typeVocabSize = try read(.typeVocabSize, d.typeVocabSize)
    initializerRange = try read(.initializerRange, d.initializerRange)
    layerNormEps = try read(.layerNormEps, d.layerNormEps)
    id2label = try c.decodeIfPresent([String: String].self, forKey: .id2label)
    numLabels = try c.decodeIfPresent(Int.self, forKey: .numLabels) ?? id2label?.count ?? 2
    coordinateSize = try read(.coordinateSize, d.coordinateSize)
    shapeSize = try read(.shapeSize, d.shapeSize)
    // v1 configs have none of the v2 switches: their absence means "off" for v1.
    fastQKV = try read(.fastQKV, v2)
    hasRelativeAttentionBias = try read(.hasRelativeAttentionBias, v2)
    hasSpatialAttentionBias = try read(.hasSpatialAttentionBias, v2)
    hasVisualSegmentEmbedding = try read(.hasVisualSegmentEmbedding, false)
    relPosBins = try read(.relPosBins, d.relPosBins)
    maxRelPos = try read(.maxRelPos, d.maxRelPos)
    rel2DPosBins = try read(.rel2DPosBins, d.rel2DPosBins)
    maxRel2DPos = try read(.maxRel2DPos, d.maxRel2DPos)
    imageFeaturePoolShape = try read(.imageFeaturePoolShape, d.imageFeaturePoolShape)
    visualTokens = try read(.visualTokens, v2)
    // A 3-channel pool shape is the pooling stand-in (HF fixtures); otherwise a CNN.
    let inferredBackbone: VisualBackboneKind =
      imageFeaturePoolShape.count > 2 && imageFeaturePoolShape[2] == 3 ? .pool : .resnet
    visualBackbone = try read(.visualBackbone, inferredBackbone)
    resnet = try read(.resnet, d.resnet)
    spatialAnchor = try read(.spatialAnchor, .code)
    layoutEmbedding = try read(.layoutEmbedding, v2 ? .concatenated : .summed)
    trainRelativeBiases = try read(.trainRelativeBiases, true)
    sequenceHead = try read(.sequenceHead, .meanVisual)
    questionMatch = try read(.questionMatch, d.questionMatch)
    try validate()
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
      if imageFeaturePoolShape.count < 2 || !(1...14).contains(gridHeight)
        || !(1...14).contains(gridWidth)
      {
        try fail("image_feature_pool_shape", "a grid from 1×1 to 14×14")
      }
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
  /// Reads an HF-style `config.json`.
  public static func read(contentsOf url: URL) throws -> LayoutLMConfiguration {
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw ModelConfigurationError.unreadable(
        path: url.path, reason: "cannot be read (\(error.localizedDescription))")
    }
    do {
      return try JSONDecoder().decode(LayoutLMConfiguration.self, from: data)
    } catch let error as ModelConfigurationError {
      throw ModelConfigurationError.unreadable(path: url.path, reason: "\(error)")
    } catch {
      throw ModelConfigurationError.unreadable(
        path: url.path, reason: "is not a valid config: \(error)")
    }
  }

  /// Writes this configuration as `config.json` (HF fields plus `layoutlab_*` switches).
  public func write(to url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(self).write(to: url, options: .atomic)
  }

  /// The LayoutLM v1 preset: summed layout embeddings, no visual tokens, no relative biases.
  public static func v1(
    hidden: Int = 768, layers: Int = 12, heads: Int = 12, intermediate: Int? = nil
  )
    -> LayoutLMConfiguration
  {
    var c = LayoutLMConfiguration()
    c.modelType = "layoutlm"
    c.numHiddenLayers = layers
    c.numAttentionHeads = heads
    c.setHiddenSize(hidden)
    if let intermediate { c.intermediateSize = intermediate }
    c.visualTokens = false
    c.layoutEmbedding = .summed
    c.fastQKV = false
    c.hasRelativeAttentionBias = false
    c.hasSpatialAttentionBias = false
    return c
  }

  /// The LayoutLMv2 preset: concatenated layout embeddings, visual tokens, 1-D and 2-D biases.
  public static func v2(
    hidden: Int = 768, layers: Int = 12, heads: Int = 12, intermediate: Int? = nil,
    coordinateSize: Int? = nil, shapeSize: Int? = nil
  ) -> LayoutLMConfiguration {
    var c = LayoutLMConfiguration()
    c.modelType = "layoutlmv2"
    c.numHiddenLayers = layers
    c.numAttentionHeads = heads
    c.setHiddenSize(hidden)
    if let intermediate { c.intermediateSize = intermediate }
    if let coordinateSize { c.coordinateSize = coordinateSize }
    c.shapeSize = shapeSize ?? (hidden - 4 * c.coordinateSize) / 2
    c.visualTokens = true
    c.layoutEmbedding = .concatenated
    c.imageFeaturePoolShape = [7, 7, 64]
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
