// LayoutLab — entity fine-tuning scored as seqeval entity F1: the epoch with the best dev F1 wins.

import Evaluation
import Foundation
import LayoutModels
import Training

/// Precision, recall and F1 of one group.
public struct F1Score: Codable, Hashable, Sendable {
  public var precision: Double
  public var recall: Double
  public var f1: Double
  /// Gold entities in the group.
  public var support: Int
}

/// Entity scores of a split: overall (micro), per label, and per cue tag.
public struct EntityScores: Codable, Hashable, Sendable {
  public var overall: F1Score
  public var perLabel: [String: F1Score]
  /// Per cue: F1 on the words of entities with that cue (other words masked to `O` in gold and
  /// prediction alike).
  public var perCue: [String: F1Score]
  public var documents: Int
}

/// Scores `predictions` with seqeval's default (conlleval) mode.
public func scoreEntities(_ predictions: [DocumentPrediction]) throws -> EntityScores {
  let report = try entityF1(gold: predictions.map(\.gold), predicted: predictions.map(\.predicted))
  var perLabel: [String: F1Score] = [:]
  for row in report.perType {
    perLabel[row.type] = F1Score(
      precision: row.scores.precision, recall: row.scores.recall, f1: row.scores.f1,
      support: row.counts.gold)
  }
  var perCue: [String: F1Score] = [:]
  let cues = Set(predictions.flatMap { $0.cues.compactMap { $0 } })
  for cue in cues.sorted() {
    let masked = predictions.map { document in
      zip(document.cues, zip(document.gold, document.predicted)).map { wordCue, tags in
        wordCue == cue ? tags : ("O", "O")
      }
    }
    let cueReport = try entityF1(
      gold: masked.map { $0.map(\.0) }, predicted: masked.map { $0.map(\.1) })
    perCue[cue] = F1Score(
      precision: cueReport.micro.precision, recall: cueReport.micro.recall, f1: cueReport.micro.f1,
      support: cueReport.totals.gold)
  }
  return EntityScores(
    overall: F1Score(
      precision: report.micro.precision, recall: report.micro.recall, f1: report.micro.f1,
      support: report.totals.gold), perLabel: perLabel, perCue: perCue, documents: predictions.count
  )
}

/// What fine-tuning produced.
public struct FineTuningResult: Codable, Sendable {
  public var history: [EpochRecord]
  public var bestEpoch: Int
  /// Dev scores of the best dev epoch.
  public var dev: EntityScores
  /// Test scores of the best dev epoch's parameters (never used for selection).
  public var test: EntityScores?
  public var devPredictions: [DocumentPrediction]
  public var testPredictions: [DocumentPrediction]?
  public var steps: Int
  public var trainSeconds: Double
  public var evaluationSeconds: Double
}

/// Fine-tunes `model` (a token-classification head) on `train`, picks the epoch with the best
/// dev entity F1, restores it, and scores `test` with it.
public func fineTuneTokenClassification(
  model: LayoutLMForTask, train: TokenClassificationSplit, dev: TokenClassificationSplit,
  test: TokenClassificationSplit?, labels: [String], options: FineTuningOptions, seed: UInt64,
  progress: (TrainingEvent) -> Void = { _ in }
) throws -> FineTuningResult {
  let run = try trainSelectingOnDev(
    model: model, windows: train.windows, images: train.images, options: options, seed: seed,
    metric: .entityF1, progress: progress
  ) {
    let predictions = try predictEntities(model: model, split: dev, labels: labels, batchSize: 16)
    return (try scoreEntities(predictions).overall.f1, predictions)
  }
  var evaluationSeconds = run.evaluationSeconds
  var testPredictions: [DocumentPrediction]?
  var testScores: EntityScores?
  if let test {
    let evalStart = Date()
    testPredictions = try predictEntities(model: model, split: test, labels: labels, batchSize: 16)
    testScores = try testPredictions.map(scoreEntities)
    evaluationSeconds += Date().timeIntervalSince(evalStart)
  }
  return FineTuningResult(
    history: run.history, bestEpoch: run.bestEpoch, dev: try scoreEntities(run.bestPredictions),
    test: testScores, devPredictions: run.bestPredictions, testPredictions: testPredictions,
    steps: run.steps, trainSeconds: run.trainSeconds, evaluationSeconds: evaluationSeconds)
}
