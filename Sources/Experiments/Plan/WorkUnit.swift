// LayoutLab — one unit of a spec's graph: what it does, with its resolved typed settings, its
// key and the keys of the units it reads. A worker receives it as a file (`layoutlab unit run`)
// and never reads the spec.

import Foundation

/// Where a unit reads and writes, and which spec and code planned it.
public struct UnitContext: Codable, Sendable, Equatable {
  /// The experiment (the spec's name).
  public var experiment: String
  /// The hash of the spec's canonical text, recorded in provenance.
  public var specHash: String
  /// The source digest of the code that planned the unit, recorded as the code that made it.
  public var sourceDigest: String
  /// The repository (absolute): relative paths in settings are relative to it.
  public var repository: String
  /// The results root (absolute); stages live in its `.stages/` folder.
  public var results: String
}

extension UnitContext {
  /// The repository as a URL.
  var repositoryURL: URL { URL(fileURLWithPath: repository) }

  /// The results of every spec: `<results>/<experiment>/…`.
  var resultStore: ResultStore { ResultStore(root: URL(fileURLWithPath: results)) }

  /// The stage cache every spec shares: `<results>/.stages`.
  var stageStore: StageStore {
    StageStore(root: URL(fileURLWithPath: results).appendingPathComponent(".stages"))
  }

  /// The provenance of work made now under this context, with `configurationHash`.
  func provenance(configurationHash: String) -> Provenance {
    currentProvenance(
      specHash: specHash, configurationHash: configurationHash, sourceDigest: sourceDigest,
      directory: repositoryURL)
  }
}

/// A synthetic pre-training corpus, generated as its own cached stage.
public struct CorpusWork: Codable, Sendable, Equatable {
  /// The stage key (size, seed and code version).
  public var key: String
  /// Pages to generate.
  public var documents: Int
  /// The generator's seed.
  public var seed: Int
}

/// A fine-tuning cell: a variant at a seed, with its portable settings.
public struct CellWork: Codable, Sendable, Equatable {
  /// The variant, seed and resolved configuration (paths as the spec wrote them).
  public var run: RunPlan
  /// The configuration hash its `result.json` records (`configurationHash(_:stageKey:)`).
  public var configurationHash: String
  /// The pre-training stage it starts from, if any.
  public var stageKey: String?
}

/// What a unit does.
public enum UnitWork: Sendable, Equatable {
  case corpus(CorpusWork)
  case pretraining(PretrainingStagePlan)
  case cell(CellWork)

  /// The name of the kind, as unit files write it.
  public var kind: String {
    switch self {
    case .corpus: return "corpus"
    case .pretraining: return "pretraining"
    case .cell: return "cell"
    }
  }
}

/// One node of a spec's graph. Its key is unique in the graph; `inputs` are the keys of the
/// units whose outputs it reads (a cell reads its pre-training stage, a stage its corpora).
public struct WorkUnit: Sendable, Equatable {
  /// The `format` every unit file holds; another value is a foreign file.
  public static let format = "layoutlab-unit-1"

  /// `cell:VARIANT@SEED`, `pretraining:KEY` or `corpus:KEY`.
  public var key: String
  /// A readable name for logs: `v2 seed 1`, `pretraining 1a2b3c4d (mvlm, 12 steps)`.
  public var label: String
  /// The keys of the units it reads.
  public var inputs: [String]
  public var context: UnitContext
  public var work: UnitWork

  /// The cell's work, if it is a cell.
  public var cell: CellWork? {
    if case .cell(let cell) = work { return cell }
    return nil
  }

  /// The file name of the unit in `units/`: its key with `:` and `/` replaced.
  public var fileName: String {
    String(key.map { ":/".contains($0) ? "-" : $0 }) + ".json"
  }
}

extension WorkUnit {
  /// The unit of a synthetic corpus.
  static func corpus(_ corpus: CorpusWork, context: UnitContext) -> WorkUnit {
    WorkUnit(
      key: "corpus:\(corpus.key)", label: "corpus \(corpus.key.prefix(8))", inputs: [],
      context: context, work: .corpus(corpus))
  }

  /// The unit of a pre-training stage; it reads its synthetic corpora.
  static func pretraining(_ stage: PretrainingStagePlan, context: UnitContext) -> WorkUnit {
    WorkUnit(
      key: "pretraining:\(stage.key)", label: stage.label,
      inputs: stage.corpora.map { "corpus:\($0.key)" }, context: context,
      work: .pretraining(stage))
  }

  /// The unit of a fine-tuning cell; it reads its pre-training stage, if any.
  static func cell(_ cell: CellWork, context: UnitContext) -> WorkUnit {
    WorkUnit(
      key: "cell:\(cell.run.variant)@\(cell.run.seed)",
      label: "\(cell.run.variant) seed \(cell.run.seed)",
      inputs: cell.stageKey.map { ["pretraining:\($0)"] } ?? [], context: context,
      work: .cell(cell))
  }
}

extension WorkUnit: Codable {
  enum CodingKeys: String, CodingKey {
    case format, key, kind, label, inputs, context, corpus, pretraining, cell
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let format = try c.decode(String.self, forKey: .format)
    guard format == Self.format else {
      throw DecodingError.dataCorruptedError(
        forKey: .format, in: c, debugDescription: "'\(Self.format)', found '\(format)'")
    }
    key = try c.decode(String.self, forKey: .key)
    label = try c.decode(String.self, forKey: .label)
    inputs = try c.decode([String].self, forKey: .inputs)
    context = try c.decode(UnitContext.self, forKey: .context)
    let kind = try c.decode(String.self, forKey: .kind)
    switch kind {
    case "corpus": work = .corpus(try c.decode(CorpusWork.self, forKey: .corpus))
    case "pretraining":
      work = .pretraining(try c.decode(PretrainingStagePlan.self, forKey: .pretraining))
    case "cell": work = .cell(try c.decode(CellWork.self, forKey: .cell))
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .kind, in: c,
        debugDescription: "'corpus', 'pretraining' or 'cell', found '\(kind)'")
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(Self.format, forKey: .format)
    try c.encode(key, forKey: .key)
    try c.encode(work.kind, forKey: .kind)
    try c.encode(label, forKey: .label)
    try c.encode(inputs, forKey: .inputs)
    try c.encode(context, forKey: .context)
    switch work {
    case .corpus(let corpus): try c.encode(corpus, forKey: .corpus)
    case .pretraining(let stage): try c.encode(stage, forKey: .pretraining)
    case .cell(let cell): try c.encode(cell, forKey: .cell)
    }
  }
}
