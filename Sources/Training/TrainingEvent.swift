// LayoutLab — progress events of a training run, and a terminal progress line with an ETA.

import Foundation

/// What a training loop reports while it runs.
public enum TrainingEvent {
  /// One optimiser step finished.
  case step(step: Int, totalSteps: Int, loss: Float, learningRate: Float, elapsed: Double)
  /// A dev evaluation finished.
  case evaluation(epoch: Int, metric: Double, isBest: Bool)
  /// A free-form note (data loaded, checkpoint written, …).
  case note(String)
}

/// Prints progress: a rewritten line with step, loss and ETA on a terminal, plain log lines
/// (every `logEvery` steps) otherwise.
public final class ProgressPrinter: @unchecked Sendable {
  let label: String
  let isTerminal: Bool
  let logEvery: Int
  var lastLength = 0

  /// Creates a printer for the run named `label`.
  public init(label: String, logEvery: Int = 50) {
    self.label = label
    isTerminal = isatty(STDERR_FILENO) == 1
    self.logEvery = logEvery
  }

  /// Handles one event.
  public func handle(_ event: TrainingEvent) {
    switch event {
    case .step(let step, let total, let loss, let rate, let elapsed):
      let perStep = elapsed / Double(max(step, 1))
      let eta = perStep * Double(total - step)
      let text =
        "\(label) step \(step)/\(total) loss \(format(Double(loss), 4)) lr \(String(format: "%.2e", Double(rate)))"
        + " \(format(perStep, 2))s/step ETA \(duration(eta))"
      if isTerminal {
        let padding = String(repeating: " ", count: max(0, lastLength - text.count))
        write("\r" + text + padding)
        lastLength = text.count
        if step == total { write("\n") }
      } else if step % logEvery == 0 || step == total {
        write(text + "\n")
      }
    case .evaluation(let epoch, let metric, let isBest):
      if isTerminal && lastLength > 0 { write("\n") }
      lastLength = 0
      write("\(label) epoch \(epoch) dev \(format(metric, 4))\(isBest ? " (best)" : "")\n")
    case .note(let text):
      if isTerminal && lastLength > 0 { write("\n") }
      lastLength = 0
      write("\(label) \(text)\n")
    }
  }

  private func write(_ text: String) {
    // Progress is best effort: a closed standard error must not stop training.
    try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
  }
}

/// `value` with `digits` decimals.
func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

/// A duration as `1h02m`, `3m05s` or `12s`.
public func duration(_ seconds: Double) -> String {
  let s = Int(seconds.rounded())
  if s >= 3600 { return "\(s / 3600)h" + String(format: "%02dm", (s % 3600) / 60) }
  if s >= 60 { return "\(s / 60)m" + String(format: "%02ds", s % 60) }
  return "\(s)s"
}
