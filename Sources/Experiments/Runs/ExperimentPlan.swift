// LayoutLab — the run plan of a spec: cells (variant × seed) and the stages they need, with
// what is cached, running, failed or missing, and estimated times. `plan`, `status` and
// `run --dry-run` print it; `run` executes it.

import Foundation
import HostCPU

/// Where a cell or a stage stands.
public enum WorkState: String, Sendable {
  /// Finished and reused, whichever code made it (see `CodeOrigin`).
  case done
  case running, failed, interrupted, missing
  /// Finished by other sources, and `--rerun-stale` runs it again.
  case stale

  /// How `plan` names the state: what `run` would do.
  var planWord: String {
    switch self {
    case .done: return "cached"
    case .running: return "running"
    case .failed: return "failed (will rerun)"
    case .interrupted: return "will resume"
    case .missing: return "will run"
    case .stale: return "stale (will rerun)"
    }
  }
}

/// One fine-tuning cell of the plan: a variant at a seed.
public struct CellPlan: Sendable {
  public var run: RunPlan
  /// The configuration hash (settings, seed and the pre-training stage key).
  public var hash: String
  /// The pre-training stage it starts from, if any.
  public var stageKey: String?
  public var state: WorkState
  /// The error of the last failed attempt.
  public var failure: String?
  /// Progress of a running cell.
  public var activity: StageActivity?
  /// Estimated seconds (nil: no timing measured yet for a run like it).
  public var estimateSeconds: Double?
  /// Which code made its cached result (nil: none cached with this configuration).
  public var origin: CodeOrigin? = nil
}

/// One stage of the plan (corpus stages are folded into their pre-training stage).
public struct StagePlan: Sendable {
  var stage: PretrainingStagePlan
  public var key: String { stage.key }
  public var label: String { stage.label }
  public var state: WorkState
  public var activity: StageActivity?
  public var estimateSeconds: Double?
  /// The cells (variant names) that start from it.
  public var variants: [String]
  /// Which code made the finished stage (nil: not finished). A stale stage is still reused.
  public var origin: CodeOrigin? = nil
}

/// A spec's expanded plan.
public struct ExperimentPlan: Sendable {
  public var spec: ExperimentSpec
  public var cells: [CellPlan]
  public var stages: [StagePlan]
  /// The digest of the running code that cached work was compared with (`SourceDigest`).
  public var sourceDigest: String
}

/// The configuration hash of one run: its settings (with paths as the spec wrote them, relative
/// to the repository, so a moved clone keeps its cache), its seed and, when it starts from a
/// pre-training stage, that stage's key (which covers the code version and corpora).
func configurationHash(_ plan: RunPlan, stageKey: String? = nil) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  let data = try encoder.encode(plan.configuration)
  return sha256Hex(
    String(decoding: data, as: UTF8.self) + "#seed=\(plan.seed)"
      + (stageKey.map { "#pretraining=\($0)" } ?? ""))
}

/// Expands and checks the spec at `url` into its plan, reading the state of every cell and
/// stage from `options.resultsRoot`, and which code made each cached one (compared with
/// `options.sourceDigest`). A cached cell made by other sources is `done` (reused), or `stale`
/// (to rerun) with `options.rerunStale`. No work is done.
public func planExperiment(specURL url: URL, options: RunnerOptions) throws -> ExperimentPlan {
  let spec = try ExperimentSpec.load(contentsOf: url, overrides: options.overrides)
  let runs = try spec.plans().map { plan in
    var portable = plan
    portable.configuration = plan.configuration.relativizingPaths(to: options.repository)
    return portable
  }
  if let pattern = options.only, !runs.contains(where: { globMatches(pattern, $0.variant) }) {
    throw SpecError.invalidValue(
      file: spec.file, path: "--only \(pattern)",
      expected: "a pattern matching a cell (cells: "
        + Array(Set(runs.map(\.variant))).sorted().joined(separator: ", ") + ")")
  }
  for plan in runs {
    let resolved = plan.configuration.resolvingPaths(against: options.repository)
    try checkDataPaths(resolved.data, file: spec.file, path: "variants.\(plan.variant)")
    try checkCheckpointSettings(plan, resolved: resolved, file: spec.file)
    for case .folder(let path) in resolved.pretraining?.corpus ?? []
    where !FileManager.default.fileExists(atPath: path) {
      throw SpecError.missingPath(
        file: spec.file, path: "variants.\(plan.variant).pretraining.corpus", filePath: path)
    }
  }
  let store = ResultStore(root: options.resultsRoot)
  let stageStore = StageStore(root: options.resultsRoot.appendingPathComponent(".stages"))
  var stages: [StagePlan] = []
  var cells: [CellPlan] = []
  let finished = runs.compactMap {
    try? store.read(experiment: spec.name, variant: $0.variant, seed: $0.seed)
  }
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  func text<T: Encodable>(_ value: T) -> Data { (try? encoder.encode(value)) ?? Data() }
  // One stage plan per distinct section: its key reads the corpus folders' files.
  var stagePlans: [PretrainingSection: PretrainingStagePlan] = [:]
  for run in runs {
    var stageKey: String?
    if let section = run.configuration.pretraining {
      let stage =
        try stagePlans[section] ?? PretrainingStagePlan(section, repository: options.repository)
      stagePlans[section] = stage
      stageKey = stage.key
      if let index = stages.firstIndex(where: { $0.key == stage.key }) {
        if !stages[index].variants.contains(run.variant) {
          stages[index].variants.append(run.variant)
        }
      } else {
        stages.append(
          stagePlan(
            stage, store: stageStore, variant: run.variant, sourceDigest: options.sourceDigest))
      }
    }
    let hash = try configurationHash(run, stageKey: stageKey)
    var cell = CellPlan(run: run, hash: hash, stageKey: stageKey, state: .missing)
    let directory = store.resultURL(experiment: spec.name, variant: run.variant, seed: run.seed)
      .deletingLastPathComponent()
    if let existing = try store.read(experiment: spec.name, variant: run.variant, seed: run.seed),
      existing.provenance.configurationHash == hash
    {
      cell.origin = CodeOrigin(existing.provenance, currentDigest: options.sourceDigest)
      cell.state = .done
      cell.estimateSeconds = existing.timings.totalSeconds
    }
    let rerun = cell.origin?.isStale == true && options.rerunStale
    if cell.state == .done && !rerun {
      // Reused as it is.
    } else if let activity = StageActivity.read(in: directory), activity.isAlive {
      cell.state = .running
      cell.activity = activity
    } else if let failure = CellFailure.read(in: directory), failure.configurationHash == hash {
      cell.state = .failed
      cell.failure = failure.error
    } else if rerun {
      cell.state = .stale
    }
    if cell.state != .done {
      // A finished run with the same settings (another seed), else the same model and data.
      let twin =
        finished.first { text($0.configuration) == text(run.configuration) }
        ?? finished.first {
          text($0.configuration.model) == text(run.configuration.model)
            && text($0.configuration.data) == text(run.configuration.data)
            && $0.configuration.training.epochs == run.configuration.training.epochs
        }
      cell.estimateSeconds = twin?.timings.totalSeconds
    }
    cells.append(cell)
  }
  if options.onlyFailed { cells = cells.filter { $0.state == .failed } }
  if let pattern = options.only { cells = cells.filter { globMatches(pattern, $0.run.variant) } }
  let needed = Set(cells.compactMap(\.stageKey))
  stages = stages.filter { needed.contains($0.key) }
  return ExperimentPlan(
    spec: spec, cells: cells, stages: stages, sourceDigest: options.sourceDigest)
}

private func stagePlan(
  _ stage: PretrainingStagePlan, store: StageStore, variant: String, sourceDigest: String
) -> StagePlan {
  var result = StagePlan(stage: stage, state: .missing, variants: [variant])
  if let record = store.record(.pretraining, key: stage.key) {
    result.state = .done
    result.estimateSeconds = record.seconds
    result.origin = CodeOrigin(record.provenance, currentDigest: sourceDigest)
    return result
  }
  if let activity = store.activity(.pretraining, key: stage.key) {
    result.activity = activity
    result.state = activity.isAlive ? .running : .interrupted
  }
  // Step time measured on this machine for the same shape, else for the same model.
  let records = store.records(.pretraining).filter { $0.secondsPerStep != nil }
  let cpu = CPUDescription.current().modelName
  let sameShape = records.filter { $0.stepShape == stage.stepShape }
  if let match = sameShape.first(where: { $0.provenance.cpu == cpu }) ?? sameShape.first,
    let perStep = match.secondsPerStep
  {
    let remaining = stage.section.settings.run.steps - (result.activity?.step ?? 0)
    result.estimateSeconds = perStep * Double(remaining)
  }
  return result
}

/// Why a cell's last attempt failed: `failed.json` beside where `result.json` would be.
struct CellFailure: Codable {
  var configurationHash: String
  var error: String
  var date: Date

  static func read(in directory: URL) -> CellFailure? {
    guard let data = try? Data(contentsOf: directory.appendingPathComponent("failed.json")) else {
      return nil
    }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try? decoder.decode(CellFailure.self, from: data)
  }

  func write(in directory: URL) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(self).write(
      to: directory.appendingPathComponent("failed.json"), options: .atomic)
  }

  static func clear(in directory: URL) {
    try? FileManager.default.removeItem(at: directory.appendingPathComponent("failed.json"))
  }
}

/// Whether `name` matches the shell-style `pattern` (`*` any run of characters, `?` one).
func globMatches(_ pattern: String, _ name: String) -> Bool {
  let p = Array(pattern)
  let n = Array(name)
  var pi = 0
  var ni = 0
  var star = -1
  var mark = 0
  while ni < n.count {
    if pi < p.count && (p[pi] == "?" || p[pi] == n[ni]) {
      pi += 1
      ni += 1
    } else if pi < p.count && p[pi] == "*" {
      star = pi
      mark = ni
      pi += 1
    } else if star >= 0 {
      pi = star + 1
      mark += 1
      ni = mark
    } else {
      return false
    }
  }
  while pi < p.count && p[pi] == "*" { pi += 1 }
  return pi == p.count
}
