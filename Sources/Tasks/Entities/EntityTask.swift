// LayoutLab — the entity task: FUNSD-style forms tagged word by word, scored as entity F1.

import LayoutData
import LayoutModels
import Training

/// Token classification of form words with the FUNSD IOB2 labels; dev entity F1 selects the
/// epoch.
public struct EntityTask: DocumentTask {
  /// Creates the task.
  public init() {}

  /// The labels the head predicts.
  public var scheme: LabelScheme { .funsdIOB2 }
  public var name: FineTuningTask { .entities }
  public var documentNoun: String { "forms" }
  public var head: TaskKind { .tokenClassification }
  public var labelCount: Int { scheme.labels.count }

  public func prepare(_ settings: TaskSettings, environment: TaskEnvironment) throws
    -> PreparedDocuments
  {
    try prepareDocuments(settings.data, environment: environment)
  }

  public func encoder(
    _ settings: TaskSettings, documents: PreparedDocuments, tokenizer: WordPieceTokenizer,
    images: PageImageStorage, environment: TaskEnvironment
  ) throws -> ([Document]) throws -> TokenClassificationSplit {
    let encoder = try TokenClassificationEncoder(
      tokenizer: tokenizer, labelScheme: scheme, maxSequenceLength: settings.data.maxLength,
      stride: settings.data.stride)
    return {
      try TokenClassificationSplit(
        documents: $0, encoder: encoder, images: images, windowsOnDisk: environment.windowsOnDisk)
    }
  }

  public func predict(
    model: LayoutLMForTask, split: TokenClassificationSplit, settings: TaskSettings
  )
    throws -> [DocumentPrediction]
  {
    try predictEntities(model: model, split: split, labels: scheme.labels, batchSize: 16)
  }

  public func score(_ predictions: [DocumentPrediction]) throws -> Double {
    try scoreEntities(predictions).overall.f1
  }

  public func fineTune(
    model: LayoutLMForTask, train: TokenClassificationSplit, dev: TokenClassificationSplit,
    test: TokenClassificationSplit?, settings: TaskSettings, seed: UInt64,
    progress: (TrainingEvent) -> Void
  ) throws -> FineTuningResult {
    try fineTuneTokenClassification(
      model: model, train: train, dev: dev, test: test, labels: scheme.labels,
      options: settings.training, seed: seed, progress: progress)
  }

  public func baselines(_ settings: TaskSettings, environment: TaskEnvironment) throws
    -> BaselineEntry?
  {
    let documents = try prepare(settings, environment: environment)
    return BaselineEntry(
      data: settings.data, scores: try computeBaselines(documents, scheme: scheme))
  }
}

extension TokenClassificationSplit: EncodedSplit {}

extension FineTuningResult: TaskOutcome {
  public static var recordKey: String { "fineTuning" }
  public var headline: String {
    Self.headline("F1", dev: dev.overall.f1, test: test?.overall.f1)
  }

  /// Older records named every dev metric `devF1` without saying which: entity F1.
  public mutating func migrate() {
    for index in history.indices where history[index].metric == nil {
      history[index].metric = .entityF1
    }
  }
}
