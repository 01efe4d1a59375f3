// LayoutLab — extractive-QA fine-tuning of one run: dev ANLS selects the epoch; test is scored.

import Evaluation
import Foundation
import LayoutData
import LayoutModels
import Training

/// What the encoder found in one split's questions.
public struct QASplitCounts: Codable, Hashable, Sendable {
  public var questions: Int
  public var windows: Int
  /// Questions whose answer was located among the OCR words (exactly or fuzzily).
  public var answersFound: Int
  /// Of those, located only by the fuzzy match.
  public var answersMatchedFuzzily: Int
  /// Questions whose answer is not in the OCR words: trained as pointing at [CLS].
  public var answersNotFound: Int
  /// Questions whose answer is on the page but in no single window.
  public var answersOutsideWindows: Int
  /// ANLS of answering each question with the words of its located span (0 where there is
  /// none): the ceiling of any extractive model on this OCR.
  public var ceilingANLS: Double
}

/// What QA fine-tuning produced.
public struct QAFineTuningResult: Codable, Sendable {
  /// Per evaluated epoch, with dev ANLS as the metric.
  public var history: [EpochRecord]
  public var bestEpoch: Int
  public var dev: QAScores
  public var test: QAScores?
  /// The best epoch's scores on (at most) the first `trainScoredQuestions` training questions:
  /// far above dev means memorising; as low as dev means not learning yet.
  public var trainSubset: QAScores?
  /// Every dev (test) question's prediction and score, in question order.
  public var devAnswers: [ScoredAnswer]
  public var testAnswers: [ScoredAnswer]?
  public var trainCounts: QASplitCounts
  public var devCounts: QASplitCounts
  public var testCounts: QASplitCounts?
  /// The QA baselines on the same dev (and test) questions.
  public var baselines: [QABaselineScores]
  public var steps: Int
  public var trainSeconds: Double
  public var evaluationSeconds: Double
}

/// Training questions scored after fine-tuning (`QAFineTuningResult.trainSubset`).
let trainScoredQuestions = 256

/// Scores `predictions` (in `split.questions` order) with the metrics module.
func scoreAnswers(_ predictions: [AnswerPrediction], split: QASplit) -> [ScoredAnswer] {
  zip(split.questions, predictions).map { question, prediction in
    ScoredAnswer(
      questionId: question.questionId, documentId: question.documentId,
      prediction: prediction.answer, answers: question.answers, cue: question.cue,
      clsPreferred: prediction.clsPreferred)
  }
}

/// Every question of `split` answered by `model` and scored, in question order.
func answerQuestions(model: LayoutLMForTask, split: QASplit, qa: QAOptions) throws
  -> [ScoredAnswer]
{
  scoreAnswers(
    try predictAnswers(model: model, split: split, options: qa, batchSize: 16), split: split)
}

/// The encoder's counts of `split`, with the ceiling ANLS of its located spans.
func splitCounts(_ split: QASplit, qa: QAOptions) -> QASplitCounts {
  let ceiling = split.questions.filter { !$0.answers.isEmpty }.map { question -> Double in
    let words = split.words(of: question.documentId)
    guard
      let span = AnswerSpan.locate(
        answers: question.answers, in: words, maxEditRatio: qa.maxAnswerEditRatio)?.span
    else { return 0 }
    let text = words[span].map(\.text).joined(separator: " ")
    return anlsScore(prediction: text, answers: question.answers)
  }
  let encoding = split.encoding
  return QASplitCounts(
    questions: encoding.questions, windows: encoding.windows.count,
    answersFound: encoding.answersFound, answersMatchedFuzzily: encoding.answersMatchedFuzzily,
    answersNotFound: encoding.answersNotFound,
    answersOutsideWindows: encoding.answersOutsideWindows,
    ceilingANLS: ceiling.isEmpty ? 0 : ceiling.reduce(0, +) / Double(ceiling.count))
}

/// Fine-tunes an extractive-QA model, keeps the epoch with the best dev ANLS and scores `test`
/// with it (never selecting on test).
func fineTuneQA(
  model: LayoutLMForTask, train: QASplit, dev: QASplit, test: QASplit?,
  options: FineTuningOptions, qa: QAOptions, seed: UInt64,
  progress: (TrainingEvent) -> Void = { _ in }
) throws -> QAFineTuningResult {
  let run = try trainSelectingOnDev(
    model: model, windows: WindowList(train.windows), images: train.images, options: options,
    seed: seed,
    metric: .anls, progress: progress
  ) {
    let answers = try answerQuestions(model: model, split: dev, qa: qa)
    return (QAScores(answers).anls, answers)
  }
  var evaluationSeconds = run.evaluationSeconds
  var testAnswers: [ScoredAnswer]?
  if let test {
    let started = Date()
    testAnswers = try answerQuestions(model: model, split: test, qa: qa)
    evaluationSeconds += Date().timeIntervalSince(started)
  }
  var trainSample = train
  trainSample.questions = Array(train.questions.prefix(trainScoredQuestions))
  let sampled = Set(trainSample.questions.map(\.questionId))
  trainSample.encoding.windows = train.windows.filter { sampled.contains($0.questionId ?? -1) }
  let trainAnswers = try answerQuestions(model: model, split: trainSample, qa: qa)
  return QAFineTuningResult(
    history: run.history, bestEpoch: run.bestEpoch, dev: QAScores(run.bestPredictions),
    test: testAnswers.map(QAScores.init), trainSubset: QAScores(trainAnswers),
    devAnswers: run.bestPredictions,
    testAnswers: testAnswers, trainCounts: splitCounts(train, qa: qa),
    devCounts: splitCounts(dev, qa: qa), testCounts: test.map { splitCounts($0, qa: qa) },
    baselines: computeQABaselines(dev: dev, test: test), steps: run.steps,
    trainSeconds: run.trainSeconds, evaluationSeconds: evaluationSeconds)
}
