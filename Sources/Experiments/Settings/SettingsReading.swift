// LayoutLab — strict reading of the settings sections: one check per field, with its key path.
//
// Every default comes from the property's own initial value (`let defaults = T()`); this file
// only says which values are allowed.

import JSONValues
import LayoutModels
import Tasks
import Training

extension RunConfiguration {
  /// Reads a configuration object strictly (unknown keys and wrong types are errors).
  static func read(_ value: JSONValue, file: String, path: String) throws -> RunConfiguration {
    var reader = try SpecReader(file: file, path: path, value: value)
    var result = RunConfiguration()
    result.task = try reader.choice("task", default: result.task)
    var model = try reader.object("model")
    result.model = try ModelSettings.read(&model)
    var data = try reader.object("data")
    result.data = try DataSettings.read(&data)
    var training = try reader.object("training")
    result.training = try FineTuningOptions.read(&training)
    if reader.has("qa") {
      var qa = try reader.object("qa")
      result.qa = try QAOptions.read(&qa)
    }
    if reader.has("pretraining") {
      var pretraining = try reader.object("pretraining")
      result.pretraining = try PretrainingSection.read(&pretraining, model: result.model)
    }
    try reader.finish()
    if [.funsd, .rvlcdip, .docvqa].contains(result.data.source) && result.data.root == nil {
      throw SpecError.missingKey(file: file, path: data.keyPath("root"))
    }
    let qaSources: [DataSource] = [.syntheticQA, .docvqa]
    if (result.task == .qa) != qaSources.contains(result.data.source) {
      throw SpecError.invalidValue(
        file: file, path: data.keyPath("source"),
        expected: result.task == .qa
          ? "'synthetic-qa' or 'docvqa' for task 'qa'"
          : "a source other than 'synthetic-qa' or 'docvqa' (those need task 'qa')")
    }
    try result.checkWindow(file: file, data: data)
    return result
  }
}

extension RunConfiguration {
  /// The encoders' window rules, checked when the spec is read so that a bad value names its
  /// key before any run starts: a QA window holds `[CLS]`, up to `qa.maxQuestionLength`
  /// question pieces, `[SEP]`, page pieces and `[SEP]`; windows overlap by fewer pieces than
  /// the page part holds.
  fileprivate func checkWindow(file: String, data: SpecReader) throws {
    let reserved = task == .qa ? qa.maxQuestionLength + 3 : 2
    if self.data.maxLength <= reserved {
      throw SpecError.invalidValue(
        file: file, path: data.keyPath("maxLength"),
        expected: "more than \(reserved) (room for page pieces after the question and separators)")
    }
    if self.data.stride >= self.data.maxLength - reserved {
      throw SpecError.invalidValue(
        file: file, path: data.keyPath("stride"),
        expected: "0..<\(self.data.maxLength - reserved) (data.maxLength − \(reserved) "
          + (task == .qa ? "for the question and separators)" : "for the separators)"))
    }
  }
}

extension ModelSettings {
  /// Reads a `model` object.
  static func read(_ m: inout SpecReader) throws -> ModelSettings {
    var result = ModelSettings()
    result.preset = try m.choice("preset", default: result.preset)
    result.version = try m.choice("version", default: result.version)
    result.hiddenSize = try m.optionalInt("hiddenSize", range: 8...4096)
    result.layers = try m.optionalInt("layers", range: 1...48)
    result.heads = try m.optionalInt("heads", range: 1...64)
    result.visualTokens = try m.optionalBool("visualTokens")
    if m.has("grid") {
      let sides = try m.intArray("grid", default: [])
      do { result.grid = try VisualGrid(sides) } catch {
        throw SpecError.invalidValue(
          file: m.file, path: m.keyPath("grid"), expected: VisualGrid.requirement)
      }
    } else {
      _ = m.raw("grid")
    }
    result.backbone = try m.optionalChoice("backbone", as: VisualBackboneKind.self)
    result.relativeBias1D = try m.optionalBool("relativeBias1D")
    result.spatialBias2D = try m.optionalBool("spatialBias2D")
    result.anchor = try m.optionalChoice("anchor", as: SpatialAnchor.self)
    result.fastQKV = try m.optionalBool("fastQKV")
    result.visualSegment = try m.optionalBool("visualSegment")
    result.questionMatch = try m.optionalBool("questionMatch")
    result.positionInit = try m.optionalChoice("positionInit", as: PositionInitialization.self)
    result.layoutEmbedding = try m.optionalChoice("layoutEmbedding", as: LayoutEmbeddingStyle.self)
    result.dropout = try m.optionalDouble("dropout", range: 0...0.9)
    result.sequenceHead = try m.optionalChoice("sequenceHead", as: SequenceHeadKind.self)
    result.wordImageFeatures = try m.optionalBool("wordImageFeatures")
    result.initFrom = try m.optionalString("initFrom")
    try m.finish()
    return result
  }
}

extension DataSettings {
  /// Reads a `data` object.
  static func read(_ d: inout SpecReader) throws -> DataSettings {
    let defaults = DataSettings()
    var result = DataSettings()
    result.source = try d.choice("source", default: defaults.source)
    result.root = try d.optionalString("root")
    result.test = try d.optionalString("test")
    result.ocr = try d.optionalString("ocr")
    result.documents = try d.int("documents", default: defaults.documents, range: 10...100_000)
    result.generatorSeed = try d.int(
      "generatorSeed", default: defaults.generatorSeed, range: 0...Int(Int32.max))
    result.templateHoldout = try d.bool("templateHoldout", default: defaults.templateHoldout)
    result.devEvery = try d.int("devEvery", default: defaults.devEvery, range: 2...100)
    // Stored only when set (0 and false mean "not set"), so other runs keep their hash.
    let trainDocuments = try d.int("trainDocuments", default: 0, range: 0...1_000_000)
    result.trainDocuments = trainDocuments == 0 ? nil : trainDocuments
    result.neutralParts = try d.bool("neutralParts", default: false) ? true : nil
    result.perClass = try d.optionalInt("perClass", range: 1...1_000_000)
    result.maxLength = try d.int("maxLength", default: defaults.maxLength, range: 16...512)
    result.stride = try d.int("stride", default: defaults.stride, range: 0...256)
    result.vocabulary = try d.string("vocabulary", default: defaults.vocabulary)
    result.vocabularySize = try d.int(
      "vocabularySize", default: defaults.vocabularySize, range: 100...100_000)
    try d.finish()
    return result
  }
}

extension QAOptions {
  /// Reads a `qa` object.
  static func read(_ q: inout SpecReader) throws -> QAOptions {
    let defaults = QAOptions()
    var result = QAOptions()
    result.maxQuestionLength = try q.int(
      "maxQuestionLength", default: defaults.maxQuestionLength, range: 1...256)
    result.maxAnswerEditRatio = try q.double(
      "maxAnswerEditRatio", default: defaults.maxAnswerEditRatio, range: 0...0.5)
    result.nBest = try q.int("nBest", default: defaults.nBest, range: 1...100)
    result.maxAnswerTokens = try q.int(
      "maxAnswerTokens", default: defaults.maxAnswerTokens, range: 1...512)
    result.clsFallback = try q.bool("clsFallback", default: defaults.clsFallback)
    try q.finish()
    return result
  }
}

extension FineTuningOptions {
  /// Reads a `training` object.
  static func read(_ t: inout SpecReader) throws -> FineTuningOptions {
    let defaults = FineTuningOptions()
    var result = FineTuningOptions()
    func rate(_ key: String, _ fallback: Float, _ range: ClosedRange<Double>) throws -> Float {
      Float(try t.double(key, default: Double(fallback), range: range))
    }
    result.epochs = try t.int("epochs", default: defaults.epochs, range: 1...1000)
    result.batchSize = try t.int("batchSize", default: defaults.batchSize, range: 1...256)
    result.learningRate = try rate("learningRate", defaults.learningRate, 1e-7...1)
    result.warmupRatio = try rate("warmupRatio", defaults.warmupRatio, 0...1)
    result.weightDecay = try rate("weightDecay", defaults.weightDecay, 0...1)
    result.maxGradNorm = try rate("maxGradNorm", defaults.maxGradNorm, 0...1000)
    result.evalEveryEpochs = try t.int(
      "evalEveryEpochs", default: defaults.evalEveryEpochs, range: 1...1000)
    result.trainEncoder = try t.bool("trainEncoder", default: defaults.trainEncoder)
    result.probeEpochs = try t.int("probeEpochs", default: defaults.probeEpochs, range: 0...1000)
    result.probeLearningRate = try rate("probeLearningRate", defaults.probeLearningRate, 1e-7...1)
    result.maxSteps = try t.optionalInt("maxSteps", range: 1...100_000_000)
    result.batchByPage = try t.bool("batchByPage", default: defaults.batchByPage)
    try t.finish()
    return result
  }
}
