// LayoutLab — the settings of a pre-training run, read like a spec: `model` plus `pretraining`.

import Foundation
import JSONValues
import LayoutModels
import Training

/// Everything a pre-training run uses. As a tree: `{ model: {…}, pretraining: {…} }`, where
/// `model` is the same section a spec has (`ModelSettings`) and `pretraining` holds the task
/// options, the optimiser and the corpus split. `layoutlab pretrain --set key.path=value` edits
/// this tree with the grammar `run` uses; keys without a `model.` or `pretraining.` prefix are
/// relative to `pretraining` (`--set maskRate=0.2`).
public struct PretrainSettings: Codable, Hashable, Sendable {
  public var model = ModelSettings()
  /// The task options (rates, fills, weights, switches); v1 defaults to MVLM alone.
  public var tasks = PretrainingOptions()
  /// Steps, batch, optimiser and checkpoint settings.
  public var run = PretrainingRunOptions()
  /// Size of the WordPiece vocabulary learned from the training pages.
  public var vocabularySize = 8000
  /// Every this-many-th page of the corpus is held out for evaluation.
  public var heldOutEvery = 10

  /// Creates the defaults.
  public init() {}

  /// The top-level sections of the settings tree.
  static let sections = ["model", "pretraining"]

  /// Reads settings from a tree (an optional JSON5 file's contents with `overrides` applied).
  public static func read(_ tree: JSONValue, file: String) throws -> PretrainSettings {
    var reader = try SpecReader(file: file, path: "", value: tree)
    var result = PretrainSettings()
    var model = try reader.object("model")
    result.model = try ModelSettings.read(&model)
    var p = try reader.object("pretraining")
    try result.readPretraining(&p)
    try reader.finish()
    return result
  }

  /// Loads settings: the JSON5 file at `url` (if any), then each `key.path=value` override.
  public static func load(contentsOf url: URL?, overrides: [String]) throws -> PretrainSettings {
    var tree = JSONValue.object([])
    var file = "--set"
    if let url {
      file = url.path
      let data: Data
      do { data = try Data(contentsOf: url) } catch {
        throw SpecError.unreadable(file: file, reason: "no such file or unreadable")
      }
      do { tree = try JSONValue.parseJSON5(data) } catch {
        throw SpecError.syntax(file: file, reason: "\(error)")
      }
    }
    for text in overrides {
      tree = try applyOverride(text, to: tree, topLevel: sections, defaultSection: "pretraining")
    }
    return try read(tree, file: file)
  }

  /// Reads the `pretraining` object. `tasks` (a spec's `tasks: [...]` list), when given,
  /// replaces the `mvlm`, `tia` and `tim` switches.
  mutating func readPretraining(_ p: inout SpecReader, tasks taskList: [String]? = nil) throws {
    let v1 = model.version == .v1
    let d = v1 ? PretrainingOptions.v1 : PretrainingOptions()
    func rate(_ key: String, _ fallback: Double) throws -> Double {
      try p.double(key, default: fallback, range: 0...1)
    }
    func float(_ key: String, _ fallback: Float, _ range: ClosedRange<Double>) throws -> Float {
      Float(try p.double(key, default: Double(fallback), range: range))
    }
    if let taskList {
      tasks.mvlm = taskList.contains("mvlm")
      tasks.tia = taskList.contains("tia")
      tasks.tim = taskList.contains("tim")
    } else {
      tasks.mvlm = try p.bool("mvlm", default: d.mvlm)
      tasks.tia = try p.bool("tia", default: d.tia)
      tasks.tim = try p.bool("tim", default: d.tim)
    }
    if v1 && (tasks.tia || tasks.tim) {
      throw SpecError.invalidValue(
        file: p.file, path: p.keyPath(taskList != nil ? "tasks" : tasks.tia ? "tia" : "tim"),
        expected: taskList != nil
          ? "['mvlm'] for model.version v1 (no image: MVLM only)"
          : "false for model.version v1 (no image: MVLM only)")
    }
    if !(tasks.mvlm || tasks.tia || tasks.tim) {
      throw SpecError.invalidValue(
        file: p.file, path: p.keyPath("mvlm"), expected: "true for at least one of mvlm, tia, tim")
    }
    tasks.maskRate = try rate("maskRate", d.maskRate)
    tasks.maskTokenShare = try rate("maskTokenShare", d.maskTokenShare)
    tasks.randomTokenShare = try rate("randomTokenShare", d.randomTokenShare)
    tasks.paintMaskedRegions = try p.bool("paintMaskedRegions", default: d.paintMaskedRegions)
    tasks.tiaLineRate = try rate("tiaLineRate", d.tiaLineRate)
    tasks.coverFill = try float("coverFill", d.coverFill, 0...255)
    tasks.maskedRegionFill = try float("maskedRegionFill", d.maskedRegionFill, 0...255)
    tasks.tiaPositiveWeight = try float("tiaPositiveWeight", d.tiaPositiveWeight, 1e-6...1000)
    tasks.timReplaceRate = try rate("timReplaceRate", d.timReplaceRate)
    tasks.timDropRate = try rate("timDropRate", d.timDropRate)
    tasks.missingImage = try p.choice("missingImage", default: d.missingImage)
    tasks.negativePageTIA = try p.choice("negativePageTIA", default: d.negativePageTIA)
    tasks.mvlmWeight = try float("mvlmWeight", d.mvlmWeight, 0...1000)
    tasks.tiaWeight = try float("tiaWeight", d.tiaWeight, 0...1000)
    tasks.timWeight = try float("timWeight", d.timWeight, 0...1000)
    let r = PretrainingRunOptions()
    run.steps = try p.int("steps", default: r.steps, range: 1...10_000_000)
    run.batchSize = try p.int("batchSize", default: r.batchSize, range: 1...256)
    run.sequenceLength = try p.int("sequenceLength", default: r.sequenceLength, range: 16...512)
    run.learningRate = try float("learningRate", r.learningRate, 1e-7...1)
    run.warmupRatio = try float("warmupRatio", r.warmupRatio, 0...1)
    run.weightDecay = try float("weightDecay", r.weightDecay, 0...1)
    run.maxGradNorm = try float("maxGradNorm", r.maxGradNorm, 0...1000)
    run.checkpointEvery = try p.int(
      "checkpointEvery", default: r.checkpointEvery, range: 0...10_000_000)
    run.seed = UInt64(try p.int("seed", default: Int(r.seed), range: 0...Int(Int32.max)))
    let defaults = PretrainSettings()
    vocabularySize = try p.int(
      "vocabularySize", default: defaults.vocabularySize, range: 100...100_000)
    heldOutEvery = try p.int("heldOutEvery", default: defaults.heldOutEvery, range: 2...1000)
    // A model key under `pretraining` (the old `--set grid=4`) points at its section.
    var probe = try SpecReader(file: p.file, path: "model", value: .object([]))
    _ = try ModelSettings.read(&probe)
    for key in p.unreadKeys where probe.known.contains(key) {
      throw SpecError.unknownKey(file: p.file, path: p.keyPath(key), suggestion: "model." + key)
    }
    try p.finish()
  }

  /// The model configuration to pre-train: the model settings' one translation, with room for
  /// `run.sequenceLength` positions.
  public func modelConfiguration(vocabularySize: Int) throws -> LayoutLMConfiguration {
    var config = try model.configuration(vocabularySize: vocabularySize, labels: 2)
    config.maxPositionEmbeddings = max(config.maxPositionEmbeddings, run.sequenceLength)
    try config.validate()
    return config
  }
}
