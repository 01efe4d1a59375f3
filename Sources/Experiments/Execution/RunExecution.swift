// LayoutLab — one run: documents → vocabulary → model → fine-tuning → `RunRecord`, through its
// task's protocol (`DocumentTask`).

import Foundation
import HostCPU
import LayoutData
import LayoutModels
import Tasks
import TensorCore
import Training

/// Trains and evaluates one run. `plan` has portable paths (what is recorded); files are read
/// through its paths resolved against `repository`. `pretrained` is the finished pre-training
/// stage the run starts from (its `pretraining` section's); `observe` sees every training event.
/// Page images of models with visual tokens go to cache files in `pageCache` (shared by every
/// run whose pages are the same files); without one they are held in memory. The result records
/// `sourceDigest` as the code that made it. The run's task (`TaskRegistry`) does the
/// task's part: preparing, encoding, fine-tuning, scoring and recording.
func executeRun(
  _ plan: RunPlan, experiment: String, specHash: String, configurationHash: String,
  sourceDigest: String, cache: URL, repository: URL, label: String, pretrained: URL? = nil,
  pageCache: URL? = nil,
  observe: @escaping (TrainingEvent) -> Void = { _ in }
) throws -> RunRecord {
  var settings = plan.configuration.resolvingPaths(against: repository)
  if let pretrained { settings.model.initFrom = pretrained.path }
  let provenance = currentProvenance(
    specHash: specHash, configurationHash: configurationHash, sourceDigest: sourceDigest,
    directory: repository)
  let task = try TaskRegistry.task(named: settings.task)
  if let expected = task.sourceRequirement(settings.data.source) {
    throw SpecError.invalidValue(
      file: experiment, path: "variants.\(plan.variant).data.source", expected: expected)
  }
  return try runTask(
    task, plan: plan, settings: settings, experiment: experiment, provenance: provenance,
    label: label, observe: observe,
    images: pageCache.map(PageImageStorage.cache) ?? .memory,
    environment: .caching(in: cache, windowsOnDisk: pageCache != nil))
}

/// The run body every task shares: documents, vocabulary, model, encoded splits, fine-tuning
/// and the record, each task-specific step asked of `task`.
private func runTask<Task: DocumentTask>(
  _ task: Task, plan: RunPlan, settings: RunConfiguration, experiment: String,
  provenance: Provenance, label: String, observe: @escaping (TrainingEvent) -> Void,
  images: PageImageStorage, environment: TaskEnvironment
) throws -> RunRecord {
  let taskSettings = TaskSettings(
    data: settings.data, training: settings.training, qa: settings.qa)
  let started = Date()
  // Memory is measured per run: a new peak from here (where the system allows).
  BufferCache.shared.trim()
  BufferCache.shared.resetHighWater()
  ProcessMemory.resetPeak()
  var memory = MemoryReport()
  var documents = try task.prepare(taskSettings, environment: environment)
  memory.mark("documents read")
  let vocabulary = try settings.runVocabulary {
    documents.train.flatMap { $0.words.map(\.text) } + documents.vocabularyWords
  }
  let model = try settings.makeModel(
    task: task.head, labels: task.labelCount, vocabularySize: vocabulary.count, seed: plan.seed)
  let encode = try task.encoder(
    taskSettings, documents: documents, tokenizer: try WordPieceTokenizer(vocabulary: vocabulary),
    images: model.config.usesImage ? images : .none, environment: environment)
  let train = try encode(documents.train)
  let dev = try encode(documents.dev)
  let test = documents.test.isEmpty ? nil : try encode(documents.test)
  // The splits hold what training and scoring need; the documents themselves go now.
  documents.train = []
  documents.dev = []
  documents.test = []
  ProcessMemory.returnFreedMemory()
  memory.mark("splits encoded")
  let dataSeconds = Date().timeIntervalSince(started)
  let printer = ProgressPrinter(label: label)
  if let note = train.images.cacheNote { printer.handle(.note("page images: \(note)")) }
  printer.handle(
    .note(
      "\(train.documentCount) train / \(dev.documentCount) dev / \(test?.documentCount ?? 0) test \(task.documentNoun), "
        + "\(train.windowCount) windows, vocabulary \(vocabulary.count)"))
  let outcome = try task.fineTune(
    model: model, train: train, dev: dev, test: test, settings: taskSettings,
    seed: UInt64(plan.seed)
  ) {
    printer.handle($0)
    observe($0)
  }
  memory.mark("trained and scored")
  if let text = memory.text { printer.handle(.note(text)) }
  var ocr = documents.ocr
  task.record(outcome, ocr: &ocr)
  return RunRecord(
    experiment: experiment, variant: plan.variant, seed: plan.seed,
    configuration: plan.configuration, modelConfiguration: model.config,
    data: DataSummary(
      trainDocuments: train.documentCount, devDocuments: dev.documentCount,
      testDocuments: test?.documentCount ?? 0, trainWindows: train.windowCount,
      vocabularySize: vocabulary.count, source: settings.data.source.rawValue,
      ocr: ocr),
    timings: RunTimings(
      dataSeconds: dataSeconds, trainSeconds: outcome.trainSeconds,
      evaluationSeconds: outcome.evaluationSeconds,
      totalSeconds: Date().timeIntervalSince(started)),
    memory: RunMemory(
      peakResidentBytes: ProcessMemory.peakResidentBytes(),
      tensorPeakBytes: BufferCache.shared.usage.highWaterBytes),
    provenance: provenance,
    parameterCount: model.namedParameters().reduce(0) { $0 + $1.1.count }, outcome: outcome)
}
