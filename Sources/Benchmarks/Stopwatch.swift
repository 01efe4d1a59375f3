// LayoutLab — timing helpers for the benchmarks: monotonic clock, best-of-N after warm-up.

import Foundation

/// Nanoseconds from the monotonic clock.
func monotonicNanoseconds() -> UInt64 {
  var now = timespec()
  clock_gettime(CLOCK_MONOTONIC, &now)
  return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

/// The result of timing one operation repeatedly.
struct Timing: Sendable {
  /// Fastest repetition, in seconds.
  var best: Double
  /// Median repetition, in seconds.
  var median: Double
  /// Repetitions measured (after the warm-up).
  var repetitions: Int
}

/// Runs `body` once to warm up, then repeatedly until at least `minimumRepetitions` runs and
/// `minimumSeconds` of measured time (capped at `maximumRepetitions`); returns the best and median.
func measureBest(
  minimumRepetitions: Int = 5, maximumRepetitions: Int = 1000, minimumSeconds: Double = 0.3,
  _ body: () -> Void
) -> Timing {
  body()
  var samples: [Double] = []
  var total = 0.0
  while samples.count < maximumRepetitions
    && (samples.count < minimumRepetitions || total < minimumSeconds)
  {
    let start = monotonicNanoseconds()
    body()
    let seconds = Double(monotonicNanoseconds() - start) / 1e9
    samples.append(seconds)
    total += seconds
  }
  samples.sort()
  return Timing(best: samples[0], median: samples[samples.count / 2], repetitions: samples.count)
}
