// LayoutLab — the `layoutlab` command: a thin table of subcommands over the library modules.

import ArgumentParsing
import Benchmarks
import Foundation

let version = "0.1.0"

let benchKernels = CommandSpec(
  name: "kernels", abstract: "GEMM, softmax, LayerNorm, GELU and conv2d throughput.",
  discussion: "GFLOP/s and GB/s are measured in this process; compare runs on the same machine.",
  options: [
    .value("threads", "N", "Threads to use (default: LAYOUTLAB_THREADS or all cores)."),
    .flag("json", "Print one JSON object per line."),
  ]
) { args in
  try runKernelBenchmark(
    KernelBenchmarkOptions(
      threads: args.value("threads") == nil
        ? nil : try args.int("threads", default: 1, in: 1...256),
      json: args.flag("json")))
}

let root = CommandSpec(
  name: "layoutlab",
  abstract: "Experiments with LayoutLM v1 and LayoutLMv2, from spec to report.",
  subcommands: [
    CommandSpec(
      name: "bench", abstract: "Measure speed on this machine.", subcommands: [benchKernels])
  ])

/// The entry point: checks the CPU, then parses and runs one subcommand.
@main
enum LayoutLab {
  static func main() {
    if let problem = missingCPUFeatures() {
      printError("error: \(problem)")
      exit(1)
    }
    exit(runCommandLine(Array(CommandLine.arguments.dropFirst()), root: root, version: version))
  }
}
