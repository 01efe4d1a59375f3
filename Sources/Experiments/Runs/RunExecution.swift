// LayoutLab — one run: documents → vocabulary → model → fine-tuning → `RunResult`.

import Foundation
import HostCPU
import LayoutData
import LayoutModels
import TensorCore
import Training

/// An encoded split of either task.
protocol EncodedSplit {
  var documentCount: Int { get }
  var windowCount: Int { get }
  var images: PageImages { get }
}

extension TokenClassificationSplit: EncodedSplit {}
extension ClassificationSplit: EncodedSplit {}

/// What fine-tuning of either task reports about its own time.
protocol FineTuningOutcome {
  var trainSeconds: Double { get }
  var evaluationSeconds: Double { get }
}

extension FineTuningResult: FineTuningOutcome {}
extension ClassificationFineTuningResult: FineTuningOutcome {}

/// Trains and evaluates one run. `plan` has portable paths (what is recorded); files are read
/// through its paths resolved against `repository`. `pretrained` is the finished pre-training
/// stage the run starts from (its `pretraining` section's); `observe` sees every training event.
/// Page images of models with visual tokens go to cache files in `pageCache` (shared by every
/// run whose pages are the same files); without one they are held in memory. The result records
/// `sourceDigest` as the code that made it.
func executeRun(
  _ plan: RunPlan, experiment: String, specHash: String, configurationHash: String,
  sourceDigest: String, cache: URL, repository: URL, label: String, pretrained: URL? = nil,
  pageCache: URL? = nil,
  observe: @escaping (TrainingEvent) -> Void = { _ in }
) throws -> RunResult {
  var settings = plan.configuration.resolvingPaths(against: repository)
  if let pretrained { settings.model.initFrom = pretrained.path }
  let provenance = currentProvenance(
    specHash: specHash, configurationHash: configurationHash, sourceDigest: sourceDigest,
    directory: repository)
  let imageStorage = pageCache.map(PageImageStorage.cache) ?? .memory
  switch settings.task {
  case .entities:
    let scheme = LabelScheme.funsdIOB2
    let data = settings.data
    var (result, outcome) = try runTask(
      plan, settings: settings, experiment: experiment, provenance: provenance, label: label,
      observe: observe, images: imageStorage,
      unit: "forms",
      documents: { try prepareDocuments(data, cache: cache) }, task: .tokenClassification,
      labels: scheme.labels.count,
      split: { tokenizer, images in
        let encoder = try TokenClassificationEncoder(
          tokenizer: tokenizer, labelScheme: scheme, maxSequenceLength: data.maxLength,
          stride: data.stride)
        return {
          try TokenClassificationSplit(
            documents: $0, encoder: encoder, images: images, windowsOnDisk: pageCache != nil)
        }
      },
      fineTune: { model, train, dev, test, seed, progress in
        try fineTuneTokenClassification(
          model: model, train: train, dev: dev, test: test, labels: scheme.labels,
          options: settings.training, seed: seed, progress: progress)
      })
    result.fineTuning = outcome
    return result
  case .classification:
    guard [.syntheticClassify, .rvlcdip].contains(settings.data.source) else {
      throw SpecError.invalidValue(
        file: experiment, path: "variants.\(plan.variant).data.source",
        expected: "'synthetic-classify' or 'rvlcdip' for task 'classification'")
    }
    let data = settings.data
    var (result, outcome) = try runTask(
      plan, settings: settings, experiment: experiment, provenance: provenance, label: label,
      observe: observe, images: imageStorage,
      unit: "documents",
      documents: { try prepareClassifiedPages(data, cache: cache) },
      task: .sequenceClassification, labels: RVLCDIP.classNames.count,
      split: { tokenizer, images in
        let encoder = try SequenceClassificationEncoder(
          tokenizer: tokenizer, maxSequenceLength: data.maxLength)
        return {
          try ClassificationSplit(
            documents: $0, encoder: encoder, images: images, windowsOnDisk: pageCache != nil)
        }
      },
      fineTune: { model, train, dev, test, seed, progress in
        try fineTuneSequenceClassification(
          model: model, train: train, dev: dev, test: test, options: settings.training,
          seed: seed, progress: progress)
      })
    result.classification = outcome
    return result
  case .qa:
    let data = settings.data
    let qa = settings.qa
    var questionsOfRun: [Question] = []
    var (result, outcome) = try runTask(
      plan, settings: settings, experiment: experiment, provenance: provenance, label: label,
      observe: observe, images: imageStorage,
      unit: "pages",
      documents: {
        let prepared = try prepareQADocuments(data, cache: cache)
        questionsOfRun = prepared.questions
        return prepared
      },
      task: .questionAnswering, labels: 2,
      split: { tokenizer, images in
        var encoder = try QAEncoder(
          tokenizer: tokenizer, maxSequenceLength: data.maxLength, stride: data.stride,
          maxQuestionLength: qa.maxQuestionLength)
        encoder.maxAnswerEditRatio = qa.maxAnswerEditRatio
        return {
          try QASplit(
            documents: $0, questions: questions(of: $0, in: questionsOfRun), encoder: encoder,
            images: images)
        }
      },
      fineTune: { model, train, dev, test, seed, progress in
        try fineTuneQA(
          model: model, train: train, dev: dev, test: test, options: settings.training, qa: qa,
          seed: seed, progress: progress)
      })
    result.qa = outcome
    // The share of gold answers the OCR holds, over every split's questions with answers.
    let counts = [outcome.trainCounts, outcome.devCounts] + (outcome.testCounts.map { [$0] } ?? [])
    let asked = counts.reduce(0) { $0 + $1.answersFound + $1.answersNotFound }
    let found = counts.reduce(0) { $0 + $1.answersFound }
    result.data.ocr?.goldFound = asked == 0 ? nil : Double(found) / Double(asked)
    return result
  }
}

/// Peak resident memory at the phases of a run, printed with `LAYOUTLAB_MEMORY_REPORT=1`.
struct MemoryReport {
  var marks: [(String, Int)] = []
  let enabled = ProcessInfo.processInfo.environment["LAYOUTLAB_MEMORY_REPORT"] == "1"

  mutating func mark(_ phase: String) {
    if enabled { marks.append((phase, ProcessMemory.peakResidentBytes())) }
  }

  /// `memory (peak RSS): documents read 210 MB, … ; tensors and buffer cache peak 95 MB`.
  var text: String? {
    guard enabled else { return nil }
    let usage = BufferCache.shared.usage
    return "memory (peak RSS so far): "
      + marks.map { "\($0.0) \($0.1 >> 20) MB" }.joined(separator: ", ")
      + "; tensors and buffer cache peak \(usage.highWaterBytes >> 20) MB"
  }
}

/// The run body both tasks share: documents, vocabulary, model, encoded splits, fine-tuning
/// and the record. `split` makes the task's encoder from the tokenizer (and whether the model
/// reads images) and returns the function that encodes one split.
private func runTask<Split: EncodedSplit, Outcome: FineTuningOutcome>(
  _ plan: RunPlan, settings: RunConfiguration, experiment: String, provenance: Provenance,
  label: String, observe: @escaping (TrainingEvent) -> Void, images: PageImageStorage,
  unit: String,
  documents prepare: () throws -> PreparedDocuments, task: TaskKind,
  labels: Int,
  split: (WordPieceTokenizer, PageImageStorage) throws -> ([Document]) throws -> Split,
  fineTune: (LayoutLMForTask, Split, Split, Split?, UInt64, (TrainingEvent) -> Void) throws ->
    Outcome
) throws -> (RunResult, Outcome) {
  let started = Date()
  // Memory is measured per run: a new peak from here (where the system allows).
  BufferCache.shared.trim()
  BufferCache.shared.resetHighWater()
  ProcessMemory.resetPeak()
  var memory = MemoryReport()
  var documents = try prepare()
  memory.mark("documents read")
  let vocabulary = try settings.runVocabulary {
    documents.train.flatMap { $0.words.map(\.text) } + documents.vocabularyWords
  }
  let model = try settings.makeModel(
    task: task, labels: labels, vocabularySize: vocabulary.count, seed: plan.seed)
  let encode = try split(
    try WordPieceTokenizer(vocabulary: vocabulary), model.config.usesImage ? images : .none)
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
      "\(train.documentCount) train / \(dev.documentCount) dev / \(test?.documentCount ?? 0) test \(unit), "
        + "\(train.windowCount) windows, vocabulary \(vocabulary.count)"))
  let outcome = try fineTune(model, train, dev, test, UInt64(plan.seed)) {
    printer.handle($0)
    observe($0)
  }
  memory.mark("trained and scored")
  if let text = memory.text { printer.handle(.note(text)) }
  let result = RunResult(
    experiment: experiment, variant: plan.variant, seed: plan.seed,
    configuration: plan.configuration, modelConfiguration: model.config,
    data: DataSummary(
      trainDocuments: train.documentCount, devDocuments: dev.documentCount,
      testDocuments: test?.documentCount ?? 0, trainWindows: train.windowCount,
      vocabularySize: vocabulary.count, source: settings.data.source.rawValue,
      ocr: documents.ocr),
    timings: RunTimings(
      dataSeconds: dataSeconds, trainSeconds: outcome.trainSeconds,
      evaluationSeconds: outcome.evaluationSeconds,
      totalSeconds: Date().timeIntervalSince(started)),
    memory: RunMemory(
      peakResidentBytes: ProcessMemory.peakResidentBytes(),
      tensorPeakBytes: BufferCache.shared.usage.highWaterBytes),
    provenance: provenance,
    parameterCount: model.namedParameters().reduce(0) { $0 + $1.1.count })
  return (result, outcome)
}
