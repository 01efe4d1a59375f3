// LayoutLab — the QA task: extractive answers to questions about a page, scored as ANLS.

import Evaluation
import LayoutData
import LayoutModels
import Training

/// Extractive question answering (a start and an end over the page's tokens); dev ANLS selects
/// the epoch.
public struct QATask: DocumentTask {
  /// Creates the task.
  public init() {}

  public var name: FineTuningTask { .qa }
  public var documentNoun: String { "pages" }
  public var head: TaskKind { .questionAnswering }
  public var labelCount: Int { 2 }

  public func prepare(_ settings: TaskSettings, environment: TaskEnvironment) throws
    -> PreparedDocuments
  {
    try prepareQADocuments(settings.data, environment: environment)
  }

  public func encoder(
    _ settings: TaskSettings, documents: PreparedDocuments, tokenizer: WordPieceTokenizer,
    images: PageImageStorage, environment: TaskEnvironment
  ) throws -> ([Document]) throws -> QASplit {
    var encoder = try QAEncoder(
      tokenizer: tokenizer, maxSequenceLength: settings.data.maxLength,
      stride: settings.data.stride, maxQuestionLength: settings.qa.maxQuestionLength)
    encoder.maxAnswerEditRatio = settings.qa.maxAnswerEditRatio
    let all = documents.questions
    return {
      try QASplit(
        documents: $0, questions: questions(of: $0, in: all), encoder: encoder, images: images)
    }
  }

  public func predict(model: LayoutLMForTask, split: QASplit, settings: TaskSettings) throws
    -> [ScoredAnswer]
  {
    try answerQuestions(model: model, split: split, qa: settings.qa)
  }

  public func score(_ predictions: [ScoredAnswer]) throws -> Double {
    QAScores(predictions).anls
  }

  public func fineTune(
    model: LayoutLMForTask, train: QASplit, dev: QASplit, test: QASplit?, settings: TaskSettings,
    seed: UInt64, progress: (TrainingEvent) -> Void
  ) throws -> QAFineTuningResult {
    try fineTuneQA(
      model: model, train: train, dev: dev, test: test, options: settings.training,
      qa: settings.qa, seed: seed, progress: progress)
  }

  /// The share of gold answers the OCR holds, over every split's questions with answers.
  public func record(_ outcome: QAFineTuningResult, ocr: inout OCRProvenance?) {
    let counts =
      [outcome.trainCounts, outcome.devCounts] + (outcome.testCounts.map { [$0] } ?? [])
    let asked = counts.reduce(0) { $0 + $1.answersFound + $1.answersNotFound }
    let found = counts.reduce(0) { $0 + $1.answersFound }
    ocr?.goldFound = asked == 0 ? nil : Double(found) / Double(asked)
  }
}

extension QASplit: EncodedSplit {}

extension QAFineTuningResult: TaskOutcome {
  public static var recordKey: String { "qa" }
  public var headline: String { Self.headline("ANLS", dev: dev.anls, test: test?.anls) }
}
