// LayoutLab — `layoutlab pretrain`: corpus → vocabulary → MVLM/TIA/TIM pre-training → checkpoint.

import Experiments
import Foundation
import LayoutData
import LayoutModels
import SyntheticData
import TensorCore
import Training

/// What to pre-train.
public struct PretrainRequest {
  public var corpora: [URL]
  public var preset = "small"
  public var version = "v2"
  /// Any of `mvlm`, `tia`, `tim`; nil: all three for v2, MVLM for v1.
  public var tasks: Set<String>?
  public var steps: Int?
  /// `key=value` settings (see `pretrainSettingKeys`).
  public var settings: [String] = []
  public var output: URL
  /// Stop after this many steps without finishing (for resume tests).
  public var stopAfter: Int?

  /// Creates a request.
  public init(corpora: [URL], output: URL) {
    self.corpora = corpora
    self.output = output
  }
}

/// Keys `--set` accepts for pre-training, with what they set.
public let pretrainSettingKeys: [String: String] = [
  "maskRate": "MVLM selection rate (0.15)", "maskTokenShare": "share of [MASK] (0.8)",
  "randomTokenShare": "share of random tokens (0.1)",
  "paintMaskedRegions": "paint masked tokens' image regions (true for v2)",
  "tiaLineRate": "TIA line cover rate (0.15)", "coverFill": "gray level of TIA covers (0)",
  "maskedRegionFill": "gray level MVLM paints masked words with (0)",
  "tiaPositiveWeight": "weight of covered tokens in the TIA loss (1)",
  "grid": "visual grid side, 1-14 (the preset's 7)",
  "timReplaceRate": "TIM other-page rate (0.15)", "timDropRate": "TIM no-image rate (0.05)",
  "missingImage": "blank | noVisualTokens (blank)",
  "negativePageTIA": "TIA labels on TIM negatives: covered | ignored (covered)",
  "mvlmWeight": "MVLM loss weight (1)", "tiaWeight": "TIA loss weight (1)",
  "timWeight": "TIM loss weight (1)", "batchSize": "pages per step (8)",
  "sequenceLength": "tokens per page window (256)", "learningRate": "AdamW peak rate (5e-4)",
  "warmupRatio": "share of steps warming up (0.1)", "weightDecay": "AdamW weight decay (0.01)",
  "checkpointEvery": "steps between resumable checkpoints (200)",
  "seed": "model and data-order seed (1)", "vocabularySize": "WordPiece vocabulary size (8000)",
  "heldOutEvery": "every Nth page is held out for evaluation (10)",
  "hiddenSize": "hidden width (the preset's)", "layers": "encoder layers (the preset's)",
]

/// Every option a pre-training run used, written to `pretraining.json` beside the checkpoint.
public struct PretrainingRecipe: Codable, Hashable, Sendable {
  /// The task options (rates, fills, weights, switches).
  public var tasks: PretrainingOptions
  /// Steps, batch, optimiser and checkpoint settings.
  public var run: PretrainingRunOptions
  /// The `--set` arguments as given.
  public var settings: [String]
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
  var values: [String: String] = [:]
  for item in request.settings {
    guard let equals = item.firstIndex(of: "="), pretrainSettingKeys[String(item[..<equals])] != nil
    else {
      let key = item.split(separator: "=").first.map(String.init) ?? item
      throw SpecError.unknownKey(file: "--set", path: key, suggestion: nil)
    }
    values[String(item[..<equals])] = String(item[item.index(after: equals)...])
  }
  func number(_ key: String, _ fallback: Double) throws -> Double {
    guard let text = values[key] else { return fallback }
    guard let value = Double(text), value.isFinite else {
      throw SpecError.invalidValue(file: "--set", path: key, expected: "a number, not '\(text)'")
    }
    return value
  }
  var options = request.version == "v1" ? PretrainingOptions.v1 : PretrainingOptions()
  if let tasks = request.tasks {
    let unknown = tasks.subtracting(["mvlm", "tia", "tim"])
    guard unknown.isEmpty, !tasks.isEmpty else {
      throw SpecError.invalidValue(
        file: "--tasks", path: "tasks", expected: "a list of mvlm, tia, tim")
    }
    options.mvlm = tasks.contains("mvlm")
    options.tia = tasks.contains("tia")
    options.tim = tasks.contains("tim")
    if request.version == "v1" && (options.tia || options.tim) {
      throw SpecError.invalidValue(
        file: "--tasks", path: "tasks", expected: "mvlm only for v1 (no image)")
    }
  }
  options.maskRate = try number("maskRate", options.maskRate)
  options.maskTokenShare = try number("maskTokenShare", options.maskTokenShare)
  options.randomTokenShare = try number("randomTokenShare", options.randomTokenShare)
  if let paint = values["paintMaskedRegions"] { options.paintMaskedRegions = paint == "true" }
  options.tiaLineRate = try number("tiaLineRate", options.tiaLineRate)
  options.coverFill = Float(try number("coverFill", Double(options.coverFill)))
  options.maskedRegionFill = Float(
    try number("maskedRegionFill", Double(options.maskedRegionFill)))
  options.tiaPositiveWeight = Float(
    try number("tiaPositiveWeight", Double(options.tiaPositiveWeight)))
  guard options.tiaPositiveWeight > 0 else {
    throw SpecError.invalidValue(
      file: "--set", path: "tiaPositiveWeight", expected: "a positive number")
  }
  options.timReplaceRate = try number("timReplaceRate", options.timReplaceRate)
  options.timDropRate = try number("timDropRate", options.timDropRate)
  if let mode = values["missingImage"] {
    guard let parsed = MissingImageMode(rawValue: mode) else {
      throw SpecError.invalidValue(
        file: "--set", path: "missingImage", expected: "blank or noVisualTokens")
    }
    options.missingImage = parsed
  }
  if let mode = values["negativePageTIA"] {
    guard let parsed = NegativePageTIA(rawValue: mode) else {
      throw SpecError.invalidValue(
        file: "--set", path: "negativePageTIA", expected: "covered or ignored")
    }
    options.negativePageTIA = parsed
  }
  options.mvlmWeight = Float(try number("mvlmWeight", 1))
  options.tiaWeight = Float(try number("tiaWeight", 1))
  options.timWeight = Float(try number("timWeight", 1))
  var run = PretrainingRunOptions()
  run.steps = request.steps ?? run.steps
  run.batchSize = Int(try number("batchSize", Double(run.batchSize)))
  run.sequenceLength = Int(try number("sequenceLength", Double(run.sequenceLength)))
  run.learningRate = Float(try number("learningRate", Double(run.learningRate)))
  run.warmupRatio = Float(try number("warmupRatio", Double(run.warmupRatio)))
  run.weightDecay = Float(try number("weightDecay", Double(run.weightDecay)))
  run.checkpointEvery = Int(try number("checkpointEvery", Double(run.checkpointEvery)))
  run.seed = UInt64(try number("seed", Double(run.seed)))
  let heldOutEvery = max(2, Int(try number("heldOutEvery", 10)))
  /// A whole number in `range`, or nil when the key is not set.
  func wholeNumber(_ key: String, _ range: ClosedRange<Int>) throws -> Int? {
    guard let text = values[key] else { return nil }
    guard let value = Int(text), range.contains(value) else {
      throw SpecError.invalidValue(
        file: "--set", path: key,
        expected: "a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
    }
    return value
  }
  let grid = try wholeNumber("grid", 1...14)
  let hiddenSize = try wholeNumber("hiddenSize", 8...4096)
  let layers = try wholeNumber("layers", 1...48)

  let documents = try readCorpus(request.corpora)
  let training = documents.enumerated().filter { $0.offset % heldOutEvery != heldOutEvery - 1 }.map(
    \.element)
  let heldOut = documents.enumerated().filter { $0.offset % heldOutEvery == heldOutEvery - 1 }.map(
    \.element)
  let output = request.output
  try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
  // The vocabulary is learned from the training pages and saved beside the model; a resumed run
  // reads it back so the token ids cannot change.
  let vocabularyURL = output.appendingPathComponent("vocab.txt")
  let vocabulary: WordPieceVocabulary
  if FileManager.default.fileExists(atPath: vocabularyURL.path) {
    vocabulary = try WordPieceVocabulary(file: vocabularyURL)
  } else {
    vocabulary = VocabularyBuilder(vocabularySize: Int(try number("vocabularySize", 8000)))
      .build(from: training.flatMap { $0.words.map(\.text) })
    try vocabulary.write(to: vocabularyURL)
  }
  let tokenizer = try WordPieceTokenizer(vocabulary: vocabulary)
  var config = try LayoutLMConfiguration.preset(request.preset, version: request.version)
  if let hidden = hiddenSize {
    config.hiddenSize = hidden
    config.intermediateSize = 4 * hidden
    config.coordinateSize = hidden * 3 / 16
    config.shapeSize = (hidden - 4 * config.coordinateSize) / 2
  }
  if let layers { config.numHiddenLayers = layers }
  if let grid { config.imageFeaturePoolShape = [grid, grid, config.visualChannels] }
  config.vocabSize = vocabulary.count
  config.maxPositionEmbeddings = max(config.maxPositionEmbeddings, run.sequenceLength)
  try config.validate()
  let pages = try training.map { try PretrainingPage($0, tokenizer: tokenizer) }
  let sampler = try PretrainingSampler(
    pages: pages, options: options, sequenceLength: run.sequenceLength, tokenizer: tokenizer)
  let model = LayoutLMForTask(config, task: .pretraining, seed: run.seed)
  let printer = ProgressPrinter(label: "pretrain")
  printer.handle(
    .note(
      "\(training.count) pages (\(heldOut.count) held out), vocabulary \(vocabulary.count), "
        + "tasks \([options.mvlm ? "mvlm" : nil, options.tia ? "tia" : nil, options.tim ? "tim" : nil].compactMap { $0 }.joined(separator: ","))"
    ))
  let records = try pretrain(
    model: model, sampler: sampler, options: run,
    checkpointDirectory: output.appendingPathComponent("checkpoint"),
    metricsURL: output.appendingPathComponent("metrics.jsonl"), stopAfter: request.stopAfter,
    progress: printer.handle)
  if let stop = request.stopAfter, stop < run.steps {
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
  try encoder.encode(PretrainingRecipe(tasks: options, run: run, settings: request.settings)).write(
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
