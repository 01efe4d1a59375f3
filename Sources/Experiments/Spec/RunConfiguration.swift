// LayoutLab — the fully resolved settings of one run: model, data, fine-tuning.

import JSONValues
import Training

/// Model settings: a size preset and version, plus individual switches that override them.
public struct ModelSettings: Codable, Hashable, Sendable {
  /// `tiny`, `small` or `base`.
  public var preset: String = "small"
  /// `v1` or `v2`.
  public var version: String = "v2"
  public var hiddenSize: Int?
  public var layers: Int?
  public var heads: Int?
  public var visualTokens: Bool?
  /// Grid `[Gh, Gw]`.
  public var grid: [Int]?
  public var backbone: String?
  public var relativeBias1D: Bool?
  public var spatialBias2D: Bool?
  public var anchor: String?
  public var fastQKV: Bool?
  public var visualSegment: Bool?
  public var layoutEmbedding: String?
  public var dropout: Double?
  /// v2 sequence head: `mean-visual` (HF) or `grid-visual`; applies to `initFrom` models too.
  public var sequenceHead: String?
  /// A checkpoint directory to start from (`config.json` + `model.safetensors`).
  public var initFrom: String?
}

/// Data settings.
public struct DataSettings: Codable, Hashable, Sendable {
  /// `synthetic-forms` (generated into a cache) or `funsd` (a FUNSD-format folder).
  public var source: String = "synthetic-forms"
  /// FUNSD root holding `training_data/` (and optionally `testing_data/`).
  public var root: String?
  /// A FUNSD-format folder to test on instead of `<root>/testing_data`.
  public var test: String?
  /// Synthetic documents to generate, and the generator seed.
  public var documents: Int = 240
  public var generatorSeed: Int = 1
  /// Put unseen templates in the synthetic test split.
  public var templateHoldout: Bool = true
  /// Dev split: every `devEvery`-th training form (index % devEvery == devEvery − 1).
  public var devEvery: Int = 5
  /// Train on only the first this many training documents (dev and test unchanged), for
  /// label-efficiency curves; nil: all. Stored only when set, so other runs keep their hash.
  public var trainDocuments: Int?
  /// `synthetic-classify`: pages whose non-cue parts are neutral instead of decoys; nil: decoys.
  public var neutralParts: Bool?
  /// Tokens per window, and the overlap between windows (0: none).
  public var maxLength: Int = 256
  public var stride: Int = 0
  /// `build` (learn a WordPiece vocabulary from the training words) or a `vocab.txt` path.
  public var vocabulary: String = "build"
  /// Size of a built vocabulary.
  public var vocabularySize: Int = 4000
}

/// Fine-tuning hyper-parameters.
public struct TrainingSettings: Codable, Hashable, Sendable {
  public var epochs: Int = 10
  public var batchSize: Int = 8
  public var learningRate: Double = 5e-4
  public var warmupRatio: Double = 0.1
  public var weightDecay: Double = 0.01
  public var maxGradNorm: Double = 1.0
  /// Evaluate on dev every this many epochs.
  public var evalEveryEpochs: Int = 1
  /// `false`: train only the task head (a linear probe of the encoder); nil: train everything.
  /// Stored only when false, so other runs keep their configuration hash.
  public var trainEncoder: Bool?
  /// Head-only epochs before fine-tuning (LP-FT) and their learning rate; nil: none.
  public var probeEpochs: Int?
  public var probeLearningRate: Double?
}

/// Everything one run needs, after variants and overrides are applied.
public struct RunConfiguration: Codable, Hashable, Sendable {
  public var model = ModelSettings()
  public var data = DataSettings()
  public var training = TrainingSettings()
  /// `entities` (token classification, entity F1) or `classification` (documents, accuracy).
  public var task = "entities"

  /// Creates the defaults.
  public init() {}

  enum CodingKeys: String, CodingKey { case model, data, training, task }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    model = try c.decode(ModelSettings.self, forKey: .model)
    data = try c.decode(DataSettings.self, forKey: .data)
    training = try c.decode(TrainingSettings.self, forKey: .training)
    task = try c.decodeIfPresent(String.self, forKey: .task) ?? "entities"
  }

  /// `task` is written only when it is not the default, so entity runs keep their
  /// configuration hash (and stay cached) across versions.
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(model, forKey: .model)
    try c.encode(data, forKey: .data)
    try c.encode(training, forKey: .training)
    if task != "entities" { try c.encode(task, forKey: .task) }
  }
}

extension RunConfiguration {
  /// Reads a configuration object strictly (unknown keys and wrong types are errors).
  static func read(_ value: JSONValue, file: String, path: String) throws -> RunConfiguration {
    var reader = try SpecReader(file: file, path: path, value: value)
    var result = RunConfiguration()
    result.task = try reader.choice("task", ["entities", "classification"], default: "entities")

    var m = try reader.object("model")
    result.model.preset = try m.choice("preset", ["tiny", "small", "base"], default: "small")
    result.model.version = try m.choice("version", ["v1", "v2"], default: "v2")
    result.model.hiddenSize = try m.optionalInt("hiddenSize", range: 8...4096)
    result.model.layers = try m.optionalInt("layers", range: 1...48)
    result.model.heads = try m.optionalInt("heads", range: 1...64)
    result.model.visualTokens = try m.optionalBool("visualTokens")
    if m.has("grid") {
      let grid = try m.intArray("grid", default: [7, 7])
      guard grid.count == 2, grid.allSatisfy({ (1...14).contains($0) }) else {
        throw SpecError.invalidValue(
          file: file, path: m.keyPath("grid"), expected: "[Gh, Gw] with each in 1...14")
      }
      result.model.grid = grid
    } else {
      _ = m.raw("grid")
    }
    result.model.backbone = try m.optionalChoice("backbone", ["resnet", "pool"])
    result.model.relativeBias1D = try m.optionalBool("relativeBias1D")
    result.model.spatialBias2D = try m.optionalBool("spatialBias2D")
    result.model.anchor = try m.optionalChoice("anchor", ["code", "paper"])
    result.model.fastQKV = try m.optionalBool("fastQKV")
    result.model.visualSegment = try m.optionalBool("visualSegment")
    result.model.layoutEmbedding = try m.optionalChoice(
      "layoutEmbedding", ["summed", "concatenated"])
    result.model.dropout = try m.optionalDouble("dropout", range: 0...0.9)
    result.model.sequenceHead = try m.optionalChoice(
      "sequenceHead", ["mean-visual", "grid-visual"])
    result.model.initFrom = try m.optionalString("initFrom")
    try m.finish()

    var d = try reader.object("data")
    result.data.source = try d.choice(
      "source", ["synthetic-forms", "synthetic-classify", "funsd"], default: "synthetic-forms")
    result.data.root = try d.optionalString("root")
    result.data.test = try d.optionalString("test")
    result.data.documents = try d.int("documents", default: 240, range: 10...100_000)
    result.data.generatorSeed = try d.int("generatorSeed", default: 1, range: 0...Int(Int32.max))
    result.data.templateHoldout = try d.bool("templateHoldout", default: true)
    result.data.devEvery = try d.int("devEvery", default: 5, range: 2...100)
    let trainDocuments = try d.int("trainDocuments", default: 0, range: 0...1_000_000)
    result.data.trainDocuments = trainDocuments == 0 ? nil : trainDocuments
    result.data.neutralParts = try d.bool("neutralParts", default: false) ? true : nil
    result.data.maxLength = try d.int("maxLength", default: 256, range: 16...512)
    result.data.stride = try d.int("stride", default: 0, range: 0...256)
    result.data.vocabulary = try d.string("vocabulary", default: "build")
    result.data.vocabularySize = try d.int("vocabularySize", default: 4000, range: 100...100_000)
    try d.finish()

    var t = try reader.object("training")
    result.training.epochs = try t.int("epochs", default: 10, range: 1...1000)
    result.training.batchSize = try t.int("batchSize", default: 8, range: 1...256)
    result.training.learningRate = try t.double("learningRate", default: 5e-4, range: 1e-7...1)
    result.training.warmupRatio = try t.double("warmupRatio", default: 0.1, range: 0...1)
    result.training.weightDecay = try t.double("weightDecay", default: 0.01, range: 0...1)
    result.training.maxGradNorm = try t.double("maxGradNorm", default: 1.0, range: 0...1000)
    result.training.evalEveryEpochs = try t.int("evalEveryEpochs", default: 1, range: 1...1000)
    result.training.trainEncoder = try t.bool("trainEncoder", default: true) ? nil : false
    let probeEpochs = try t.int("probeEpochs", default: 0, range: 0...1000)
    result.training.probeEpochs = probeEpochs == 0 ? nil : probeEpochs
    let probeRate = try t.double("probeLearningRate", default: 1e-2, range: 1e-7...1)
    result.training.probeLearningRate = probeEpochs == 0 ? nil : probeRate
    try t.finish()
    try reader.finish()
    if result.data.source == "funsd" && result.data.root == nil {
      throw SpecError.missingKey(file: file, path: path + ".data.root")
    }
    return result
  }
}

extension TrainingSettings {
  /// The fine-tuning options these settings describe, seeded with `seed`.
  func fineTuningOptions(seed: Int) -> FineTuningOptions {
    var options = FineTuningOptions()
    options.epochs = epochs
    options.batchSize = batchSize
    options.learningRate = Float(learningRate)
    options.warmupRatio = Float(warmupRatio)
    options.weightDecay = Float(weightDecay)
    options.maxGradNorm = Float(maxGradNorm)
    options.evalEveryEpochs = evalEveryEpochs
    options.trainEncoder = trainEncoder ?? true
    options.probeEpochs = probeEpochs ?? 0
    options.probeLearningRate = Float(probeLearningRate ?? 1e-2)
    options.seed = UInt64(seed)
    return options
  }
}
