// LayoutLab — what every task's encoded split and fine-tuning outcome provide to the executor.

import Foundation
import Training

/// An encoded split of any task.
public protocol EncodedSplit {
  /// The documents encoded.
  var documentCount: Int { get }
  /// The model windows they make.
  var windowCount: Int { get }
  /// The page images of the documents (empty for models without a visual branch).
  var images: PageImages { get }
}

/// A task's fine-tuning outcome: its section of the run's record.
public protocol TaskOutcome: Codable, Sendable {
  /// The record's key for this section (`fineTuning`, `classification`, `qa`).
  static var recordKey: String { get }
  /// Seconds spent training.
  var trainSeconds: Double { get }
  /// Seconds spent scoring dev and test.
  var evaluationSeconds: Double { get }
  /// The main scores in one line: `dev F1 0.5123, test F1 0.4987`.
  var headline: String { get }
  /// Brings a section read from an older record up to date (default: nothing to do).
  mutating func migrate()
}

extension TaskOutcome {
  /// Nothing to migrate.
  public mutating func migrate() {}

  /// `dev NAME 0.1234, test NAME 0.5678` (the test part only when tested).
  public static func headline(_ name: String, dev: Double, test: Double?) -> String {
    "dev \(name) \(String(format: "%.4f", dev))"
      + (test.map { String(format: ", test \(name) %.4f", $0) } ?? "")
  }
}
