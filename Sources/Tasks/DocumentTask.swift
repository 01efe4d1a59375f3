// LayoutLab — the one protocol every fine-tuning task conforms to.

import LayoutData
import LayoutModels
import Training

/// One fine-tuning task: how its documents are prepared and encoded, how a model with its head
/// is fine-tuned (selecting the epoch on dev), how it predicts and scores, and what it records.
/// The executor runs every task through these steps alone; a new task is one folder of
/// conformance plus one `TaskRegistry.register` call.
public protocol DocumentTask: Sendable {
  /// One split encoded for the model.
  associatedtype Split: EncodedSplit
  /// What the model predicts for one item of a split (a document, a question).
  associatedtype Prediction
  /// What fine-tuning produced: the task's section of the run's record.
  associatedtype Outcome: TaskOutcome

  /// The spec's `task` value that selects this task.
  var name: FineTuningTask { get }
  /// What one document is called in the run's log (`forms`, `documents`, `pages`).
  var documentNoun: String { get }
  /// The model's head.
  var head: TaskKind { get }
  /// The head's output classes.
  var labelCount: Int { get }

  /// What `data.source` must be for this task, when `source` is not accepted (checked before
  /// the documents are read); nil when it is.
  func sourceRequirement(_ source: DataSource) -> String?

  /// Prepares the splits: reads (or generates) the documents of `settings.data`.
  func prepare(_ settings: TaskSettings, environment: TaskEnvironment) throws -> PreparedDocuments

  /// Encodes: the function that encodes one split's documents for a model reading `images`
  /// (`.none` for a model without a visual branch), with `tokenizer`.
  func encoder(
    _ settings: TaskSettings, documents: PreparedDocuments, tokenizer: WordPieceTokenizer,
    images: PageImageStorage, environment: TaskEnvironment
  ) throws -> ([Document]) throws -> Split

  /// Predicts every item of `split` without recording gradients.
  func predict(model: LayoutLMForTask, split: Split, settings: TaskSettings) throws
    -> [Prediction]

  /// Scores predictions: the dev metric that selects the epoch (higher is better).
  func score(_ predictions: [Prediction]) throws -> Double

  /// Fine-tunes `model` on `train`, keeps the epoch with the best dev score (`predict`, then
  /// `score`) and scores `test` with it (never selecting on test).
  func fineTune(
    model: LayoutLMForTask, train: Split, dev: Split, test: Split?, settings: TaskSettings,
    seed: UInt64, progress: (TrainingEvent) -> Void
  ) throws -> Outcome

  /// Records: completes the record's shared parts from the outcome (QA: the share of gold
  /// answers the OCR holds). The outcome itself is the task's section of the record.
  func record(_ outcome: Outcome, ocr: inout OCRProvenance?)

  /// The task's trivial baselines on `settings.data`'s dev (and test) split, or nil when the
  /// task has none written beside its runs.
  func baselines(_ settings: TaskSettings, environment: TaskEnvironment) throws -> BaselineEntry?
}

extension DocumentTask {
  /// Every source is accepted unless the task says otherwise.
  public func sourceRequirement(_ source: DataSource) -> String? { nil }

  /// Nothing beside the outcome is recorded unless the task says otherwise.
  public func record(_ outcome: Outcome, ocr: inout OCRProvenance?) {}

  /// No baselines unless the task has some.
  public func baselines(_ settings: TaskSettings, environment: TaskEnvironment) throws
    -> BaselineEntry?
  { nil }

  /// The type of the task's record section (for decoding records).
  public var outcomeType: any TaskOutcome.Type { Outcome.self }
}

/// The settings one task reads: the data and encoding, fine-tuning and the QA options.
public struct TaskSettings: Sendable {
  /// Where the documents come from and how they are encoded.
  public var data: DataSettings
  /// The fine-tuning loop's options.
  public var training: FineTuningOptions
  /// Question encoding, answer matching and decoding (QA only).
  public var qa: QAOptions

  /// Creates settings.
  public init(
    data: DataSettings = DataSettings(), training: FineTuningOptions = FineTuningOptions(),
    qa: QAOptions = QAOptions()
  ) {
    self.data = data
    self.training = training
    self.qa = qa
  }
}
