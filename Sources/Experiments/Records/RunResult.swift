// LayoutLab — the record one finished run leaves: `results/<experiment>/<variant>/<seed>/result.json`.

import Foundation
import LayoutData
import LayoutModels
import Training

/// Where a result came from.
public struct Provenance: Codable, Hashable, Sendable {
  public var gitCommit: String
  public var gitDirty: Bool
  public var toolchain: String
  public var threads: Int
  /// SHA-256 of the whole spec (after overrides), canonical JSON.
  public var specHash: String
  /// SHA-256 of this run's resolved configuration and seed: a changed value re-runs it.
  public var configurationHash: String
  public var host: String
  /// The numeric core's SIMD variant, e.g. `256-bit SIMD (x86-64-v3: AVX2 + FMA)`: metrics are
  /// bit-identical only for the same variant (and thread count). Absent in older results.
  public var numericVariant: String? = nil
  /// The CPU's model name. Absent in older results.
  public var cpu: String? = nil
  /// The digest of the sources that made it (`SourceDigest`; `unknown` without a checkout):
  /// `plan` and `status` call a record made by other sources stale. Absent in older results.
  public var sourceDigest: String? = nil
}

/// Sizes of the data a run saw.
public struct DataSummary: Codable, Hashable, Sendable {
  public var trainDocuments: Int
  public var devDocuments: Int
  public var testDocuments: Int
  public var trainWindows: Int
  public var vocabularySize: Int
  public var source: String
  /// Where the words and boxes came from (classification runs); absent in older results.
  public var ocr: OCRProvenance? = nil
}

/// Wall-clock seconds of the parts of a run.
public struct RunTimings: Codable, Hashable, Sendable {
  public var dataSeconds: Double
  public var trainSeconds: Double
  public var evaluationSeconds: Double
  public var totalSeconds: Double
}

/// Memory one run held at its peak.
public struct RunMemory: Codable, Hashable, Sendable {
  /// Peak resident set size of the run (of the whole process where the system cannot reset
  /// the peak per run), bytes.
  public var peakResidentBytes: Int
  /// The most bytes tensors and the buffer cache held at once, bytes.
  public var tensorPeakBytes: Int
}

/// Everything one run produced.
public struct RunResult: Codable, Sendable {
  public var experiment: String
  public var variant: String
  public var seed: Int
  /// The settings the spec asked for (after variants and overrides; paths as written).
  public var configuration: RunConfiguration
  /// The model configuration that actually ran: the settings translated, or an `initFrom`
  /// checkpoint's with the head settings applied. Absent in older results.
  public var modelConfiguration: LayoutLMConfiguration?
  public var data: DataSummary
  /// Entity runs (`task: entities`).
  public var fineTuning: FineTuningResult? = nil
  /// Document-classification runs (`task: classification`).
  public var classification: ClassificationFineTuningResult? = nil
  /// Extractive-QA runs (`task: qa`).
  public var qa: QAFineTuningResult? = nil
  public var timings: RunTimings
  /// Peak memory (absent in older results).
  public var memory: RunMemory? = nil
  public var provenance: Provenance
  /// Model parameters, for the report.
  public var parameterCount: Int
}

/// Result files under a results root.
public struct ResultStore: Sendable {
  public var root: URL

  /// Creates a store rooted at `root` (normally `results/`).
  public init(root: URL) { self.root = root }

  /// `results/<experiment>/`.
  public func experimentDirectory(_ experiment: String) -> URL {
    root.appendingPathComponent(experiment)
  }

  /// `results/<experiment>/<variant>/<seed>/result.json`.
  public func resultURL(experiment: String, variant: String, seed: Int) -> URL {
    experimentDirectory(experiment).appendingPathComponent(variant)
      .appendingPathComponent("\(seed)").appendingPathComponent("result.json")
  }

  /// The stored result of a run, or nil when absent. A corrupt file is an error naming it.
  public func read(experiment: String, variant: String, seed: Int) throws -> RunResult? {
    let url = resultURL(experiment: experiment, variant: variant, seed: seed)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    do {
      var result = try JSONDecoder().decode(RunResult.self, from: Data(contentsOf: url))
      result.nameLegacyDevMetrics()
      return result
    } catch {
      throw SpecError.unreadable(file: url.path, reason: "not a valid result.json (\(error))")
    }
  }

  /// Writes a result atomically (temporary file, then rename), so an interrupted run never
  /// leaves a half-written result.
  public func write(_ result: RunResult) throws {
    let url = resultURL(experiment: result.experiment, variant: result.variant, seed: result.seed)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(result).write(to: url, options: .atomic)
  }
}

extension RunResult {
  /// Older results recorded every task's dev metric as `devF1` without its name: names it from
  /// the task that ran.
  mutating func nameLegacyDevMetrics() {
    if var entities = fineTuning {
      for index in entities.history.indices where entities.history[index].metric == nil {
        entities.history[index].metric = .entityF1
      }
      fineTuning = entities
    }
    if var classes = classification {
      for index in classes.history.indices where classes.history[index].metric == nil {
        classes.history[index].metric = .accuracy
      }
      classification = classes
    }
  }
}
