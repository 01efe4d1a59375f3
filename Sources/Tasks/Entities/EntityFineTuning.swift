// LayoutLab — entity fine-tuning scored as seqeval entity F1: the epoch with the best dev F1 wins.

import Evaluation
import Foundation
import LayoutModels
import Training

/// Scores `predictions` with seqeval's default (conlleval) mode (`Evaluation`'s scorer).
public func scoreEntities(_ predictions: [DocumentPrediction]) throws -> EntityScores {
  try scoreEntities(
    gold: predictions.map(\.gold), predicted: predictions.map(\.predicted),
    cues: predictions.map(\.cues))
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
