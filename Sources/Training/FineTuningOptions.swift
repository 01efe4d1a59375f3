// LayoutLab — a spec's `training` section: epochs, rates, budget and batch order.

/// Fine-tuning hyper-parameters: a spec's `training` section.
///
/// The encoded form is part of each run's configuration hash, so it is stable: rates encode as
/// the numbers the spec wrote, and the switches that postdate the first results
/// (`trainEncoder`, `probeEpochs`, `probeLearningRate`) are written only when they change
/// something, so other runs keep their hash.
public struct FineTuningOptions: Codable, Hashable, Sendable {
  public var epochs: Int = 10
  public var batchSize: Int = 8
  public var learningRate: Float = 5e-4
  public var warmupRatio: Float = 0.1
  public var weightDecay: Float = 0.01
  public var maxGradNorm: Float = 1.0
  /// Evaluate on dev every this many epochs (and after the last).
  public var evalEveryEpochs: Int = 1
  /// False: only the task head trains and the encoder stays as loaded (a linear probe of its
  /// features); true: everything trains.
  public var trainEncoder = true
  /// Linear probing, then fine-tuning (LP-FT, Kumar et al. 2022): first this many epochs train
  /// only the head at `probeLearningRate`, then `epochs` epochs train everything from there, so
  /// a fresh head does not distort pre-trained features. 0: plain fine-tuning.
  public var probeEpochs = 0
  public var probeLearningRate: Float = 1e-2
  /// A step budget: training stops after this many optimiser steps even if `epochs` are not
  /// done (the schedule decays to zero at this step), and dev is scored there; nil: `epochs`
  /// decide. Cells then compare at equal compute however their data sizes differ.
  public var maxSteps: Int?
  /// Batches take whole pages: the pages are shuffled and each page's windows follow one
  /// another, so a page that several windows share (the questions of a QA page) enters a batch
  /// once and v2 computes its visual features once. False: windows are shuffled one by one.
  public var batchByPage = false

  /// Creates options with the defaults.
  public init() {}

  enum CodingKeys: String, CodingKey {
    case epochs, batchSize, learningRate, warmupRatio, weightDecay, maxGradNorm, evalEveryEpochs
    case trainEncoder, probeEpochs, probeLearningRate, maxSteps, batchByPage
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let defaults = FineTuningOptions()
    epochs = try c.decodeIfPresent(Int.self, forKey: .epochs) ?? defaults.epochs
    batchSize = try c.decodeIfPresent(Int.self, forKey: .batchSize) ?? defaults.batchSize
    learningRate = try c.decodeIfPresent(Float.self, forKey: .learningRate) ?? defaults.learningRate
    warmupRatio = try c.decodeIfPresent(Float.self, forKey: .warmupRatio) ?? defaults.warmupRatio
    weightDecay = try c.decodeIfPresent(Float.self, forKey: .weightDecay) ?? defaults.weightDecay
    maxGradNorm = try c.decodeIfPresent(Float.self, forKey: .maxGradNorm) ?? defaults.maxGradNorm
    evalEveryEpochs =
      try c.decodeIfPresent(Int.self, forKey: .evalEveryEpochs) ?? defaults.evalEveryEpochs
    trainEncoder = try c.decodeIfPresent(Bool.self, forKey: .trainEncoder) ?? defaults.trainEncoder
    probeEpochs = try c.decodeIfPresent(Int.self, forKey: .probeEpochs) ?? defaults.probeEpochs
    probeLearningRate =
      try c.decodeIfPresent(Float.self, forKey: .probeLearningRate) ?? defaults.probeLearningRate
    maxSteps = try c.decodeIfPresent(Int.self, forKey: .maxSteps) ?? defaults.maxSteps
    batchByPage = try c.decodeIfPresent(Bool.self, forKey: .batchByPage) ?? defaults.batchByPage
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(epochs, forKey: .epochs)
    try c.encode(batchSize, forKey: .batchSize)
    try c.encode(learningRate, forKey: .learningRate)
    try c.encode(warmupRatio, forKey: .warmupRatio)
    try c.encode(weightDecay, forKey: .weightDecay)
    try c.encode(maxGradNorm, forKey: .maxGradNorm)
    try c.encode(evalEveryEpochs, forKey: .evalEveryEpochs)
    if !trainEncoder { try c.encode(trainEncoder, forKey: .trainEncoder) }
    if probeEpochs > 0 {
      try c.encode(probeEpochs, forKey: .probeEpochs)
      try c.encode(probeLearningRate, forKey: .probeLearningRate)
    }
    try c.encodeIfPresent(maxSteps, forKey: .maxSteps)
    if batchByPage { try c.encode(batchByPage, forKey: .batchByPage) }
  }
}
