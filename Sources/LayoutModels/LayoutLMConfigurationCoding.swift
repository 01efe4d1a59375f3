// LayoutLab — the model configuration as a checkpoint's `config.json` (HF field names).

import Foundation

extension LayoutLMConfiguration {
  /// The `config.json` keys: HF's LayoutLMConfig and LayoutLMv2Config names, plus
  /// `layoutlab_*` for LayoutLab's switches. `grid` and `visualChannels` share HF's
  /// `image_feature_pool_shape` `[Gh, Gw, C]`; this is the only place that names it.
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
    case positionInitialization = "layoutlab_position_init"
    case wordImageFeatures = "layoutlab_word_image_features"
  }

  /// Reads a `config.json`. A missing field takes `defaults(modelType:)`'s value for the
  /// file's `model_type` (itself `"layoutlm"` when missing), so `{}` decodes to
  /// `LayoutLMConfiguration()`. A 3-channel `image_feature_pool_shape` without a
  /// `layoutlab_visual_backbone` is the pooling stand-in of the HF fixtures.
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    func read<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
      try c.decodeIfPresent(T.self, forKey: key) ?? fallback
    }
    let d = Self.defaults(modelType: try read(.modelType, LayoutLMConfiguration().modelType))
    self = d
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
    numLabels = try read(.numLabels, id2label?.count ?? d.numLabels)
    coordinateSize = try read(.coordinateSize, d.coordinateSize)
    shapeSize = try read(.shapeSize, d.shapeSize)
    fastQKV = try read(.fastQKV, d.fastQKV)
    hasRelativeAttentionBias = try read(.hasRelativeAttentionBias, d.hasRelativeAttentionBias)
    hasSpatialAttentionBias = try read(.hasSpatialAttentionBias, d.hasSpatialAttentionBias)
    hasVisualSegmentEmbedding = try read(
      .hasVisualSegmentEmbedding, d.hasVisualSegmentEmbedding)
    relPosBins = try read(.relPosBins, d.relPosBins)
    maxRelPos = try read(.maxRelPos, d.maxRelPos)
    rel2DPosBins = try read(.rel2DPosBins, d.rel2DPosBins)
    maxRel2DPos = try read(.maxRel2DPos, d.maxRel2DPos)
    if let shape = try c.decodeIfPresent([Int].self, forKey: .imageFeaturePoolShape) {
      guard (2...3).contains(shape.count) else {
        throw ModelConfigurationError.invalid(
          field: "image_feature_pool_shape", expected: "[Gh, Gw, C] or [Gh, Gw]")
      }
      grid = try VisualGrid(Array(shape.prefix(2)))
      if shape.count == 3 { visualChannels = shape[2] }
    }
    visualTokens = try read(.visualTokens, d.visualTokens)
    visualBackbone = try read(.visualBackbone, visualChannels == 3 ? .pool : d.visualBackbone)
    resnet = try read(.resnet, d.resnet)
    spatialAnchor = try read(.spatialAnchor, d.spatialAnchor)
    layoutEmbedding = try read(.layoutEmbedding, d.layoutEmbedding)
    trainRelativeBiases = try read(.trainRelativeBiases, d.trainRelativeBiases)
    sequenceHead = try read(.sequenceHead, d.sequenceHead)
    questionMatch = try read(.questionMatch, d.questionMatch)
    positionInitialization = try read(.positionInitialization, d.positionInitialization)
    wordImageFeatures = try read(.wordImageFeatures, d.wordImageFeatures)
    try validate()
  }

  /// Writes every field (nil `architectures` and `id2label` are left out), `grid` and
  /// `visualChannels` as `image_feature_pool_shape` `[Gh, Gw, C]`.
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(modelType, forKey: .modelType)
    try c.encodeIfPresent(architectures, forKey: .architectures)
    try c.encode(vocabSize, forKey: .vocabSize)
    try c.encode(hiddenSize, forKey: .hiddenSize)
    try c.encode(numHiddenLayers, forKey: .numHiddenLayers)
    try c.encode(numAttentionHeads, forKey: .numAttentionHeads)
    try c.encode(intermediateSize, forKey: .intermediateSize)
    try c.encode(hiddenAct, forKey: .hiddenAct)
    try c.encode(hiddenDropoutProb, forKey: .hiddenDropoutProb)
    try c.encode(attentionProbsDropoutProb, forKey: .attentionProbsDropoutProb)
    try c.encode(maxPositionEmbeddings, forKey: .maxPositionEmbeddings)
    try c.encode(max2DPositionEmbeddings, forKey: .max2DPositionEmbeddings)
    try c.encode(typeVocabSize, forKey: .typeVocabSize)
    try c.encode(initializerRange, forKey: .initializerRange)
    try c.encode(layerNormEps, forKey: .layerNormEps)
    try c.encode(numLabels, forKey: .numLabels)
    try c.encodeIfPresent(id2label, forKey: .id2label)
    try c.encode(coordinateSize, forKey: .coordinateSize)
    try c.encode(shapeSize, forKey: .shapeSize)
    try c.encode(fastQKV, forKey: .fastQKV)
    try c.encode(hasRelativeAttentionBias, forKey: .hasRelativeAttentionBias)
    try c.encode(hasSpatialAttentionBias, forKey: .hasSpatialAttentionBias)
    try c.encode(hasVisualSegmentEmbedding, forKey: .hasVisualSegmentEmbedding)
    try c.encode(relPosBins, forKey: .relPosBins)
    try c.encode(maxRelPos, forKey: .maxRelPos)
    try c.encode(rel2DPosBins, forKey: .rel2DPosBins)
    try c.encode(maxRel2DPos, forKey: .maxRel2DPos)
    try c.encode(grid.sides + [visualChannels], forKey: .imageFeaturePoolShape)
    try c.encode(visualTokens, forKey: .visualTokens)
    try c.encode(visualBackbone, forKey: .visualBackbone)
    try c.encode(resnet, forKey: .resnet)
    try c.encode(spatialAnchor, forKey: .spatialAnchor)
    try c.encode(layoutEmbedding, forKey: .layoutEmbedding)
    try c.encode(trainRelativeBiases, forKey: .trainRelativeBiases)
    try c.encode(sequenceHead, forKey: .sequenceHead)
    try c.encode(questionMatch, forKey: .questionMatch)
    try c.encode(positionInitialization, forKey: .positionInitialization)
    try c.encode(wordImageFeatures, forKey: .wordImageFeatures)
  }

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
}
