// LayoutLab — a spec planned once into a graph of typed units (corpora, pre-training stages,
// fine-tuning cells), with what is cached, running, failed or missing, and estimated times.
// `plan`, `status` and `run --dry-run` print the graph; `run` executes it.

import Foundation

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

/// One unit of the graph with where it stands.
struct PlannedUnit: Sendable {
  var unit: WorkUnit
  var state: WorkState
  /// The error of the last failed attempt.
  var failure: String?
  /// Progress of a running unit.
  var activity: StageActivity?
  /// Estimated seconds (nil: no timing measured yet for work like it).
  var estimateSeconds: Double?
  /// Which code made its cached output (nil: none cached).
  var origin: CodeOrigin?
}

/// One fine-tuning cell of the plan: a variant at a seed (a view of its unit).
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

/// One pre-training stage of the plan (a view of its unit; corpus units are folded in).
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

/// A spec's graph: every unit, in run order (each stage before the first cell that reads it).
public struct ExperimentPlan: Sendable {
  public var spec: ExperimentSpec
  /// The units, each with its state.
  var units: [PlannedUnit]
  /// The digest of the running code that cached work was compared with (`SourceDigest`).
  public var sourceDigest: String

  /// The fine-tuning cells, in order.
  public var cells: [CellPlan] {
    units.compactMap { planned in
      guard let cell = planned.unit.cell else { return nil }
      return CellPlan(
        run: cell.run, hash: cell.configurationHash, stageKey: cell.stageKey,
        state: planned.state, failure: planned.failure, activity: planned.activity,
        estimateSeconds: planned.estimateSeconds, origin: planned.origin)
    }
  }

  /// The pre-training stages, in order, with the cells that read each.
  public var stages: [StagePlan] {
    units.compactMap { planned in
      guard case .pretraining(let stage) = planned.unit.work else { return nil }
      var variants: [String] = []
      for reader in units where reader.unit.inputs.contains(planned.unit.key) {
        if let variant = reader.unit.cell?.run.variant, !variants.contains(variant) {
          variants.append(variant)
        }
      }
      return StagePlan(
        stage: stage, state: planned.state, activity: planned.activity,
        estimateSeconds: planned.estimateSeconds, variants: variants, origin: planned.origin)
    }
  }
}

/// The configuration hash of one run: its settings (with paths as the spec wrote them, relative
/// to the repository, so a moved clone keeps its cache), its seed and, when it starts from a
/// pre-training stage, that stage's key (which covers the code version and corpora).
func configurationHash(_ plan: RunPlan, stageKey: String? = nil) throws -> String {
  sha256Hex(
    try canonicalJSON(plan.configuration) + "#seed=\(plan.seed)"
      + (stageKey.map { "#pretraining=\($0)" } ?? ""))
}

/// Expands and checks the spec at `url`, once, into its graph of units, reading the state of
/// every unit from `options.resultsRoot`, and which code made each cached one (compared with
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
  let context = UnitContext(
    experiment: spec.name, specHash: sha256Hex(spec.canonicalText),
    sourceDigest: options.sourceDigest,
    repository: options.repository.absoluteURL.standardizedFileURL.path,
    results: options.resultsRoot.absoluteURL.standardizedFileURL.path)
  let store = ResultStore(root: options.resultsRoot)
  let stageStore = StageStore(root: options.resultsRoot.appendingPathComponent(".stages"))
  let finished = runs.compactMap {
    try? store.read(experiment: spec.name, variant: $0.variant, seed: $0.seed)
  }
  var units: [PlannedUnit] = []
  var stagePlans: [PretrainingSection: PretrainingStagePlan] = [:]
  for run in runs {
    var stageKey: String?
    if let section = run.configuration.pretraining {
      // One stage per distinct section: its key reads the corpus folders' files.
      let stage =
        try stagePlans[section] ?? PretrainingStagePlan(section, repository: options.repository)
      stagePlans[section] = stage
      stageKey = stage.key
      let unit = WorkUnit.pretraining(stage, context: context)
      if !units.contains(where: { $0.unit.key == unit.key }) {
        for corpus in stage.corpora
        where !units.contains(where: { $0.unit.key == "corpus:\(corpus.key)" }) {
          units.append(corpusState(WorkUnit.corpus(corpus, context: context), store: stageStore))
        }
        units.append(stageState(unit, stage, store: stageStore))
      }
    }
    let cell = CellWork(
      run: run, configurationHash: try configurationHash(run, stageKey: stageKey),
      stageKey: stageKey)
    units.append(
      try cellState(
        WorkUnit.cell(cell, context: context), store: store, finished: finished,
        options: options))
  }
  // The selection keeps its cells, the stages they read, and the corpora those read.
  units.removeAll { planned in
    guard let cell = planned.unit.cell else { return false }
    return (options.onlyFailed && planned.state != .failed)
      || options.only.map { !globMatches($0, cell.run.variant) } == true
  }
  for kind in ["pretraining", "corpus"] {
    let read = Set(units.flatMap(\.unit.inputs))
    units.removeAll { $0.unit.work.kind == kind && !read.contains($0.unit.key) }
  }
  return ExperimentPlan(spec: spec, units: units, sourceDigest: options.sourceDigest)
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
