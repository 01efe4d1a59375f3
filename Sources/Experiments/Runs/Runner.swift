// LayoutLab — `layoutlab run SPEC`: every variant × seed, cached, resumable.

import Foundation
import LayoutData
import LayoutModels
import TensorCore
import Training

/// What `runExperiment` did.
public struct ExperimentSummary {
  public var spec: ExperimentSpec
  public var ran: [RunPlan]
  public var skipped: [RunPlan]
  /// Cells whose run failed, with the error; the others went on.
  public var failed: [(RunPlan, String)] = []
  /// Pre-training stages built by this call (not found cached).
  public var stagesRan: [String] = []
  /// Cached cells made by other sources that were reused (without `--rerun-stale`).
  public var staleReused: [RunPlan] = []
}

/// Runs every unfinished cell of the spec at `url`, building each pre-training stage a cell
/// needs first (once per distinct setting, shared through `results/.stages/`), and writing
/// each `result.json` atomically.
///
/// All spec errors (unknown keys, wrong types, bad variant references or axes, missing data
/// paths, architecture settings that contradict an `initFrom` checkpoint) are found before any
/// work. A cell whose `result.json` has the same configuration hash is skipped; delete the
/// file to run it again. A cell that fails records `failed.json` and the others go on; so
/// does a cell another live process is running. With `options.jobs > 1` the work is spread
/// over worker processes (`runInParallel`); with `options.unit` only that unit runs.
public func runExperiment(
  specURL url: URL, options: RunnerOptions, log: (String) -> Void = { print($0) }
) throws -> ExperimentSummary {
  let context = try RunContext(specURL: url, options: options)
  if let unit = options.unit { return try context.run(unit, log: log) }
  let plan = context.plan
  var summary = ExperimentSummary(
    spec: plan.spec, ran: [], skipped: plan.cells.filter { $0.state == .done }.map(\.run))
  summary.staleReused = plan.cells.filter { $0.state == .done && $0.origin?.isStale == true }
    .map(\.run)
  let pending = plan.cells.filter { $0.state != .done }
  log(
    "\(plan.spec.name): \(plan.cells.count) runs, \(summary.skipped.count) cached, "
      + "\(pending.count) to run; \(plan.stages.count) pre-training stage(s), "
      + "\(plan.stages.filter { $0.state == .done }.count) cached")
  logStaleWork(plan, reused: summary.staleReused.count, log: log)
  try context.writeSpecBaselines(log: log)
  if options.jobs > 1 { return try runInParallel(context, summary: summary, log: log) }
  var stageFolders: [String: URL] = [:]
  var stageFailures: [String: String] = [:]
  for (index, cell) in pending.enumerated() {
    let label = "[\(index + 1)/\(pending.count)] \(cell.run.variant) seed \(cell.run.seed)"
    if cell.state == .running, let pid = cell.activity?.pid {
      log("\(label): running in process \(pid); left to it")
      continue
    }
    do {
      var pretrained: URL?
      if let key = cell.stageKey, let stage = plan.stages.first(where: { $0.key == key }) {
        if let failure = stageFailures[key] { throw StageFailure(message: failure) }
        if stageFolders[key] == nil {
          do {
            let (folder, ran) = try context.build(stage, log: log)
            stageFolders[key] = folder
            if ran { summary.stagesRan.append(key) }
          } catch {
            stageFailures[key] = "\(stage.label) failed: \(error)"
            throw StageFailure(message: stageFailures[key] ?? "")
          }
        }
        pretrained = stageFolders[key]
      }
      try context.runCell(cell, label: label, pretrained: pretrained, log: log)
      summary.ran.append(cell.run)
    } catch {
      let message = "\(error)"
      try context.recordFailure(of: cell, message: message)
      log("\(label): FAILED: \(message)")
      summary.failed.append((cell.run, message))
    }
  }
  return summary
}

/// A planned experiment with the stores its work reads and writes.
struct RunContext {
  let specURL: URL
  let plan: ExperimentPlan
  let options: RunnerOptions
  let store: ResultStore
  let stageStore: StageStore
  let specHash: String
  /// The experiment's data cache (`results/<name>/cache`).
  let cache: URL

  init(specURL: URL, options: RunnerOptions) throws {
    self.specURL = specURL
    self.options = options
    plan = try planExperiment(specURL: specURL, options: options)
    store = ResultStore(root: options.resultsRoot)
    stageStore = StageStore(root: options.resultsRoot.appendingPathComponent(".stages"))
    specHash = sha256Hex(plan.spec.canonicalText)
    cache = store.experimentDirectory(plan.spec.name).appendingPathComponent("cache")
  }

  /// The folder of a cell's `result.json`, `failed.json` and `running.json`.
  func directory(of cell: CellPlan) -> URL {
    store.resultURL(experiment: plan.spec.name, variant: cell.run.variant, seed: cell.run.seed)
      .deletingLastPathComponent()
  }

  /// Writes the baselines of every entity and classification data configuration of the spec.
  func writeSpecBaselines(log: (String) -> Void) throws {
    try writeBaselines(
      plan.cells.map(\.run).filter {
        [.entities, .classification].contains($0.configuration.task)
      },
      store: store, experiment: plan.spec.name, cache: cache, repository: options.repository,
      log: log)
  }

  /// Builds (or finds cached) a pre-training stage: its folder, and whether it ran now.
  func build(_ stage: StagePlan, log: (String) -> Void) throws -> (URL, Bool) {
    try ensurePretrainingStage(
      stage.stage, store: stageStore, specHash: specHash, sourceDigest: options.sourceDigest,
      repository: options.repository, log: log)
  }

  /// Trains and evaluates one cell and writes its `result.json` (clearing any `failed.json`).
  func runCell(_ cell: CellPlan, label: String, pretrained: URL?, log: (String) -> Void) throws {
    let directory = directory(of: cell)
    let tracker = ActivityTracker(directory: directory, label: label)
    defer { tracker.finish() }
    let result = try executeRun(
      cell.run, experiment: plan.spec.name, specHash: specHash, configurationHash: cell.hash,
      sourceDigest: options.sourceDigest, cache: cache, repository: options.repository,
      label: label, pretrained: pretrained,
      pageCache: stageStore.root.appendingPathComponent("pages")
    ) { event in
      if case .step(let step, let total, _, _, _) = event {
        tracker.progress(step: step, of: total)
      }
    }
    try store.write(result)
    CellFailure.clear(in: directory)
    log("\(label): \(result.headline) in \(duration(result.timings.totalSeconds))")
  }

  /// Records why a cell failed in its `failed.json`.
  func recordFailure(of cell: CellPlan, message: String) throws {
    try CellFailure(configurationHash: cell.hash, error: message, date: Date()).write(
      in: directory(of: cell))
  }

  /// Runs one unit alone (a `--jobs` worker): a stage, or a cell (whose stage is built
  /// first if it is not cached). No baselines, no report.
  func run(_ unit: WorkUnit, log: (String) -> Void) throws -> ExperimentSummary {
    var summary = ExperimentSummary(spec: plan.spec, ran: [], skipped: [])
    switch unit {
    case .stage(let key):
      guard let stage = plan.stages.first(where: { $0.key == key }) else {
        throw WorkUnitError.notInPlan(unit: unit.argument, spec: specURL.path)
      }
      if try build(stage, log: log).1 { summary.stagesRan.append(key) }
    case .cell(let variant, let seed):
      guard let cell = plan.cells.first(where: { $0.run.variant == variant && $0.run.seed == seed })
      else { throw WorkUnitError.notInPlan(unit: unit.argument, spec: specURL.path) }
      if cell.state == .done {
        summary.skipped.append(cell.run)
        return summary
      }
      let label = "\(variant) seed \(seed)"
      do {
        var pretrained: URL?
        if let key = cell.stageKey, let stage = plan.stages.first(where: { $0.key == key }) {
          do {
            pretrained = try build(stage, log: log).0
          } catch {
            throw StageFailure(message: "\(stage.label) failed: \(error)")
          }
        }
        try runCell(cell, label: label, pretrained: pretrained, log: log)
        summary.ran.append(cell.run)
      } catch {
        let message = "\(error)"
        try recordFailure(of: cell, message: message)
        log("\(label): FAILED: \(message)")
        summary.failed.append((cell.run, message))
      }
    }
    return summary
  }
}

/// Says how many cached cells and stages made by other sources `run` reuses, and how many
/// stale cells it reruns (`--rerun-stale`).
func logStaleWork(_ plan: ExperimentPlan, reused: Int, log: (String) -> Void) {
  let rerun = plan.cells.filter { $0.state == .stale }.count
  let stages = plan.stages.filter { $0.origin?.isStale == true }.count
  if reused > 0 {
    log(
      "reused \(reused) stale cell result(s) made by other code (see `layoutlab status`); "
        + "`run --rerun-stale` reruns them")
  }
  if rerun > 0 { log("rerunning \(rerun) stale cell(s) made by other code (--rerun-stale)") }
  if stages > 0 { log("reused \(stages) stale pre-training stage(s) made by other code") }
}

/// A cell could not start because the pre-training stage it needs failed.
struct StageFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

extension RunResult {
  /// The run's main scores in one line: `dev F1 0.5123, test F1 0.4987`.
  var headline: String {
    func line(_ name: String, _ dev: Double, _ test: Double?) -> String {
      "dev \(name) \(String(format: "%.4f", dev))"
        + (test.map { String(format: ", test \(name) %.4f", $0) } ?? "")
    }
    if let entities = fineTuning {
      return line("F1", entities.dev.overall.f1, entities.test?.overall.f1)
    } else if let classes = classification {
      return line("accuracy", classes.dev.accuracy, classes.test?.accuracy)
    } else if let qa {
      return line("ANLS", qa.dev.anls, qa.test?.anls)
    }
    return "finished"
  }
}

/// Baselines of each distinct data configuration: `results/<experiment>/baselines.json`,
/// keyed by the data settings' hash (entity baselines for entity runs, classification
/// baselines for classification runs). Existing entries are kept.
func writeBaselines(
  _ plans: [RunPlan], store: ResultStore, experiment: String, cache: URL, repository: URL,
  log: (String) -> Void
) throws {
  let url = store.experimentDirectory(experiment).appendingPathComponent("baselines.json")
  var table: [String: BaselineEntry] = [:]
  if let data = try? Data(contentsOf: url) {
    table = (try? JSONDecoder().decode([String: BaselineEntry].self, from: data)) ?? [:]
  }
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
  var changed = false
  for plan in plans {
    let data = plan.configuration.data
    let key = sha256Hex(String(decoding: try encoder.encode(data), as: UTF8.self))
    guard table[key] == nil else { continue }
    let resolved = plan.configuration.resolvingPaths(against: repository).data
    if plan.configuration.task == .classification {
      let documents = try prepareClassifiedPages(resolved, cache: cache)
      table[key] = BaselineEntry(
        data: data, scores: [], classification: computeClassificationBaselines(documents))
    } else {
      let documents = try prepareDocuments(resolved, cache: cache)
      table[key] = BaselineEntry(
        data: data, scores: try computeBaselines(documents, scheme: .funsdIOB2))
    }
    changed = true
    log("baselines computed for data \(key.prefix(8))")
  }
  if changed {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try encoder.encode(table).write(to: url, options: .atomic)
  }
}

/// The baselines of one data configuration: entity baselines in `scores`, classification
/// baselines in `classification` (then `scores` is empty).
public struct BaselineEntry: Codable, Sendable {
  public var data: DataSettings
  public var scores: [BaselineScores]
  public var classification: [ClassificationBaselineScores]? = nil
}
