// LayoutLab — the classification task: a page's class (RVL-CDIP's 16), scored as accuracy.

import Evaluation
import LayoutData
import LayoutModels
import Training

/// Sequence classification of whole pages into RVL-CDIP's classes; dev accuracy selects the
/// epoch.
public struct ClassificationTask: DocumentTask {
  /// Creates the task.
  public init() {}

  public var name: FineTuningTask { .classification }
  public var documentNoun: String { "documents" }
  public var head: TaskKind { .sequenceClassification }
  public var labelCount: Int { RVLCDIP.classNames.count }

  public func sourceRequirement(_ source: DataSource) -> String? {
    [.syntheticClassify, .rvlcdip].contains(source)
      ? nil : "'synthetic-classify' or 'rvlcdip' for task 'classification'"
  }

  public func prepare(_ settings: TaskSettings, environment: TaskEnvironment) throws
    -> PreparedDocuments
  {
    try prepareClassifiedPages(settings.data, environment: environment)
  }

  public func encoder(
    _ settings: TaskSettings, documents: PreparedDocuments, tokenizer: WordPieceTokenizer,
    images: PageImageStorage, environment: TaskEnvironment
  ) throws -> ([Document]) throws -> ClassificationSplit {
    let encoder = try SequenceClassificationEncoder(
      tokenizer: tokenizer, maxSequenceLength: settings.data.maxLength)
    return {
      try ClassificationSplit(
        documents: $0, encoder: encoder, images: images, windowsOnDisk: environment.windowsOnDisk)
    }
  }

  public func predict(model: LayoutLMForTask, split: ClassificationSplit, settings: TaskSettings)
    throws -> [ClassPrediction]
  {
    try predictClasses(model: model, split: split, batchSize: 16)
  }

  public func score(_ predictions: [ClassPrediction]) throws -> Double {
    ClassificationScores(predictions).accuracy
  }

  public func fineTune(
    model: LayoutLMForTask, train: ClassificationSplit, dev: ClassificationSplit,
    test: ClassificationSplit?, settings: TaskSettings, seed: UInt64,
    progress: (TrainingEvent) -> Void
  ) throws -> ClassificationFineTuningResult {
    try fineTuneSequenceClassification(
      model: model, train: train, dev: dev, test: test, options: settings.training, seed: seed,
      progress: progress)
  }

  public func baselines(_ settings: TaskSettings, environment: TaskEnvironment) throws
    -> BaselineEntry?
  {
    let documents = try prepare(settings, environment: environment)
    return BaselineEntry(
      data: settings.data, scores: [],
      classification: computeClassificationBaselines(documents))
  }
}

extension ClassificationSplit: EncodedSplit {}

extension ClassificationFineTuningResult: TaskOutcome {
  public static var recordKey: String { "classification" }
  public var headline: String {
    Self.headline("accuracy", dev: dev.accuracy, test: test?.accuracy)
  }

  /// Older records named every dev metric `devF1` without saying which: accuracy.
  public mutating func migrate() {
    for index in history.indices where history[index].metric == nil {
      history[index].metric = .accuracy
    }
  }
}
