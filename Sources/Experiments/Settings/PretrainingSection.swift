// LayoutLab — a spec's `pretraining` section: pre-training as a cached stage of the run.

import Foundation
import JSONValues
import LayoutModels
import Training

/// One corpus a spec pre-trains on: a folder (a synthetic dataset or a FUNSD folder, relative
/// to the repository or absolute) or a synthetic corpus generated as its own cached stage.
///
/// In a spec: `'../shared/data/funsd'` or `{ synthetic: 1500, seed: 11 }`.
public enum CorpusSource: Codable, Hashable, Sendable {
  case folder(String)
  case synthetic(documents: Int, seed: Int)

  enum CodingKeys: String, CodingKey { case synthetic, seed }

  public init(from decoder: Decoder) throws {
    if let folder = try? decoder.singleValueContainer().decode(String.self) {
      self = .folder(folder)
      return
    }
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self = .synthetic(
      documents: try c.decode(Int.self, forKey: .synthetic),
      seed: try c.decode(Int.self, forKey: .seed))
  }

  public func encode(to encoder: Encoder) throws {
    switch self {
    case .folder(let path):
      var c = encoder.singleValueContainer()
      try c.encode(path)
    case .synthetic(let documents, let seed):
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(documents, forKey: .synthetic)
      try c.encode(seed, forKey: .seed)
    }
  }

  /// A short label for plans and reports: the folder, or `synthetic 1500 (seed 11)`.
  public var label: String {
    switch self {
    case .folder(let path): return path
    case .synthetic(let documents, let seed): return "synthetic \(documents) (seed \(seed))"
    }
  }
}

/// The pre-training stage a run starts from: corpora plus every option `layoutlab pretrain`
/// has (same names, same defaults). The model is the run's own `model` section (architecture
/// only: head settings and `initFrom` do not apply), so cells that share model and pre-training
/// settings share one stage.
///
/// In a spec: `pretraining: { corpus: [...], tasks: ['mvlm', 'tia'], steps: 3000, … }`;
/// `tasks: []` means no pre-training (the run starts from random initialisation).
public struct PretrainingSection: Codable, Hashable, Sendable {
  /// The corpora, read in order.
  public var corpus: [CorpusSource] = [.synthetic(documents: 1500, seed: 11)]
  /// The model, task, optimiser and vocabulary settings of the stage.
  public var settings = PretrainSettings()

  /// Creates the defaults.
  public init() {}

  /// The pre-training tasks, in the order mvlm, tia, tim.
  public var taskNames: [String] {
    [
      settings.tasks.mvlm ? "mvlm" : nil, settings.tasks.tia ? "tia" : nil,
      settings.tasks.tim ? "tim" : nil,
    ].compactMap { $0 }
  }
}

extension PretrainingSection {
  /// Reads a run configuration's `pretraining` object for a run whose model is `model`; nil
  /// when its `tasks` list is empty (no pre-training).
  static func read(_ p: inout SpecReader, model: ModelSettings) throws -> PretrainingSection? {
    guard model.initFrom == nil else {
      throw SpecError.invalidValue(
        file: p.file, path: p.path,
        expected: "no model.initFrom beside a pretraining section (the stage makes the checkpoint)")
    }
    var result = PretrainingSection()
    if let value = p.raw("corpus") {
      guard case .array(let items) = value, !items.isEmpty else {
        throw SpecError.wrongType(
          file: p.file, path: p.keyPath("corpus"), expected: "a non-empty array of corpora",
          found: value.typeName)
      }
      result.corpus = try items.enumerated().map { index, item in
        try readCorpus(item, file: p.file, path: p.keyPath("corpus") + "[\(index)]")
      }
    }
    var stageModel = model
    stageModel.sequenceHead = nil
    stageModel.wordImageFeatures = nil  // fine-tuning only, as in the v1 paper
    result.settings.model = stageModel
    let tasks = try p.optionalStringArray("tasks")
    if let tasks {
      for key in ["mvlm", "tia", "tim"] where p.has(key) {
        throw SpecError.invalidValue(
          file: p.file, path: p.keyPath(key),
          expected: "either tasks: [...] or the \(key) switch, not both")
      }
      for (index, task) in tasks.enumerated() where !["mvlm", "tia", "tim"].contains(task) {
        throw SpecError.invalidValue(
          file: p.file, path: p.keyPath("tasks") + "[\(index)]", expected: "'mvlm', 'tia' or 'tim'")
      }
      if tasks.isEmpty {
        // No pre-training: the other keys are still checked, then dropped.
        try result.settings.readPretraining(&p, tasks: ["mvlm"])
        return nil
      }
    }
    try result.settings.readPretraining(&p, tasks: tasks)
    return result
  }

  private static func readCorpus(_ value: JSONValue, file: String, path: String) throws
    -> CorpusSource
  {
    if case .string(let folder) = value { return .folder(folder) }
    var reader = try SpecReader(file: file, path: path, value: value)
    let documents = try reader.int("synthetic", default: 0, range: 0...1_000_000)
    guard documents > 0 else {
      throw SpecError.missingKey(file: file, path: reader.keyPath("synthetic"))
    }
    let seed = try reader.int("seed", default: 0, range: 0...Int(Int32.max))
    try reader.finish()
    return .synthetic(documents: documents, seed: seed)
  }
}
