// LayoutLab — model settings of a spec to a model configuration.

import Foundation
import LayoutData
import LayoutModels

extension ModelSettings {
  /// Applies the settings that shape a fresh head; these also apply to an `initFrom` model,
  /// whose encoder comes from its checkpoint.
  func applyHeadSettings(_ config: inout LayoutLMConfiguration) {
    if let sequenceHead {
      config.sequenceHead = SequenceHeadKind(rawValue: sequenceHead) ?? .meanVisual
    }
  }

  /// The model configuration these settings describe, for `labels` output classes.
  public func configuration(vocabularySize: Int, labels: Int) throws -> LayoutLMConfiguration {
    var config = try LayoutLMConfiguration.preset(preset, version: version)
    if let hiddenSize {
      config.hiddenSize = hiddenSize
      config.intermediateSize = 4 * hiddenSize
      config.coordinateSize = hiddenSize * 3 / 16
      config.shapeSize = (hiddenSize - 4 * config.coordinateSize) / 2
    }
    if let layers { config.numHiddenLayers = layers }
    if let heads { config.numAttentionHeads = heads }
    if let visualTokens { config.visualTokens = visualTokens }
    if let grid { config.imageFeaturePoolShape = [grid[0], grid[1], config.visualChannels] }
    if let backbone {
      config.visualBackbone = VisualBackboneKind(rawValue: backbone) ?? .resnet
      if config.visualBackbone == .pool {
        config.imageFeaturePoolShape = [config.gridHeight, config.gridWidth, 3]
      }
    }
    if let relativeBias1D { config.hasRelativeAttentionBias = relativeBias1D }
    if let spatialBias2D { config.hasSpatialAttentionBias = spatialBias2D }
    if let anchor { config.spatialAnchor = SpatialAnchor(rawValue: anchor) ?? .code }
    if let fastQKV { config.fastQKV = fastQKV }
    if let visualSegment { config.hasVisualSegmentEmbedding = visualSegment }
    if let layoutEmbedding {
      config.layoutEmbedding = LayoutEmbeddingStyle(rawValue: layoutEmbedding) ?? .summed
    }
    applyHeadSettings(&config)
    if let dropout {
      config.hiddenDropoutProb = Float(dropout)
      config.attentionProbsDropoutProb = Float(dropout)
    }
    config.vocabSize = vocabularySize
    config.numLabels = labels
    try config.validate()
    return config
  }
}

extension RunConfiguration {
  /// The run's vocabulary: the checkpoint's when `model.initFrom` has one (a pre-trained model
  /// fixes the token ids), else built from `trainWords` or read from `data.vocabulary`.
  func runVocabulary(trainWords: () -> [String]) throws -> WordPieceVocabulary {
    if let initFrom = model.initFrom {
      let url = URL(fileURLWithPath: initFrom).appendingPathComponent("vocab.txt")
      if FileManager.default.fileExists(atPath: url.path) {
        return try WordPieceVocabulary(file: url)
      }
    }
    if data.vocabulary == "build" {
      return VocabularyBuilder(vocabularySize: data.vocabularySize).build(from: trainWords())
    }
    return try WordPieceVocabulary(file: URL(fileURLWithPath: data.vocabulary))
  }

  /// The run's model with a fresh `task` head of `labels` classes: loaded from `model.initFrom`
  /// (its architecture wins; only head settings apply) or initialised from the settings.
  func makeModel(task: TaskKind, labels: Int, vocabularySize: Int, seed: Int) throws
    -> LayoutLMForTask
  {
    if let initFrom = model.initFrom {
      return try LayoutLMForTask.load(
        directory: URL(fileURLWithPath: initFrom), task: task, numLabels: labels,
        configure: { model.applyHeadSettings(&$0) }, seed: UInt64(seed)
      ).0
    }
    let config = try model.configuration(vocabularySize: vocabularySize, labels: labels)
    return LayoutLMForTask(config, task: task, seed: UInt64(seed))
  }
}
