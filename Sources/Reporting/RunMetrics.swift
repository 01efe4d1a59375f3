// LayoutLab — the task metrics of one stored run, with its per-item scores where it kept them.

import Evaluation
import Experiments
import Foundation
import Tasks
import Training

/// One task metric on one split of a stored run: the stored value and, when the run kept its
/// predictions, the items (documents or questions) a paired bootstrap resamples.
struct RunMetric {
  /// `entity F1`, `accuracy`, `ANLS` or `exact match`.
  var metric: String
  /// `dev` or `test`.
  var split: String
  /// The value `result.json` stores.
  var value: Double
  /// The corpus statistic over `items` (micro F1 for entities, a mean otherwise).
  var statistic: CorpusStatistic
  /// What an item is, singular: `document` or `question`.
  var unit: String
  /// Item ids in prediction order, and their statistics (nil when no predictions were kept).
  var items: (ids: [String], statistics: ItemStatistics)?

  /// `dev entity F1`: the metric's name in tables and in `--metric`.
  var name: String { "\(split) \(metric)" }
}

/// The task metrics of `run`, dev before test, in the order the reports show them.
func runMetrics(_ run: RunRecord) throws -> [RunMetric] {
  var metrics: [RunMetric] = []
  if let entities = run.fineTuning {
    func items(_ predictions: [DocumentPrediction]?) throws -> ([String], ItemStatistics)? {
      guard let predictions, !predictions.isEmpty else { return nil }
      let report = try entityF1(
        gold: predictions.map(\.gold), predicted: predictions.map(\.predicted))
      return (predictions.map(\.id), report.sequenceStatistics)
    }
    metrics.append(
      RunMetric(
        metric: "entity F1", split: "dev", value: entities.dev.overall.f1, statistic: .microF1,
        unit: "document", items: try items(entities.devPredictions)))
    if let test = entities.test {
      metrics.append(
        RunMetric(
          metric: "entity F1", split: "test", value: test.overall.f1, statistic: .microF1,
          unit: "document", items: try items(entities.testPredictions)))
    }
  }
  if let classes = run.classification {
    typealias Prediction = ClassPrediction
    func items(_ predictions: [Prediction]?) throws -> ([String], ItemStatistics)? {
      guard let predictions, !predictions.isEmpty else { return nil }
      let correct = predictions.map { $0.gold == $0.predicted ? 1.0 : 0.0 }
      return (predictions.map(\.id), try ItemStatistics(scores: correct))
    }
    metrics.append(
      RunMetric(
        metric: "accuracy", split: "dev", value: classes.dev.accuracy, statistic: .mean,
        unit: "document", items: try items(classes.devPredictions)))
    if let test = classes.test {
      metrics.append(
        RunMetric(
          metric: "accuracy", split: "test", value: test.accuracy, statistic: .mean,
          unit: "document", items: try items(classes.testPredictions)))
    }
  }
  if let qa = run.qa {
    func items(_ answers: [ScoredAnswer]?, _ score: (ScoredAnswer) -> Double) throws -> (
      [String], ItemStatistics
    )? {
      guard let answers, !answers.isEmpty else { return nil }
      return (answers.map { "\($0.questionId)" }, try ItemStatistics(scores: answers.map(score)))
    }
    let splits =
      [("dev", qa.dev, qa.devAnswers)] + (qa.test.map { [("test", $0, qa.testAnswers)] } ?? [])
    for (split, scores, answers) in splits {
      metrics.append(
        RunMetric(
          metric: "ANLS", split: split, value: scores.anls, statistic: .mean, unit: "question",
          items: try items(answers, \.anls)))
    }
    for (split, scores, answers) in splits {
      metrics.append(
        RunMetric(
          metric: "exact match", split: split, value: scores.exactMatch, statistic: .mean,
          unit: "question", items: try items(answers, \.exactMatch)))
    }
  }
  return metrics
}
