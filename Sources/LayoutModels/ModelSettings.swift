// LayoutLab — a spec's `model` section and its one translation into a model configuration.

import Foundation

/// Model settings: a size preset and a version, plus switches that override them. Every
/// switch is optional: nil keeps what the preset (or an `initFrom` checkpoint) has.
///
/// `configuration(vocabularySize:labels:)` is the only place that turns settings into a
/// `LayoutLMConfiguration`; `run`, `pretrain` and the benchmarks all go through it. The
/// encoded form (keys, omitted nils) is part of each run's configuration hash: keep it stable.
public struct ModelSettings: Codable, Hashable, Sendable {
  public var preset: ModelPreset = .small
  public var version: ModelVersion = .v2
  public var hiddenSize: Int?
  public var layers: Int?
  public var heads: Int?
  public var visualTokens: Bool?
  /// The visual grid Gh × Gw; encoded as `[Gh, Gw]`.
  public var grid: VisualGrid?
  public var backbone: VisualBackboneKind?
  public var relativeBias1D: Bool?
  public var spatialBias2D: Bool?
  public var anchor: SpatialAnchor?
  public var fastQKV: Bool?
  public var visualSegment: Bool?
  public var layoutEmbedding: LayoutEmbeddingStyle?
  /// Hidden and attention-probability dropout.
  public var dropout: Double?
  /// The question-match embedding of extractive QA (`LayoutLMConfiguration.questionMatch`).
  public var questionMatch: Bool?
  /// How the position tables start (`LayoutLMConfiguration.positionInitialization`).
  public var positionInit: PositionInitialization?
  /// The v2 sequence head; a head setting, so it applies to `initFrom` models too.
  public var sequenceHead: SequenceHeadKind?
  /// LayoutLM v1's word-region image features (`LayoutLMConfiguration.wordImageFeatures`); a
  /// head setting: fresh at fine-tuning, on top of a pre-trained checkpoint too.
  public var wordImageFeatures: Bool?
  /// A checkpoint directory to start from (`config.json` + `model.safetensors`), relative to
  /// the repository or absolute. Its architecture wins; only head settings apply on top.
  public var initFrom: String?

  /// Creates the defaults (small v2).
  public init() {}

  /// Reads the encoded form; a missing `preset` or `version` keeps its default, so `{}` decodes
  /// to `ModelSettings()`. (Encoding is synthesized: every key, nils left out.)
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    preset = try c.decodeIfPresent(ModelPreset.self, forKey: .preset) ?? preset
    version = try c.decodeIfPresent(ModelVersion.self, forKey: .version) ?? version
    hiddenSize = try c.decodeIfPresent(Int.self, forKey: .hiddenSize)
    layers = try c.decodeIfPresent(Int.self, forKey: .layers)
    heads = try c.decodeIfPresent(Int.self, forKey: .heads)
    visualTokens = try c.decodeIfPresent(Bool.self, forKey: .visualTokens)
    grid = try c.decodeIfPresent(VisualGrid.self, forKey: .grid)
    backbone = try c.decodeIfPresent(VisualBackboneKind.self, forKey: .backbone)
    relativeBias1D = try c.decodeIfPresent(Bool.self, forKey: .relativeBias1D)
    spatialBias2D = try c.decodeIfPresent(Bool.self, forKey: .spatialBias2D)
    anchor = try c.decodeIfPresent(SpatialAnchor.self, forKey: .anchor)
    fastQKV = try c.decodeIfPresent(Bool.self, forKey: .fastQKV)
    visualSegment = try c.decodeIfPresent(Bool.self, forKey: .visualSegment)
    layoutEmbedding = try c.decodeIfPresent(LayoutEmbeddingStyle.self, forKey: .layoutEmbedding)
    dropout = try c.decodeIfPresent(Double.self, forKey: .dropout)
    questionMatch = try c.decodeIfPresent(Bool.self, forKey: .questionMatch)
    positionInit = try c.decodeIfPresent(PositionInitialization.self, forKey: .positionInit)
    sequenceHead = try c.decodeIfPresent(SequenceHeadKind.self, forKey: .sequenceHead)
    wordImageFeatures = try c.decodeIfPresent(Bool.self, forKey: .wordImageFeatures)
    initFrom = try c.decodeIfPresent(String.self, forKey: .initFrom)
  }

  /// The model configuration these settings describe, for `labels` output classes.
  public func configuration(vocabularySize: Int, labels: Int) throws -> LayoutLMConfiguration {
    var config = LayoutLMConfiguration.preset(preset, version: version)
    for edit in architectureEdits { edit.apply(&config) }
    applyHeadSettings(&config)
    config.vocabSize = vocabularySize
    config.numLabels = labels
    try config.validate()
    return config
  }

  /// Applies the settings that shape a fresh head (they also apply to an `initFrom` model).
  public func applyHeadSettings(_ config: inout LayoutLMConfiguration) {
    if let sequenceHead { config.sequenceHead = sequenceHead }
    if let wordImageFeatures { config.wordImageFeatures = wordImageFeatures }
  }

  /// The architecture settings given here that disagree with `checkpoint` (the configuration
  /// an `initFrom` model brings), each as `model.key`, the spec's value and the checkpoint's.
  public func conflicts(with checkpoint: LayoutLMConfiguration) -> [ModelSettingConflict] {
    var found: [ModelSettingConflict] = []
    if checkpoint.version != version {
      found.append(
        ModelSettingConflict(
          key: "model.version", specValue: version.rawValue,
          checkpointValue: checkpoint.version.rawValue))
    }
    for edit in architectureEdits {
      var edited = checkpoint
      edit.apply(&edited)
      let (mine, theirs) = (edit.value(edited), edit.value(checkpoint))
      if mine != theirs {
        found.append(
          ModelSettingConflict(key: "model." + edit.key, specValue: mine, checkpointValue: theirs))
      }
    }
    return found
  }

  /// One architecture setting that is set: its key, how it changes a configuration, and the
  /// configuration field it decides (for conflict messages).
  struct ArchitectureEdit {
    var key: String
    var apply: (inout LayoutLMConfiguration) -> Void
    var value: (LayoutLMConfiguration) -> String
  }

  /// The architecture settings that are set, in the order they apply.
  var architectureEdits: [ArchitectureEdit] {
    var edits: [ArchitectureEdit] = []
    func add<T>(
      _ key: String, _ setting: T?, _ field: WritableKeyPath<LayoutLMConfiguration, T>
    ) {
      guard let setting else { return }
      edits.append(
        ArchitectureEdit(
          key: key, apply: { $0[keyPath: field] = setting },
          value: { "\($0[keyPath: field])" }))
    }
    if let hiddenSize {
      edits.append(
        ArchitectureEdit(
          key: "hiddenSize", apply: { $0.setHiddenSize(hiddenSize) },
          value: { "\($0.hiddenSize)" }))
    }
    add("layers", layers, \.numHiddenLayers)
    add("heads", heads, \.numAttentionHeads)
    add("visualTokens", visualTokens, \.visualTokens)
    add("grid", grid, \.grid)
    if let backbone {
      edits.append(
        ArchitectureEdit(
          key: "backbone",
          apply: {
            $0.visualBackbone = backbone
            // The pool stand-in has no CNN: its features are the image's 3 channels.
            if backbone == .pool { $0.visualChannels = 3 }
          }, value: { $0.visualBackbone.rawValue }))
    }
    add("relativeBias1D", relativeBias1D, \.hasRelativeAttentionBias)
    add("spatialBias2D", spatialBias2D, \.hasSpatialAttentionBias)
    add("anchor", anchor, \.spatialAnchor)
    add("fastQKV", fastQKV, \.fastQKV)
    add("visualSegment", visualSegment, \.hasVisualSegmentEmbedding)
    add("layoutEmbedding", layoutEmbedding, \.layoutEmbedding)
    add("questionMatch", questionMatch, \.questionMatch)
    add("positionInit", positionInit, \.positionInitialization)
    if let dropout {
      edits.append(
        ArchitectureEdit(
          key: "dropout",
          apply: {
            $0.hiddenDropoutProb = Float(dropout)
            $0.attentionProbsDropoutProb = Float(dropout)
          }, value: { "\($0.hiddenDropoutProb)" }))
    }
    return edits
  }
}

/// An architecture setting given beside `initFrom` that the checkpoint does not have.
public struct ModelSettingConflict: Hashable, Sendable, CustomStringConvertible {
  /// The spec key, e.g. `model.layers`.
  public var key: String
  public var specValue: String
  public var checkpointValue: String

  public var description: String {
    "\(key) is \(specValue) but the checkpoint has \(checkpointValue)"
  }
}
