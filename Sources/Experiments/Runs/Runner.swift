// LayoutLab — `layoutlab run SPEC`: every variant × seed, cached, resumable, then the report.

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
  /// Generates synthetic FUNSD-format forms (set by the executable).
  public var syntheticForms: SyntheticFormsGenerator?
  /// Generates synthetic RVL-CDIP-format documents (set by the executable).
  public var syntheticClassify: SyntheticClassifyGenerator?
  /// The repository, for provenance.
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
  public var reportURL: URL?
}

/// The configuration hash of one run: its resolved settings and seed.
func configurationHash(_ plan: RunPlan) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  let data = try encoder.encode(plan.configuration)
  return sha256Hex(String(decoding: data, as: UTF8.self) + "#seed=\(plan.seed)")
}

/// Runs every unfinished run of the spec at `url`, writing each `result.json` atomically.
///
/// All spec errors (unknown keys, wrong types, bad variant references, missing data paths) are
/// found before any training. A run whose `result.json` exists with the same configuration hash
/// is skipped; delete the file to run it again.
public func runExperiment(
  specURL url: URL, options: RunnerOptions, log: (String) -> Void = { print($0) }
) throws -> ExperimentSummary {
  let spec = try ExperimentSpec.load(contentsOf: url, overrides: options.overrides)
  let plans = try spec.plans().map { plan in
    var resolved = plan
    resolved.configuration = plan.configuration.resolvingPaths(against: options.repository)
    return resolved
  }
  for plan in plans {
    try checkDataPaths(plan.configuration.data, file: spec.file, path: "variants.\(plan.variant)")
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
    plans.filter { $0.configuration.task == "entities" }, store: store, experiment: spec.name,
    cache: cache, options: options, log: log)
  for (index, (plan, hash)) in pending.enumerated() {
    let label = "[\(index + 1)/\(pending.count)] \(plan.variant) seed \(plan.seed)"
    let result = try executeRun(
      plan, experiment: spec.name, specHash: specHash, configurationHash: hash, cache: cache,
      options: options, label: label)
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
    }
    ran.append(plan)
  }
  return ExperimentSummary(spec: spec, ran: ran, skipped: skipped, reportURL: nil)
}

/// Trains and evaluates one run.
func executeRun(
  _ plan: RunPlan, experiment: String, specHash: String, configurationHash: String, cache: URL,
  options: RunnerOptions, label: String
) throws -> RunResult {
  if plan.configuration.task == "classification" {
    return try executeClassificationRun(
      plan, experiment: experiment, specHash: specHash, configurationHash: configurationHash,
      cache: cache, options: options, label: label)
  }
  let started = Date()
  let settings = plan.configuration
  let documents = try prepareDocuments(
    settings.data, cache: cache, generator: options.syntheticForms)
  let vocabulary = try settings.runVocabulary {
    documents.train.flatMap { $0.words.map(\.text) }
  }
  let tokenizer = try WordPieceTokenizer(vocabulary: vocabulary)
  let scheme = LabelScheme.funsdIOB2
  let encoder = try TokenClassificationEncoder(
    tokenizer: tokenizer, labelScheme: scheme, maxSequenceLength: settings.data.maxLength,
    stride: settings.data.stride)
  // A checkpoint brings its own architecture; the spec's model settings then only name it.
  let model = try settings.makeModel(
    task: .tokenClassification, labels: scheme.labels.count, vocabularySize: vocabulary.count,
    seed: plan.seed)
  let withImages = model.config.visualTokens
  let train = try TokenClassificationSplit(
    documents: documents.train, encoder: encoder, withImages: withImages)
  let dev = try TokenClassificationSplit(
    documents: documents.dev, encoder: encoder, withImages: withImages)
  let test =
    documents.test.isEmpty
    ? nil
    : try TokenClassificationSplit(
      documents: documents.test, encoder: encoder, withImages: withImages)
  let dataSeconds = Date().timeIntervalSince(started)
  let fineTuning = settings.training.fineTuningOptions(seed: plan.seed)
  let printer = ProgressPrinter(label: label)
  printer.handle(
    .note(
      "\(train.documents.count) train / \(dev.documents.count) dev / \(test?.documents.count ?? 0) test forms, "
        + "\(train.windows.count) windows, vocabulary \(vocabulary.count)"))
  let result = try fineTuneTokenClassification(
    model: model, train: train, dev: dev, test: test, labels: scheme.labels, options: fineTuning,
    progress: printer.handle)
  let total = Date().timeIntervalSince(started)
  return RunResult(
    experiment: experiment, variant: plan.variant, seed: plan.seed, configuration: settings,
    data: DataSummary(
      trainDocuments: train.documents.count, devDocuments: dev.documents.count,
      testDocuments: test?.documents.count ?? 0, trainWindows: train.windows.count,
      vocabularySize: vocabulary.count, source: settings.data.source),
    fineTuning: result,
    timings: RunTimings(
      dataSeconds: dataSeconds, trainSeconds: result.trainSeconds,
      evaluationSeconds: result.evaluationSeconds, totalSeconds: total),
    provenance: currentProvenance(
      specHash: specHash, configurationHash: configurationHash, directory: options.repository),
    parameterCount: model.namedParameters().reduce(0) { $0 + $1.1.count })
}

/// Baselines of each distinct data configuration: `results/<experiment>/baselines.json`,
/// keyed by the data settings' hash. Existing entries are kept.
func writeBaselines(
  _ plans: [RunPlan], store: ResultStore, experiment: String, cache: URL, options: RunnerOptions,
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
    let documents = try prepareDocuments(data, cache: cache, generator: options.syntheticForms)
    table[key] = BaselineEntry(
      data: data, scores: try computeBaselines(documents, scheme: .funsdIOB2))
    changed = true
    log("baselines computed for data \(key.prefix(8))")
  }
  if changed {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try encoder.encode(table).write(to: url, options: .atomic)
  }
}

/// The baselines of one data configuration.
public struct BaselineEntry: Codable, Sendable {
  public var data: DataSettings
  public var scores: [BaselineScores]
}

extension RunConfiguration {
  /// This configuration with relative file paths (data root, test folder, vocabulary, initial
  /// checkpoint) made absolute against `base`, the repository root.
  func resolvingPaths(against base: URL) -> RunConfiguration {
    func resolve(_ path: String?) -> String? {
      guard let path, !path.hasPrefix("/") else { return path }
      return base.appendingPathComponent(path).standardizedFileURL.path
    }
    var copy = self
    copy.data.root = resolve(data.root)
    copy.data.test = resolve(data.test)
    if data.vocabulary != "build" {
      copy.data.vocabulary = resolve(data.vocabulary) ?? data.vocabulary
    }
    copy.model.initFrom = resolve(model.initFrom)
    return copy
  }
}
