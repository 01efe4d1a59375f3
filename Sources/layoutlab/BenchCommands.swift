// LayoutLab — `layoutlab bench …`: speed measurements on this machine.

import ArgumentParsing
import Benchmarks
import LayoutModels

let benchKernelsCommand = CommandSpec(
  name: "kernels", abstract: "FMA peak, GEMM, softmax, LayerNorm, GELU and conv2d throughput.",
  discussion:
    "GFLOP/s and GB/s are measured in this process; GEMM is also given as a percentage of the "
    + "FMA peak measured first on as many threads. Compare runs on the same machine, in the same "
    + "sitting (tools/bench_numpy_matmul.py times numpy's matmul the same way).",
  options: [
    .value("threads", "N", "Threads to use (default: LAYOUTLAB_THREADS or all cores)."),
    .value("filter", "TEXT", "Only cases whose group or name contains TEXT (e.g. '1024³')."),
    .value("seconds", "S", "Measured seconds per case, at least (default 0.4)."),
    .flag("json", "Print one JSON object per line."),
  ]
) { args in
  let threads =
    args.value("threads") == nil ? nil : try args.int("threads", default: 1, in: 1...256)
  let seconds = try args.double("seconds", default: KernelBenchmarkOptions().secondsPerCase)
  if !(0...600).contains(seconds) {
    throw UsageError.invalidValue(name: "seconds", value: "\(seconds)", expected: "0 to 600")
  }
  return try runKernelBenchmark(
    KernelBenchmarkOptions(
      threads: threads, json: args.flag("json"), secondsPerCase: seconds,
      filter: args.value("filter")))
}

let benchModelCommand = CommandSpec(
  name: "model",
  abstract: "Seconds per training step (forward, backward, AdamW) and inference batch.",
  discussion: "Compare with tools/bench_torch.py (HF transformers) run in the same sitting.",
  options: [
    .value("preset", "NAME", "tiny, small (hidden 256, 4 layers) or base (hidden 768, 12 layers)."),
    .value("version", "V", "v1 or v2."),
    .value("batch", "B", "Batch size (default 8)."),
    .value("seq", "T", "Text tokens per sequence (default 256)."),
    .value("steps", "N", "Timed steps after one warm-up (default 5)."),
    .flag("pretraining", "Train the MVLM + TIA + TIM heads instead of token classification."),
    .flag("json", "Print one JSON object."),
    .flag("profile", "Also print a per-op time profile of one training step."),
  ]
) { args in
  var options = ModelBenchmarkOptions()
  options.profile = args.flag("profile")
  let defaults = ModelSettings()
  let presets = ModelPreset.allCases.map(\.rawValue)
  let versions = ModelVersion.allCases.map(\.rawValue)
  options.model.preset =
    ModelPreset(rawValue: try args.choice("preset", presets, default: defaults.preset.rawValue))
    ?? defaults.preset
  options.model.version =
    ModelVersion(rawValue: try args.choice("version", versions, default: defaults.version.rawValue))
    ?? defaults.version
  options.batch = try args.int("batch", default: 8, in: 1...256)
  options.sequenceLength = try args.int("seq", default: 256, in: 3...512)
  options.steps = try args.int("steps", default: 5, in: 1...1000)
  options.pretraining = args.flag("pretraining")
  options.json = args.flag("json")
  return try runModelBenchmark(options)
}

let benchCommand = CommandSpec(
  name: "bench", abstract: "Measure speed on this machine.",
  subcommands: [benchKernelsCommand, benchModelCommand])

let envCommand = CommandSpec(
  name: "env",
  abstract: "Print the numeric core's SIMD variant, this CPU's features and the thread count.",
  discussion:
    "The variant is chosen when the package builds, from the build machine's CPU; set "
    + "LAYOUTLAB_SIMD=512|256|128 at build time to override it.",
  options: [.flag("json", "Print one JSON object.")]
) { args in
  try printBuildEnvironment(json: args.flag("json"))
}
