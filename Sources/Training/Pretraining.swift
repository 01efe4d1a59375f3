// LayoutLab — the pre-training loop: batches from the sampler, AdamW, checkpoints, resume.

import Foundation
import LayoutData
import LayoutModels
import Seeding
import TensorCore

/// Hyper-parameters of a pre-training run.
public struct PretrainingRunOptions: Codable, Hashable, Sendable {
  public var steps: Int = 1000
  public var batchSize: Int = 8
  public var sequenceLength: Int = 256
  public var learningRate: Float = 5e-4
  /// Fraction of steps spent warming up (0.1).
  public var warmupRatio: Float = 0.1
  public var weightDecay: Float = 0.01
  public var maxGradNorm: Float = 1.0
  /// Write a resumable checkpoint every this many steps (0: only at the end).
  public var checkpointEvery: Int = 200
  public var seed: UInt64 = 1

  /// Creates the defaults.
  public init() {}
}

/// One step's losses, as written to `metrics.jsonl`.
public struct StepRecord: Codable, Hashable, Sendable {
  public var step: Int
  public var loss: Double
  public var mvlm: Double?
  public var tia: Double?
  public var tim: Double?
  public var learningRate: Double
}

/// Turns sampled examples into one padded model batch.
func pretrainingBatch(
  _ examples: [PretrainingExample], visual: Bool, weights: PretrainingLossWeights, tim: Bool
) -> (ModelInputs, TaskLabels) {
  let length = examples.map(\.inputIds.count).max() ?? 0
  var ids: [Int32] = []
  var boxes: [Int32] = []
  var mask: [Int32] = []
  var labels = TaskLabels()
  var mlm: [Int] = []
  var tia: [Int] = []
  for example in examples {
    let pad = length - example.inputIds.count
    ids += example.inputIds + [Int32](repeating: 0, count: pad)
    boxes += example.bbox + [Int32](repeating: 0, count: 4 * pad)
    mask += [Int32](repeating: 1, count: example.inputIds.count) + [Int32](repeating: 0, count: pad)
    mlm += example.mlmLabels + [Int](repeating: -100, count: pad)
    tia += example.tiaLabels + [Int](repeating: -100, count: pad)
  }
  var image: Tensor?
  if visual {
    let plane = 224 * 224
    let tensor = Tensor(zeros: [examples.count, 3, 224, 224])
    for (row, example) in examples.enumerated() {
      for channel in 0..<3 {
        let target = tensor.pointer + (row * 3 + channel) * plane
        for i in 0..<plane { target[i] = Float(example.image[i]) }
      }
    }
    image = tensor
  }
  var inputs = ModelInputs(
    batchSize: examples.count, sequenceLength: length, inputIds: ids, bbox: boxes,
    attentionMask: mask, image: image)
  if examples.contains(where: \.hideVisualTokens) {
    inputs.visualAttentionMask = examples.map { $0.hideVisualTokens ? 0 : 1 }
  }
  labels.mlmLabels = mlm.contains { $0 != -100 } ? mlm : nil
  labels.tiaLabels = tia.contains { $0 != -100 } ? tia : nil
  labels.timLabels = tim && visual ? examples.map(\.timLabel) : nil
  labels.taskWeights = weights
  return (inputs, labels)
}

/// The page each batch row uses: a fresh seeded permutation of the pages per epoch.
struct PageOrder {
  let count: Int
  let seed: UInt64
  var cache: [Int: [Int]] = [:]

  mutating func page(step: Int, row: Int, batchSize: Int) -> Int {
    let position = step * batchSize + row
    let epoch = position / count
    if let order = cache[epoch] { return order[position % count] }
    var generator = SeededGenerator(seed: seed, stream: "page order \(epoch)")
    var order = Array(0..<count)
    generator.shuffle(&order)
    cache = [epoch: order]
    return order[position % count]
  }
}

/// Pre-trains `model` (a `.pretraining` head) and returns every step's losses.
///
/// Every random choice of step `s` comes from streams seeded by `(seed, s)`, so a run resumed
/// from a checkpoint at step `s` continues exactly as the uninterrupted run would.
/// - Parameters:
///   - checkpointDirectory: where resumable checkpoints go; an existing one is resumed.
///   - metricsURL: `metrics.jsonl`, one line per step (truncated to the checkpoint on resume).
public func pretrain(
  model: LayoutLMForTask, sampler: PretrainingSampler, options: PretrainingRunOptions,
  checkpointDirectory: URL, metricsURL: URL, stopAfter: Int? = nil,
  progress: (TrainingEvent) -> Void = { _ in }
) throws -> [StepRecord] {
  let parameters = model.namedParameters()
  let optimizer = AdamW(
    parameters: parameters,
    options: AdamWOptions(learningRate: options.learningRate, weightDecay: options.weightDecay),
    decayFilter: AdamW.decaysWeight)
  var records: [StepRecord] = []
  var startStep = 0
  if let resumed = try loadPretrainingCheckpoint(
    checkpointDirectory, model: model, optimizer: optimizer)
  {
    startStep = resumed
    records = try readStepRecords(metricsURL).filter { $0.step <= resumed }
    progress(.note("resumed from step \(resumed)"))
  }
  try writeStepRecords(records, to: metricsURL)
  let schedule = LinearWarmupDecay(
    peak: options.learningRate, warmupSteps: Int(Float(options.steps) * options.warmupRatio),
    totalSteps: options.steps)
  var weights = PretrainingLossWeights(
    mvlm: sampler.options.mvlmWeight, tia: sampler.options.tiaWeight, tim: sampler.options.timWeight
  )
  weights.tiaPositive = sampler.options.tiaPositiveWeight
  var order = PageOrder(count: sampler.pages.count, seed: options.seed)
  let metrics = try FileHandle(forWritingTo: metricsURL)
  defer { try? metrics.close() }
  _ = try metrics.seekToEnd()
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  let start = Date()
  let last = min(options.steps, stopAfter ?? options.steps)
  for step in startStep..<last {
    var generator = SeededGenerator(seed: options.seed, stream: "pretraining step \(step)")
    let examples = (0..<options.batchSize).map { row in
      sampler.example(
        pageIndex: order.page(step: step, row: row, batchSize: options.batchSize),
        generator: &generator)
    }
    let (inputs, labels) = pretrainingBatch(
      examples, visual: model.config.visualTokens, weights: weights, tim: sampler.options.tim)
    let context = ForwardContext(training: true, seed: options.seed &+ UInt64(step) &* 0x9E37_79B9)
    let output = model(inputs, labels: labels, context: context)
    guard let loss = output.loss else {
      throw TrainingStateError.missing("a pre-training loss (no task on)")
    }
    loss.backward()
    clipGradientNorm(parameters.map(\.1), maxNorm: options.maxGradNorm)
    let rate = schedule.rate(atStep: step)
    optimizer.update(learningRate: rate)
    optimizer.zeroGradients()
    let record = StepRecord(
      step: step + 1, loss: Double(loss.scalar),
      mvlm: output.taskLosses["mvlm"].map { Double($0.scalar) },
      tia: output.taskLosses["tia"].map { Double($0.scalar) },
      tim: output.taskLosses["tim"].map { Double($0.scalar) }, learningRate: Double(rate))
    records.append(record)
    try metrics.write(contentsOf: try encoder.encode(record) + Data("\n".utf8))
    progress(
      .step(
        step: step + 1, totalSteps: options.steps, loss: loss.scalar, learningRate: rate,
        elapsed: Date().timeIntervalSince(start) * Double(step + 1) / Double(step + 1 - startStep)))
    let done = step + 1
    if done == options.steps || (options.checkpointEvery > 0 && done % options.checkpointEvery == 0)
    {
      try savePretrainingCheckpoint(
        checkpointDirectory, model: model, optimizer: optimizer, step: done)
    }
  }
  return records
}

/// Writes model, optimiser state and step into `directory` atomically (a sibling temporary
/// folder, then a rename), so a killed run leaves the previous checkpoint intact.
func savePretrainingCheckpoint(
  _ directory: URL, model: LayoutLMForTask, optimizer: AdamW, step: Int
) throws {
  let manager = FileManager.default
  let staging = directory.appendingPathExtension("partial")
  try? manager.removeItem(at: staging)
  try model.save(to: staging)
  try saveSafeTensors(
    optimizer.stateTensors(), to: staging.appendingPathComponent("optimizer.safetensors"))
  try Data("{\"step\": \(step)}\n".utf8).write(to: staging.appendingPathComponent("state.json"))
  let old = directory.appendingPathExtension("old")
  try? manager.removeItem(at: old)
  if manager.fileExists(atPath: directory.path) { try manager.moveItem(at: directory, to: old) }
  try manager.moveItem(at: staging, to: directory)
  try? manager.removeItem(at: old)
}

/// Restores a checkpoint written by `savePretrainingCheckpoint`; returns its step, or nil.
func loadPretrainingCheckpoint(_ directory: URL, model: LayoutLMForTask, optimizer: AdamW) throws
  -> Int?
{
  let stateURL = directory.appendingPathComponent("state.json")
  guard FileManager.default.fileExists(atPath: stateURL.path) else { return nil }
  struct State: Decodable { var step: Int }
  let state = try JSONDecoder().decode(State.self, from: Data(contentsOf: stateURL))
  let weights = try SafeTensorsFile(
    contentsOf: directory.appendingPathComponent("model.safetensors"))
  try model.load(try weights.allTensors(), source: directory.path)
  let optimizerState = try SafeTensorsFile(
    contentsOf: directory.appendingPathComponent("optimizer.safetensors"))
  try optimizer.restore(from: try optimizerState.allTensors())
  return state.step
}

func readStepRecords(_ url: URL) throws -> [StepRecord] {
  guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
  let decoder = JSONDecoder()
  return text.split(separator: "\n").compactMap {
    try? decoder.decode(StepRecord.self, from: Data($0.utf8))
  }
}

func writeStepRecords(_ records: [StepRecord], to url: URL) throws {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  var data = Data()
  for record in records { data += try encoder.encode(record) + Data("\n".utf8) }
  try data.write(to: url, options: .atomic)
}
