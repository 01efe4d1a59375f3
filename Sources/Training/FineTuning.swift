// LayoutLab — fine-tuning for token classification: AdamW, warm-up/decay, clipping, dev selection.

import Foundation
import LayoutData
import LayoutModels
import Seeding
import TensorCore

/// The metric that selects the epoch on dev, by task.
public enum DevMetric: String, Codable, Hashable, Sendable {
  /// Entity F1 (seqeval), token classification.
  case entityF1
  /// Accuracy, document classification.
  case accuracy
  /// Average normalised Levenshtein similarity, extractive QA.
  case anls
}

/// One dev evaluation: the selection metric's value and name.
///
/// Results from before the name was recorded store the value as `devF1` (for every task); they
/// decode with `metric` nil, and `ResultStore.read` names it from the task.
public struct EpochRecord: Codable, Hashable, Sendable {
  public var epoch: Int
  public var meanTrainLoss: Double
  /// The dev selection metric's value (higher is better).
  public var devMetric: Double
  /// Which metric `devMetric` is; nil only in records read from older results.
  public var metric: DevMetric?

  /// Creates a record.
  public init(epoch: Int, meanTrainLoss: Double, devMetric: Double, metric: DevMetric?) {
    self.epoch = epoch
    self.meanTrainLoss = meanTrainLoss
    self.devMetric = devMetric
    self.metric = metric
  }

  enum CodingKeys: String, CodingKey {
    case epoch, meanTrainLoss, devMetric, metric
    /// The older name of `devMetric`.
    case devF1
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    epoch = try c.decode(Int.self, forKey: .epoch)
    meanTrainLoss = try c.decode(Double.self, forKey: .meanTrainLoss)
    metric = try c.decodeIfPresent(DevMetric.self, forKey: .metric)
    if let value = try c.decodeIfPresent(Double.self, forKey: .devMetric) {
      devMetric = value
    } else {
      devMetric = try c.decode(Double.self, forKey: .devF1)
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(epoch, forKey: .epoch)
    try c.encode(meanTrainLoss, forKey: .meanTrainLoss)
    try c.encode(devMetric, forKey: .devMetric)
    try c.encodeIfPresent(metric, forKey: .metric)
  }
}

/// Whether `name` belongs to a task head (`classifier.`, `qa_outputs.`), not to the encoder.
func isHeadParameter(_ name: String) -> Bool {
  name.hasPrefix("classifier.") || name.hasPrefix("qa_outputs.")
}

/// What the shared fine-tuning loop hands back: the dev history and the best epoch's
/// predictions (its parameters are already restored into the model).
public struct DevSelectedTraining<Prediction> {
  public var history: [EpochRecord]
  public var bestEpoch: Int
  public var bestPredictions: Prediction
  public var steps: Int
  public var trainSeconds: Double
  public var evaluationSeconds: Double
}

/// The fine-tuning loop every task shares: AdamW (no decay on biases and LayerNorm), linear
/// warm-up and decay, gradient clipping, data order (and dropout) drawn from `seed`,
/// `evaluate` on dev every `evalEveryEpochs` epochs, and the best dev epoch's parameters
/// restored at the end (never selecting on test).
///
/// - Parameter metric: the name of what `evaluate` returns, recorded in the history.
/// - Parameter evaluate: scores the model on dev, returning the selection metric (higher is
///   better) and the predictions to keep.
///
/// With `probeEpochs > 0` a head-only phase runs first (its own optimiser, schedule and dev
/// selection); the full phase then starts from its best head, and the best epoch is chosen
/// among the full phase's epochs, numbered after the probe's.
public func trainSelectingOnDev<Prediction>(
  model: LayoutLMForTask, windows: WindowList, images: PageImages,
  options: FineTuningOptions, seed: UInt64, metric: DevMetric, progress: (TrainingEvent) -> Void,
  evaluate: () throws -> (metric: Double, predictions: Prediction)
) throws -> DevSelectedTraining<Prediction> {
  // Each window's page, read once for every phase (only batches by page need it).
  let pages = options.batchByPage ? try pageOrdinals(of: windows) : nil
  guard options.probeEpochs > 0, options.trainEncoder else {
    return try trainPhase(
      model: model, windows: windows, pages: pages, images: images, options: options,
      seed: seed, metric: metric, progress: progress, evaluate: evaluate)
  }
  var probeOptions = options
  probeOptions.trainEncoder = false
  probeOptions.epochs = options.probeEpochs
  probeOptions.learningRate = options.probeLearningRate
  let probe = try trainPhase(
    model: model, windows: windows, pages: pages, images: images, options: probeOptions,
    seed: seed, metric: metric, progress: progress, evaluate: evaluate)
  let full = try trainPhase(
    model: model, windows: windows, pages: pages, images: images, options: options,
    seed: seed, metric: metric, progress: progress, evaluate: evaluate)
  let shifted = full.history.map {
    EpochRecord(
      epoch: $0.epoch + options.probeEpochs, meanTrainLoss: $0.meanTrainLoss,
      devMetric: $0.devMetric, metric: $0.metric)
  }
  return DevSelectedTraining(
    history: probe.history + shifted, bestEpoch: full.bestEpoch + options.probeEpochs,
    bestPredictions: full.bestPredictions, steps: probe.steps + full.steps,
    trainSeconds: probe.trainSeconds + full.trainSeconds,
    evaluationSeconds: probe.evaluationSeconds + full.evaluationSeconds)
}

/// One phase of `trainSelectingOnDev`: a single optimiser and schedule over `options.epochs`.
/// `pages`: each window's page ordinal (`pageOrdinals`) when batches go by page, else nil.
private func trainPhase<Prediction>(
  model: LayoutLMForTask, windows: WindowList, pages: [Int]?, images: PageImages,
  options: FineTuningOptions, seed: UInt64, metric metricName: DevMetric,
  progress: (TrainingEvent) -> Void,
  evaluate: () throws -> (metric: Double, predictions: Prediction)
) throws -> DevSelectedTraining<Prediction> {
  let parameters = model.namedParameters()
  // A linear probe freezes the encoder: no gradient flows into it, and only the head updates.
  let trained = options.trainEncoder ? parameters : parameters.filter { isHeadParameter($0.0) }
  let wasTrainable = parameters.map(\.1.requiresGrad)
  if !options.trainEncoder {
    for (name, parameter) in parameters where !isHeadParameter(name) {
      parameter.requiresGrad = false
    }
  }
  defer {
    for (index, (_, parameter)) in parameters.enumerated() {
      parameter.requiresGrad = wasTrainable[index]
    }
  }
  let optimizer = AdamW(
    parameters: trained,
    options: AdamWOptions(learningRate: options.learningRate, weightDecay: options.weightDecay),
    decayFilter: AdamW.decaysWeight)
  let batchesPerEpoch = (windows.count + options.batchSize - 1) / options.batchSize
  let totalSteps = min(batchesPerEpoch * options.epochs, options.maxSteps ?? Int.max)
  let schedule = LinearWarmupDecay(
    peak: options.learningRate, warmupSteps: Int(Float(totalSteps) * options.warmupRatio),
    totalSteps: totalSteps)
  let context = ForwardContext(training: true, seed: seed)
  var order = SeededGenerator(seed: seed, stream: "data order")
  var history: [EpochRecord] = []
  var best: (epoch: Int, metric: Double, snapshot: ParameterSnapshot, predictions: Prediction)?
  var step = 0
  let start = Date()
  var evaluationSeconds = 0.0
  var batchSeconds = 0.0  // building batches (windows, page images) on this thread
  for epoch in 1...options.epochs where step < totalSteps {
    var indices = Array(0..<windows.count)
    if let pages {
      indices = pageGroupedOrder(pages, generator: &order)
    } else {
      order.shuffle(&indices)
    }
    var lossSum = 0.0
    var epochSteps = 0
    for batchStart in stride(from: 0, to: indices.count, by: options.batchSize)
    where step < totalSteps {
      let batchWindows = try windows.windows(
        indices[batchStart..<min(batchStart + options.batchSize, indices.count)])
      let batchStarted = Date()
      let batch = try makeBatch(
        batchWindows, images: images, withImages: model.config.usesImage)
      batchSeconds += Date().timeIntervalSince(batchStarted)
      guard let loss = model(batch.inputs, labels: batch.labels, context: context).loss else {
        continue
      }
      loss.backward()
      clipGradientNorm(trained.map(\.1), maxNorm: options.maxGradNorm)
      let rate = schedule.rate(atStep: step)
      optimizer.update(learningRate: rate)
      optimizer.zeroGradients()
      step += 1
      lossSum += Double(loss.scalar)
      epochSteps += 1
      progress(
        .step(
          step: step, totalSteps: totalSteps, loss: loss.scalar, learningRate: rate,
          elapsed: Date().timeIntervalSince(start) - evaluationSeconds))
    }
    if epoch % options.evalEveryEpochs == 0 || epoch == options.epochs || step == totalSteps {
      let evalStart = Date()
      BufferCache.shared.trim()  // training's buffers do not fit evaluation's shapes
      let (metric, predictions) = try evaluate()
      BufferCache.shared.trim()
      evaluationSeconds += Date().timeIntervalSince(evalStart)
      history.append(
        EpochRecord(
          epoch: epoch, meanTrainLoss: lossSum / Double(max(epochSteps, 1)),
          devMetric: metric, metric: metricName))
      let isBest = best.map { metric > $0.metric } ?? true
      if isBest { best = (epoch, metric, ParameterSnapshot(parameters), predictions) }
      progress(.evaluation(epoch: epoch, metric: metric, isBest: isBest))
    }
  }
  guard let best else { throw TrainingStateError.missing("a dev evaluation (no epochs ran)") }
  let trainSeconds = Date().timeIntervalSince(start) - evaluationSeconds
  progress(
    .note(
      String(
        format: "batches built in %.1f s of %.1f s training (%.1f %%)", batchSeconds,
        trainSeconds, 100 * batchSeconds / max(trainSeconds, 1e-9))))
  best.snapshot.restore(into: parameters)
  return DevSelectedTraining(
    history: history, bestEpoch: best.epoch, bestPredictions: best.predictions, steps: step,
    trainSeconds: trainSeconds, evaluationSeconds: evaluationSeconds)
}
