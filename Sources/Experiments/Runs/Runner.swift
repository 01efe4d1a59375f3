// LayoutLab — `layoutlab run SPEC`: every variant × seed, cached, resumable.

import Foundation
import LayoutData
import LayoutModels
import TensorCore
import Training

/// How to run an experiment.
public struct RunnerOptions {
  /// The results root (normally `results/` beside the spec's repository).
  public var resultsRoot: URL
  /// `--set key.path=value` overrides.
  public var overrides: [String] = []
  /// The repository: relative paths in specs are relative to it, and provenance reads its git
  /// state.
  public var repository: URL

  /// Creates options.
  public init(resultsRoot: URL, repository: URL) {
    self.resultsRoot = resultsRoot
    self.repository = repository
  }
}

/// What `runExperiment` did.
public struct ExperimentSummary {
  public var spec: ExperimentSpec
  public var ran: [RunPlan]
  public var skipped: [RunPlan]
}

/// The configuration hash of one run: its settings (with paths as the spec wrote them, relative
/// to the repository, so a moved clone keeps its cache) and its seed.
func configurationHash(_ plan: RunPlan) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  let data = try encoder.encode(plan.configuration)
  return sha256Hex(String(decoding: data, as: UTF8.self) + "#seed=\(plan.seed)")
}

/// Runs every unfinished run of the spec at `url`, writing each `result.json` atomically.
///
/// All spec errors (unknown keys, wrong types, bad variant references, missing data paths,
/// architecture settings that contradict an `initFrom` checkpoint) are found before any
/// training. A run whose `result.json` exists with the same configuration hash is skipped;
/// delete the file to run it again.
public func runExperiment(
  specURL url: URL, options: RunnerOptions, log: (String) -> Void = { print($0) }
) throws -> ExperimentSummary {
  let spec = try ExperimentSpec.load(contentsOf: url, overrides: options.overrides)
  let plans = try spec.plans().map { plan in
    var portable = plan
    portable.configuration = plan.configuration.relativizingPaths(to: options.repository)
    return portable
  }
  for plan in plans {
    let resolved = plan.configuration.resolvingPaths(against: options.repository)
    try checkDataPaths(resolved.data, file: spec.file, path: "variants.\(plan.variant)")
    try checkCheckpointSettings(plan, resolved: resolved, file: spec.file)
  }
  let store = ResultStore(root: options.resultsRoot)
  let specHash = sha256Hex(spec.canonicalText)
  let cache = store.experimentDirectory(spec.name).appendingPathComponent("cache")
  var ran: [RunPlan] = []
  var skipped: [RunPlan] = []
  var pending: [(RunPlan, String)] = []
  for plan in plans {
    let hash = try configurationHash(plan)
    if let existing = try store.read(experiment: spec.name, variant: plan.variant, seed: plan.seed),
      existing.provenance.configurationHash == hash
    {
      skipped.append(plan)
    } else {
      pending.append((plan, hash))
    }
  }
  log("\(spec.name): \(plans.count) runs, \(skipped.count) cached, \(pending.count) to run")
  try writeBaselines(
    plans.filter { [.entities, .classification].contains($0.configuration.task) }, store: store,
    experiment: spec.name,
    cache: cache, repository: options.repository, log: log)
  for (index, (plan, hash)) in pending.enumerated() {
    let label = "[\(index + 1)/\(pending.count)] \(plan.variant) seed \(plan.seed)"
    let result = try executeRun(
      plan, experiment: spec.name, specHash: specHash, configurationHash: hash, cache: cache,
      repository: options.repository, label: label)
    try store.write(result)
    if let entities = result.fineTuning {
      log(
        "\(label): dev F1 \(String(format: "%.4f", entities.dev.overall.f1))"
          + (entities.test.map { String(format: ", test F1 %.4f", $0.overall.f1) } ?? "")
          + " in \(duration(result.timings.totalSeconds))")
    } else if let classes = result.classification {
      log(
        "\(label): dev accuracy \(String(format: "%.4f", classes.dev.accuracy))"
          + (classes.test.map { String(format: ", test accuracy %.4f", $0.accuracy) } ?? "")
          + " in \(duration(result.timings.totalSeconds))")
    } else if let qa = result.qa {
      log(
        "\(label): dev ANLS \(String(format: "%.4f", qa.dev.anls))"
          + (qa.test.map { String(format: ", test ANLS %.4f", $0.anls) } ?? "")
          + " in \(duration(result.timings.totalSeconds))")
    }
    ran.append(plan)
  }
  return ExperimentSummary(spec: spec, ran: ran, skipped: skipped)
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
