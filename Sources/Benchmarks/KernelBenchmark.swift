// LayoutLab — `layoutlab bench kernels`: GEMM, row-kernel and conv throughput on this machine.

import Foundation
import TensorCore

/// Options of the kernel benchmark.
public struct KernelBenchmarkOptions: Sendable {
  /// Threads to use; `nil` uses `LAYOUTLAB_THREADS` or all cores.
  public var threads: Int?
  /// Print one JSON object per line instead of a table.
  public var json: Bool
  /// Seconds of measurement per case, at least (after one warm-up run).
  public var secondsPerCase: Double

  /// Creates benchmark options.
  public init(threads: Int? = nil, json: Bool = false, secondsPerCase: Double = 0.4) {
    self.threads = threads
    self.json = json
    self.secondsPerCase = secondsPerCase
  }
}

/// One measured case of the kernel benchmark.
public struct KernelBenchmarkResult: Codable, Sendable, Equatable {
  /// `gemm`, `batched_gemm`, `row` or `conv2d`.
  public var group: String
  /// What ran, e.g. `A·B 1024³` or `softmax 2048×1024`.
  public var name: String
  /// Throughput at the best repetition.
  public var value: Double
  /// `GFLOP/s`, `GB/s` or `ms`.
  public var unit: String
  /// Best repetition, milliseconds.
  public var bestMilliseconds: Double
  /// Median repetition, milliseconds.
  public var medianMilliseconds: Double
  /// Repetitions measured after the warm-up.
  public var repetitions: Int
  /// Threads the kernels ran on.
  public var threads: Int
}

/// Runs the kernel benchmark and prints its results; returns the exit status.
public func runKernelBenchmark(_ options: KernelBenchmarkOptions) throws -> Int32 {
  let threads = options.threads ?? ThreadPool.configuredThreadCount()
  let pool =
    threads == ThreadPool.shared.threadCount ? ThreadPool.shared : ThreadPool(threadCount: threads)
  if !options.json {
    print("kernel benchmark on \(threads) thread(s); best of N after one warm-up")
    print(tableLine("group", "case", "throughput", "best ms", "median ms", "reps"))
  }
  let cases = kernelBenchmarkCases(pool: pool)
  for benchCase in cases {
    let timing = measureBest(minimumSeconds: options.secondsPerCase, benchCase.run)
    let result = KernelBenchmarkResult(
      group: benchCase.group, name: benchCase.name,
      value: rounded(
        benchCase.unit == "ms" ? timing.best * 1e3 : benchCase.amount / timing.best / 1e9, 2),
      unit: benchCase.unit, bestMilliseconds: rounded(timing.best * 1e3, 4),
      medianMilliseconds: rounded(timing.median * 1e3, 4), repetitions: timing.repetitions,
      threads: threads)
    print(options.json ? try jsonLine(result) : tableRow(result))
  }
  return 0
}

/// One case: what to run and how much work (FLOPs or bytes) one run does.
struct KernelBenchmarkCase {
  var group: String
  var name: String
  var unit: String
  var amount: Double
  var run: () -> Void
}

/// `value` rounded to `digits` decimals (keeps the JSON lines short).
func rounded(_ value: Double, _ digits: Int) -> Double {
  let scale = pow(10, Double(digits))
  return (value * scale).rounded() / scale
}

func jsonLine(_ result: KernelBenchmarkResult) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  return String(decoding: try encoder.encode(result), as: UTF8.self)
}

func tableRow(_ r: KernelBenchmarkResult) -> String {
  tableLine(
    r.group, r.name, String(format: "%.1f %@", r.value, r.unit),
    String(format: "%.3f", r.bestMilliseconds), String(format: "%.3f", r.medianMilliseconds),
    "\(r.repetitions)")
}

func tableLine(
  _ group: String, _ name: String, _ value: String, _ best: String, _ median: String,
  _ reps: String
) -> String {
  func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
  }
  func padLeft(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
  }
  return pad(group, 13) + pad(name, 34) + padLeft(value, 16) + padLeft(best, 11)
    + padLeft(median, 11) + padLeft(reps, 6)
}
