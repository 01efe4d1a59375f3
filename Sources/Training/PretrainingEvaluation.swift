// LayoutLab — held-out evaluation of pre-training, each task beside its trivial baseline.

import Foundation
import LayoutData
import LayoutModels
import Seeding
import TensorCore

/// A metric and the trivial baseline it must beat.
public struct MetricWithBaseline: Codable, Hashable, Sendable {
  public var value: Double
  public var baseline: Double
  /// What the baseline does.
  public var baselineName: String
  public var count: Int
}

/// Held-out scores of the three tasks.
public struct PretrainingEvaluation: Codable, Hashable, Sendable {
  public var mvlmAccuracy: MetricWithBaseline?
  public var tiaAccuracy: MetricWithBaseline?
  public var tiaF1: MetricWithBaseline?
  /// TIA F1 on pages whose image is their own (TIM positives) only: TIM negatives label every
  /// token "covered", so the overall F1 also rewards spotting a mismatched page.
  public var tiaF1MatchedPages: MetricWithBaseline?
  /// Area under the ROC curve of the TIA logits on own-image pages: threshold-free, so it shows
  /// whether TIA ranks covered tokens above the rest even when it never predicts "covered".
  public var tiaAUCMatchedPages: MetricWithBaseline?
  public var timAccuracy: MetricWithBaseline?
  public var pages: Int

  /// An evaluation of `pages` pages with no scores yet.
  public init(pages: Int) { self.pages = pages }
}

/// Scores `model` on examples sampled (with a fixed seed) from `sampler`'s pages.
///
/// Baselines: MVLM guesses the most frequent training token (`unigramToken`), TIA says "not
/// covered" everywhere (F1 0), TIM says "match" always.
///
/// TIA F1 counts a token as predicted "covered" when its logit is above 0, the decision the
/// (possibly positive-weighted) loss trains; TIA accuracy when its unweighted posterior is above
/// ½, i.e. its logit is above ln `tiaPositiveWeight` (the same rule when the weight is 1).
public func evaluatePretraining(
  model: LayoutLMForTask, sampler: PretrainingSampler, unigramToken: Int32, passes: Int = 2,
  batchSize: Int = 8, seed: UInt64 = 99
) -> PretrainingEvaluation {
  var mlm = (correct: 0, unigram: 0, count: 0)
  var tia = (correct: 0, truePositive: 0, predicted: 0, gold: 0, negatives: 0, count: 0)
  var tim = (correct: 0, matches: 0, count: 0)
  var matched = (truePositive: 0, predicted: 0, gold: 0)
  var matchedScores: [(score: Float, covered: Bool)] = []
  let context = ForwardContext(training: false)
  let accuracyThreshold = Float(Foundation.log(Double(sampler.options.tiaPositiveWeight)))
  var generator = SeededGenerator(seed: seed, stream: "pretraining evaluation")
  let jobs = (0..<passes).flatMap { _ in Array(sampler.pages.indices) }
  Autodiff.withoutRecording {
    for start in stride(from: 0, to: jobs.count, by: batchSize) {
      let examples = jobs[start..<min(start + batchSize, jobs.count)].map {
        sampler.example(pageIndex: $0, generator: &generator)
      }
      let (inputs, labels) = pretrainingBatch(
        examples, visual: model.config.visualTokens, weights: PretrainingLossWeights(),
        tim: sampler.options.tim)
      let output = model(inputs, context: context)
      if let logits = output.logits, let targets = labels.mlmLabels {
        let vocabulary = logits.shape[2]
        for (i, target) in targets.enumerated() where target != -100 {
          let row = logits.pointer + i * vocabulary
          var best = 0
          for v in 1..<vocabulary where row[v] > row[best] { best = v }
          mlm.count += 1
          if best == target { mlm.correct += 1 }
          if target == Int(unigramToken) { mlm.unigram += 1 }
        }
      }
      if let logits = output.tiaLogits, let targets = labels.tiaLabels {
        let length = inputs.sequenceLength
        for (i, target) in targets.enumerated() where target != -100 {
          let predicted = logits.pointer[i] > 0 ? 1 : 0
          // Accuracy decides by the unweighted posterior: a loss weighting positives by w moves
          // the logit of a calibrated model up by ln w.
          let posteriorCovered = logits.pointer[i] > accuracyThreshold ? 1 : 0
          if examples[i / length].timLabel == 1 {
            matchedScores.append((logits.pointer[i], target == 1))
            if predicted == 1 { matched.predicted += 1 }
            if target == 1 { matched.gold += 1 }
            if predicted == 1 && target == 1 { matched.truePositive += 1 }
          }
          tia.count += 1
          if posteriorCovered == target { tia.correct += 1 }
          if target == 0 { tia.negatives += 1 }
          if predicted == 1 { tia.predicted += 1 }
          if target == 1 { tia.gold += 1 }
          if predicted == 1 && target == 1 { tia.truePositive += 1 }
        }
      }
      if let logits = output.timLogits, let targets = labels.timLabels {
        for (i, target) in targets.enumerated() {
          tim.count += 1
          if (logits.pointer[i] > 0 ? 1 : 0) == target { tim.correct += 1 }
          if target == 1 { tim.matches += 1 }
        }
      }
    }
  }
  func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
  var result = PretrainingEvaluation(pages: sampler.pages.count)
  if mlm.count > 0 {
    result.mvlmAccuracy = MetricWithBaseline(
      value: ratio(mlm.correct, mlm.count), baseline: ratio(mlm.unigram, mlm.count),
      baselineName: "unigram guess (most frequent training token)", count: mlm.count)
  }
  if tia.count > 0 {
    let precision = ratio(tia.truePositive, tia.predicted)
    let recall = ratio(tia.truePositive, tia.gold)
    let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    result.tiaAccuracy = MetricWithBaseline(
      value: ratio(tia.correct, tia.count), baseline: ratio(tia.negatives, tia.count),
      baselineName: "all not-covered", count: tia.count)
    result.tiaF1 = MetricWithBaseline(
      value: f1, baseline: 0, baselineName: "all not-covered", count: tia.gold)
    let p = ratio(matched.truePositive, matched.predicted)
    let r = ratio(matched.truePositive, matched.gold)
    result.tiaF1MatchedPages = MetricWithBaseline(
      value: p + r > 0 ? 2 * p * r / (p + r) : 0, baseline: 0, baselineName: "all not-covered",
      count: matched.gold)
    if let auc = rocAUC(matchedScores) {
      result.tiaAUCMatchedPages = MetricWithBaseline(
        value: auc, baseline: 0.5, baselineName: "constant score", count: matchedScores.count)
    }
  }
  if tim.count > 0 {
    result.timAccuracy = MetricWithBaseline(
      value: ratio(tim.correct, tim.count), baseline: ratio(tim.matches, tim.count),
      baselineName: "always match", count: tim.count)
  }
  return result
}

/// The area under the ROC curve of `scores` (the Mann–Whitney statistic, ties counted half), or
/// nil when either class is absent.
public func rocAUC(_ scores: [(score: Float, covered: Bool)]) -> Double? {
  let positives = scores.filter(\.covered).count
  let negatives = scores.count - positives
  guard positives > 0, negatives > 0 else { return nil }
  let sorted = scores.sorted { $0.score < $1.score }
  var rankSum = 0.0
  var start = 0
  while start < sorted.count {
    var end = start
    while end + 1 < sorted.count && sorted[end + 1].score == sorted[start].score { end += 1 }
    // Ranks start..end (1-based start+1...end+1) share their mean.
    let meanRank = Double(start + end + 2) / 2
    for i in start...end where sorted[i].covered { rankSum += meanRank }
    start = end + 1
  }
  let u = rankSum - Double(positives) * Double(positives + 1) / 2
  return u / (Double(positives) * Double(negatives))
}
