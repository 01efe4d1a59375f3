// LayoutLab — `layoutlab bench model`: seconds per training step and per inference batch.

import Foundation
import HostCPU
import LayoutModels
import Seeding
import TensorCore
import Training

/// Options of the model benchmark.
public struct ModelBenchmarkOptions: Sendable {
  /// The model's size and version, translated like a spec's `model` section.
  public var model = ModelSettings()
  public var batch: Int = 8
  public var sequenceLength: Int = 256
  /// Which head to train: token classification, or the three pre-training tasks.
  public var pretraining: Bool = false
  public var steps: Int = 5
  public var json: Bool = false
  /// Print a per-op time profile of one extra training step.
  public var profile: Bool = false

  /// Creates options with the defaults (small v2, batch 8, 256 tokens).
  public init() {}
}

/// Builds the model and inputs of the benchmark: random word-like boxes, random pixels, labels
/// everywhere (the shapes `tools/bench_torch.py` times). The small v2 backbone is LayoutLab's
/// default CNN, comparable in cost to bench_torch.py's 4-conv stack.
func benchmarkSetup(_ options: ModelBenchmarkOptions) throws -> (
  LayoutLMForTask, ModelInputs, TaskLabels
) {
  var config = try options.model.configuration(
    vocabularySize: LayoutLMConfiguration().vocabSize, labels: 7)
  config.maxPositionEmbeddings = max(512, options.sequenceLength)
  let task: TaskKind = options.pretraining ? .pretraining : .tokenClassification
  let model = LayoutLMForTask(config, task: task, seed: 0)
  var generator = SeededGenerator(seed: 0)
  let (b, t) = (options.batch, options.sequenceLength)
  var ids: [Int32] = []
  var boxes: [Int32] = []
  for _ in 0..<b {
    var x: Int32 = 40
    var y: Int32 = 30
    for position in 0..<t {
      ids.append(
        position == 0
          ? 101 : position == t - 1 ? 102 : Int32(1000 + generator.nextInt(below: 20000)))
      let w = Int32(20 + generator.nextInt(below: 140))
      if x + w > 980 {
        x = 20
        y = min(y + 30, 960)
      }
      boxes += position == t - 1 ? [1000, 1000, 1000, 1000] : [x, y, x + w, y + 20]
      x += w + 10
    }
  }
  let image =
    config.visualTokens
    ? Tensor(
      (0..<(b * 3 * 224 * 224)).map { _ in Float(generator.nextInt(below: 256)) },
      shape: [b, 3, 224, 224])
    : nil
  let inputs = ModelInputs(
    batchSize: b, sequenceLength: t, inputIds: ids, bbox: boxes, image: image)
  try inputs.validate(for: config)
  var labels = TaskLabels()
  labels.tokenLabels = (0..<(b * t)).map { _ in generator.nextInt(below: 7) }
  if options.pretraining {
    labels.mlmLabels = ids.map { _ in
      generator.nextInt(below: 100) < 15 ? Int(generator.nextInt(below: 30000)) : -100
    }
    labels.tiaLabels = ids.map { _ in generator.nextInt(below: 2) }
    labels.timLabels = (0..<b).map { _ in generator.nextInt(below: 2) }
  }
  return (model, inputs, labels)
}

/// Runs the model benchmark and prints seconds per training step and per inference batch.
public func runModelBenchmark(_ options: ModelBenchmarkOptions) throws -> Int32 {
  let (model, inputs, labels) = try benchmarkSetup(options)
  let parameters = model.namedParameters()
  let optimizer = AdamW(parameters: parameters, options: AdamWOptions(learningRate: 1e-4))
  let context = ForwardContext(training: true, seed: 0)
  ProcessMemory.resetPeak()
  BufferCache.shared.resetHighWater()
  let train = measureBest(
    minimumRepetitions: options.steps, maximumRepetitions: options.steps, minimumSeconds: 0
  ) {
    guard let loss = model(inputs, labels: labels, context: context).loss else { return }
    loss.backward()
    optimizer.update()
    optimizer.zeroGradients()
  }
  let trainPeakBytes = ProcessMemory.peakResidentBytes()
  let tensorPeakBytes = BufferCache.shared.usage.highWaterBytes
  if options.profile {
    OpProfile.start()
    if let loss = model(inputs, labels: labels, context: context).loss {
      OpProfile.mark()
      loss.backward()
    }
    let entries = OpProfile.stop()
    let total = entries.reduce(0) { $0 + $1.forward + $1.backward }
    print(
      "op profile of one training step (forward + backward, no optimizer): \(String(format: "%.3f", total)) s"
    )
    for e in entries.prefix(25) {
      print(
        e.name.padding(toLength: 56, withPad: " ", startingAt: 0)
          + String(
            format:
              "%6d calls  fwd %7.1f ms  bwd %7.1f ms  %5.1f %%  longest fwd %6.1f ms after %@",
            e.calls, e.forward * 1e3, e.backward * 1e3, 100 * (e.forward + e.backward) / total,
            e.longestForward * 1e3, e.longestAfter))
    }
    let optimizerStart = monotonicNanoseconds()
    optimizer.update()
    let optimizerSeconds = Double(monotonicNanoseconds() - optimizerStart) / 1e9
    print(String(format: "optimizer (AdamW update): %.1f ms", optimizerSeconds * 1e3))
    optimizer.zeroGradients()
  }
  let inference = measureBest(
    minimumRepetitions: options.steps, maximumRepetitions: options.steps, minimumSeconds: 0
  ) {
    Autodiff.withoutRecording { _ = model(inputs, context: ForwardContext(training: false)) }
  }
  let count = parameters.reduce(0) { $0 + $1.1.count }
  let fields: [(String, String)] = [
    ("benchmark", "\"model\""), ("preset", "\"\(options.model.preset.rawValue)\""),
    ("version", "\"\(options.model.version.rawValue)\""),
    ("task", options.pretraining ? "\"pretraining\"" : "\"token-classification\""),
    ("batch", "\(options.batch)"), ("seq", "\(options.sequenceLength)"),
    ("threads", "\(ThreadPool.shared.threadCount)"), ("parameters", "\(count)"),
    ("train_step_s", String(format: "%.4f", train.median)),
    ("train_step_best_s", String(format: "%.4f", train.best)),
    ("inference_s", String(format: "%.4f", inference.median)),
    (
      "train_tokens_per_s",
      String(format: "%.1f", Double(options.batch * options.sequenceLength) / train.median)
    ),
    ("train_peak_rss_mb", "\(trainPeakBytes >> 20)"),
    ("train_tensor_peak_mb", "\(tensorPeakBytes >> 20)"),
  ]
  if options.json {
    print("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
  } else {
    for (key, value) in fields {
      print("\(key.padding(toLength: 20, withPad: " ", startingAt: 0)) \(value)")
    }
  }
  return 0
}
