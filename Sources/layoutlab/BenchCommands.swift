// LayoutLab — `layoutlab bench …`: speed measurements on this machine.

import ArgumentParsing
import Benchmarks

let benchKernelsCommand = CommandSpec(
  name: "kernels", abstract: "GEMM, softmax, LayerNorm, GELU and conv2d throughput.",
  discussion: "GFLOP/s and GB/s are measured in this process; compare runs on the same machine.",
  options: [
    .value("threads", "N", "Threads to use (default: LAYOUTLAB_THREADS or all cores)."),
    .flag("json", "Print one JSON object per line."),
  ]
) { args in
  let threads =
    args.value("threads") == nil ? nil : try args.int("threads", default: 1, in: 1...256)
  return try runKernelBenchmark(KernelBenchmarkOptions(threads: threads, json: args.flag("json")))
}

let benchCommand = CommandSpec(
  name: "bench", abstract: "Measure speed on this machine.", subcommands: [benchKernelsCommand])
