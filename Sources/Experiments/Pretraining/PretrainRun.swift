// LayoutLab — `layoutlab pretrain`: corpus → vocabulary → MVLM/TIA/TIM pre-training → checkpoint.

import Foundation
import LayoutData
import LayoutModels
import SyntheticData
import TensorCore
import Training

/// What to pre-train, and where to write it.
public struct PretrainRequest {
  public var corpora: [URL]
  /// A JSON5 settings file (`{ model: {…}, pretraining: {…} }`), or nil for the defaults.
  public var settingsFile: URL?
  /// `key.path=value` overrides, applied in order after the file (see `PretrainSettings`).
  public var overrides: [String] = []
  public var output: URL
  /// Stop after this many steps without finishing (for resume tests).
  public var stopAfter: Int?

  /// Creates a request.
  public init(corpora: [URL], output: URL) {
    self.corpora = corpora
    self.output = output
  }
}

/// What a pre-training run used, written to `pretraining.json` beside the checkpoint.
public struct PretrainingRecipe: Codable, Hashable, Sendable {
  /// The settings as read (file, then overrides).
  public var settings: PretrainSettings
  /// The model configuration that was trained.
  public var modelConfiguration: LayoutLMConfiguration
  /// The overrides as given.
  public var overrides: [String]
}

/// Reads documents from each corpus folder: a synthetic dataset (with `synth.json`) or a FUNSD
/// folder (`training_data/`, labels unused).
public func readCorpus(_ folders: [URL]) throws -> [Document] {
  var documents: [Document] = []
  for folder in folders {
    let manager = FileManager.default
    if manager.fileExists(atPath: folder.appendingPathComponent("synth.json").path) {
      documents += try SyntheticDatasetContents.read(folder).documents
    } else if manager.fileExists(atPath: folder.appendingPathComponent("training_data").path) {
      documents += try FUNSD.read(split: folder.appendingPathComponent("training_data"))
    } else if manager.fileExists(atPath: folder.appendingPathComponent("annotations").path) {
      documents += try FUNSD.read(split: folder)
    } else {
      throw DataFormatError(
        file: folder.path, entry: "corpus",
        expected:
          "a synthetic dataset (synth.json) or a FUNSD folder (training_data/ or annotations/)")
    }
  }
  return documents.sorted { $0.id < $1.id }
}

/// Runs pre-training and writes `config.json`, `model.safetensors`, `vocab.txt`,
/// `metrics.jsonl`, `evaluation.json`, `pretraining.json` (every option used) and
/// `loss-curves.svg` into the output folder. Returns a printable summary.
public func runPretraining(_ request: PretrainRequest) throws -> String {
  let settings = try PretrainSettings.load(
    contentsOf: request.settingsFile, overrides: request.overrides)
  // Every setting is checked before the corpus is read or anything is written.
  _ = try settings.modelConfiguration(vocabularySize: settings.vocabularySize)
  let printer = ProgressPrinter(label: "pretrain")
  return try pretrainModel(
    settings: settings, documents: try readCorpus(request.corpora), output: request.output,
    overrides: request.overrides, stopAfter: request.stopAfter, progress: printer.handle)
}

/// The body of `runPretraining` (and of a spec's pre-training stage): pre-trains on
/// `documents` (every `heldOutEvery`-th held out) into `output`, resuming from
/// `output/checkpoint` when an earlier attempt left one.
func pretrainModel(
  settings: PretrainSettings, documents: [Document], output: URL, overrides: [String],
  stopAfter: Int? = nil, progress: @escaping (TrainingEvent) -> Void
) throws -> String {
  let options = settings.tasks
  let run = settings.run
  let heldOutEvery = settings.heldOutEvery
  let training = documents.enumerated().filter { $0.offset % heldOutEvery != heldOutEvery - 1 }.map(
    \.element)
  let heldOut = documents.enumerated().filter { $0.offset % heldOutEvery == heldOutEvery - 1 }.map(
    \.element)
  try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
  // The vocabulary is learned from the training pages and saved beside the model; a resumed run
  // reads it back so the token ids cannot change.
  let vocabularyURL = output.appendingPathComponent("vocab.txt")
  let vocabulary: WordPieceVocabulary
  if FileManager.default.fileExists(atPath: vocabularyURL.path) {
    vocabulary = try WordPieceVocabulary(file: vocabularyURL)
  } else {
    vocabulary = VocabularyBuilder(vocabularySize: settings.vocabularySize)
      .build(from: training.flatMap { $0.words.map(\.text) })
    try vocabulary.write(to: vocabularyURL)
  }
  let tokenizer = try WordPieceTokenizer(vocabulary: vocabulary)
  let config = try settings.modelConfiguration(vocabularySize: vocabulary.count)
  let pages = try training.map { try PretrainingPage($0, tokenizer: tokenizer) }
  let sampler = try PretrainingSampler(
    pages: pages, options: options, sequenceLength: run.sequenceLength, tokenizer: tokenizer)
  let model = LayoutLMForTask(config, task: .pretraining, seed: run.seed)
  progress(
    .note(
      "\(training.count) pages (\(heldOut.count) held out), vocabulary \(vocabulary.count), "
        + "tasks \([options.mvlm ? "mvlm" : nil, options.tia ? "tia" : nil, options.tim ? "tim" : nil].compactMap { $0 }.joined(separator: ","))"
    ))
  let records = try pretrain(
    model: model, sampler: sampler, options: run,
    checkpointDirectory: output.appendingPathComponent("checkpoint"),
    metricsURL: output.appendingPathComponent("metrics.jsonl"), stopAfter: stopAfter,
    progress: progress)
  if let stop = stopAfter, stop < run.steps {
    return "stopped after step \(records.last?.step ?? 0) of \(run.steps); run again to resume"
  }
  try model.save(to: output)
  try Data(lossCurvesSVG(records, title: "pre-training losses").utf8).write(
    to: output.appendingPathComponent("loss-curves.svg"), options: .atomic)
  // Held-out evaluation beside the trivial baselines.
  var frequency: [Int32: Int] = [:]
  for page in pages { for piece in page.pieces { frequency[piece, default: 0] += 1 } }
  let unigram = frequency.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0
  let heldOutPages = try heldOut.map { try PretrainingPage($0, tokenizer: tokenizer) }
  var evaluation = PretrainingEvaluation(pages: 0)
  if !heldOutPages.isEmpty {
    let heldOutSampler = try PretrainingSampler(
      pages: heldOutPages, options: options, sequenceLength: run.sequenceLength,
      tokenizer: tokenizer)
    evaluation = evaluatePretraining(model: model, sampler: heldOutSampler, unigramToken: unigram)
  }
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
  try encoder.encode(evaluation).write(
    to: output.appendingPathComponent("evaluation.json"), options: .atomic)
  let recipe = PretrainingRecipe(
    settings: settings, modelConfiguration: config, overrides: overrides)
  try encoder.encode(recipe).write(
    to: output.appendingPathComponent("pretraining.json"), options: .atomic)
  func line(_ name: String, _ metric: MetricWithBaseline?) -> String? {
    metric.map {
      "\(name): \(String(format: "%.4f", $0.value)) (baseline \(String(format: "%.4f", $0.baseline)): \($0.baselineName), n=\($0.count))"
    }
  }
  return
    ([
      "wrote \(output.path): config.json, model.safetensors, vocab.txt, metrics.jsonl, evaluation.json, pretraining.json, loss-curves.svg",
      "final loss \(String(format: "%.4f", records.last?.loss ?? .nan)) after \(records.count) steps",
    ]
    + [
      line("MVLM accuracy", evaluation.mvlmAccuracy), line("TIA accuracy", evaluation.tiaAccuracy),
      line("TIA F1", evaluation.tiaF1),
      line("TIA F1 on matched pages", evaluation.tiaF1MatchedPages),
      line("TIA ROC AUC on matched pages", evaluation.tiaAUCMatchedPages),
      line("TIM accuracy", evaluation.timAccuracy),
    ].compactMap { $0 }).joined(separator: "\n")
}
