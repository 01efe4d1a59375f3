// LayoutLab — `layoutlab bench kernels`: FMA peak, GEMM, row-kernel and conv throughput on
// this machine, with GEMM figures as a share of the measured peak.

import Foundation
import HostCPU
import TensorCore

/// Options of the kernel benchmark.
public struct KernelBenchmarkOptions: Sendable {
  /// Threads to use; `nil` uses `LAYOUTLAB_THREADS` or all cores.
  public var threads: Int?
  /// Print one JSON object per line instead of a table.
  public var json: Bool
  /// Seconds of measurement per case, at least (after one warm-up run).
  public var secondsPerCase: Double
  /// Only the cases whose group or name contains this text (the FMA peak always runs).
  public var filter: String?

  /// Creates benchmark options.
  public init(
    threads: Int? = nil, json: Bool = false, secondsPerCase: Double = 0.4, filter: String? = nil
  ) {
    self.threads = threads
    self.json = json
    self.secondsPerCase = secondsPerCase
    self.filter = filter
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
  /// For GEMM cases: `value` as a percentage of the FMA peak measured on as many threads.
  public var percentOfPeak: Double? = nil
}

/// Runs the kernel benchmark and prints its results; returns the exit status.
///
/// First it measures the FMA peak at the compiled vector width on 1 thread and on the
/// benchmark's thread count; each GEMM figure is then also printed as a percentage of the peak
/// on its thread count.
public func runKernelBenchmark(_ options: KernelBenchmarkOptions) throws -> Int32 {
  let threads = options.threads ?? ThreadPool.configuredThreadCount()
  let pool =
    threads == ThreadPool.shared.threadCount ? ThreadPool.shared : ThreadPool(threadCount: threads)
  let environment = BuildEnvironment.current(threads: threads)
  if options.json {
    print(try jsonLine(environment))
  } else {
    environment.lines.forEach { print($0) }
    print("best of N after one warm-up; GEMM % is of the measured FMA peak on as many threads")
    print(tableLine("group", "case", "throughput", "best ms", "median ms", "reps", "% peak"))
  }
  let peakCases = fmaPeakBenchmarkCases(threads: threads, pool: pool)
  var peakByThreads: [Int: Double] = [:]
  for (caseThreads, benchCase) in peakCases {
    let result = measure(benchCase, threads: caseThreads, options: options, peak: nil)
    peakByThreads[caseThreads] = result.value
    print(options.json ? try jsonLine(result) : tableRow(result))
  }
  for benchCase in kernelBenchmarkCases(pool: pool, filter: options.filter) {
    let peak = benchCase.group.hasSuffix("gemm") ? peakByThreads[threads] : nil
    let result = measure(benchCase, threads: threads, options: options, peak: peak)
    print(options.json ? try jsonLine(result) : tableRow(result))
  }
  return 0
}

/// Times one case and turns its best repetition into a throughput.
func measure(
  _ benchCase: KernelBenchmarkCase, threads: Int, options: KernelBenchmarkOptions, peak: Double?
) -> KernelBenchmarkResult {
  let timing = measureBest(minimumSeconds: options.secondsPerCase, benchCase.run)
  let value =
    benchCase.unit == "ms" ? timing.best * 1e3 : benchCase.amount / timing.best / 1e9
  return KernelBenchmarkResult(
    group: benchCase.group, name: benchCase.name, value: rounded(value, 2), unit: benchCase.unit,
    bestMilliseconds: rounded(timing.best * 1e3, 4),
    medianMilliseconds: rounded(timing.median * 1e3, 4), repetitions: timing.repetitions,
    threads: threads, percentOfPeak: peak.map { rounded(100 * value / $0, 1) })
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

func jsonLine<T: Encodable>(_ result: T) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  return String(decoding: try encoder.encode(result), as: UTF8.self)
}

func tableRow(_ r: KernelBenchmarkResult) -> String {
  tableLine(
    r.group, r.name, String(format: "%.1f %@", r.value, r.unit),
    String(format: "%.3f", r.bestMilliseconds), String(format: "%.3f", r.medianMilliseconds),
    "\(r.repetitions)", r.percentOfPeak.map { String(format: "%.0f %%", $0) } ?? "")
}

func tableLine(
  _ group: String, _ name: String, _ value: String, _ best: String, _ median: String,
  _ reps: String, _ percent: String = ""
) -> String {
  func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
  }
  func padLeft(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
  }
  return pad(group, 13) + pad(name, 34) + padLeft(value, 16) + padLeft(best, 11)
    + padLeft(median, 11) + padLeft(reps, 6) + padLeft(percent, 8)
}
