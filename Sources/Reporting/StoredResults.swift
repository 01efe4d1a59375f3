// LayoutLab — what the report reads from `results/`: its own view of result.json files.

import Evaluation
import Experiments
import Foundation
import JSONValues
import Tasks

/// Precision, recall, F1 and gold support of one group, as stored.
public struct StoredF1: Decodable, Sendable {
  public var precision: Double
  public var recall: Double
  public var f1: Double
  public var support: Int
}

/// Entity scores of one split, as stored.
public struct StoredScores: Decodable, Sendable {
  public var overall: StoredF1
  public var perLabel: [String: StoredF1]
  public var perCue: [String: StoredF1]
  public var documents: Int
}

/// Gold and predicted word tags of one document, as stored.
public struct StoredPrediction: Decodable, Sendable {
  public var id: String
  public var gold: [String]
  public var predicted: [String]
}

/// The parts of a run's `result.json` the report uses. Reporting does not import the training
/// code: it reads files.
public struct StoredRun: Decodable, Sendable {
  public struct FineTuning: Decodable, Sendable {
    public var bestEpoch: Int
    public var dev: StoredScores
    public var test: StoredScores?
    public var devPredictions: [StoredPrediction]
    public var testPredictions: [StoredPrediction]?
    public var steps: Int
  }
  public struct Timings: Decodable, Sendable {
    public var totalSeconds: Double
    public var trainSeconds: Double
  }
  public struct Provenance: Decodable, Sendable {
    public var gitCommit: String
    public var gitDirty: Bool
    public var threads: Int
    public var specHash: String
    public var toolchain: String
    /// The numeric core's SIMD variant and the CPU (absent in results from before they were
    /// recorded).
    public var numericVariant: String?
    public var cpu: String?
    /// The digest of the sources that made the run (absent in older results).
    public var sourceDigest: String?
  }
  /// Peak memory of the run (absent in results from before it was recorded).
  public struct Memory: Decodable, Sendable {
    public var peakResidentBytes: Int
  }
  public struct DataSummary: Decodable, Sendable {
    public var trainDocuments: Int
    public var devDocuments: Int
    public var testDocuments: Int
    public var source: String
    /// Where the words and boxes came from (absent in older results).
    public var ocr: StoredOCR?
  }
  public var experiment: String
  public var variant: String
  public var seed: Int
  /// Document-classification results, as stored.
  public struct Classification: Decodable, Sendable {
    public struct Scores: Decodable, Sendable {
      public var accuracy: Double
      public var perCue: [String: Double]
      public var documents: Int
    }
    public struct Prediction: Decodable, Sendable {
      public var id: String
      public var gold: Int
      public var predicted: Int
    }
    public var bestEpoch: Int
    public var dev: Scores
    public var test: Scores?
    public var devPredictions: [Prediction]
    public var testPredictions: [Prediction]?
    /// The selected model on its training pages (absent in older results).
    public var train: Scores?
    public var trainPredictions: [Prediction]?
  }
  /// The spec's settings of the run.
  public var configuration: JSONValue
  /// The model configuration that ran (absent in older results).
  public var modelConfiguration: JSONValue?
  /// Entity runs.
  public var fineTuning: FineTuning?
  /// Classification runs.
  public var classification: Classification?
  /// Extractive-QA runs: the result type itself (QA results have no older formats to read).
  public var qa: QAFineTuningResult?

  /// The entity results of a run `renderReport` has checked to be an entity run.
  var entities: FineTuning {
    guard let fineTuning else { preconditionFailure("\(variant)/\(seed) is not an entity run") }
    return fineTuning
  }
  public var timings: Timings
  public var memory: Memory?
  public var provenance: Provenance
  public var data: DataSummary
  public var parameterCount: Int
}

/// One baseline's stored scores.
public struct StoredBaseline: Decodable, Sendable {
  public var name: String
  public var description: String
  public var dev: StoredScores
  public var test: StoredScores?
}

/// A run's OCR provenance, as stored.
public struct StoredOCR: Decodable, Hashable, Sendable {
  public var engine: String
  public var engineVersion: String?
  public var pageSegmentationMode: Int?
  public var boxLevel: String
  public var pages: Int
  public var pagesWithOCR: Int
  public var pagesFromFiles: Int?
  public var goldFound: Double?

  /// What decides the words, e.g. `tesseract (5.3.0), --psm 4, word boxes`: two runs with
  /// different engines read different words.
  public var engineSummary: String {
    var parts = [engine + (engineVersion.map { " (\($0))" } ?? "")]
    if let pageSegmentationMode { parts.append("--psm \(pageSegmentationMode)") }
    parts.append("\(boxLevel) boxes")
    return parts.joined(separator: ", ")
  }

  /// One line, e.g. `tesseract 5.3.0, --psm 4, word boxes; 3 of 3 pages with OCR`.
  public var summary: String {
    var line = engineSummary + "; \(pagesWithOCR) of \(pages) pages with OCR"
    if let pagesFromFiles { line += " (\(pagesFromFiles) read from OCR files)" }
    if let goldFound { line += "; gold answers found in the OCR words: \(fixed(goldFound))" }
    return line
  }
}

/// One classification baseline's stored accuracy.
public struct StoredClassificationBaseline: Decodable, Sendable {
  public var name: String
  public var description: String
  public var dev: StoredRun.Classification.Scores
  public var test: StoredRun.Classification.Scores?
}

/// Every stored run and baseline of one experiment.
public struct ExperimentResults: Sendable {
  public var experiment: String
  /// Runs sorted by variant order of first appearance in `variantOrder`, then seed.
  public var runs: [StoredRun]
  public var baselines: [StoredBaseline]
  /// Classification baselines (empty for entity experiments).
  public var classificationBaselines: [StoredClassificationBaseline] = []

  /// Reads `results/<experiment>/**/result.json` and `baselines.json`.
  ///
  /// - Parameter variantOrder: variant names in spec order (others follow alphabetically).
  public static func read(experimentDirectory: URL, variantOrder: [String]) throws
    -> ExperimentResults
  {
    let manager = FileManager.default
    var runs: [StoredRun] = []
    let decoder = JSONDecoder()
    for variant in (try? manager.contentsOfDirectory(atPath: experimentDirectory.path)) ?? [] {
      let variantURL = experimentDirectory.appendingPathComponent(variant)
      for seed in (try? manager.contentsOfDirectory(atPath: variantURL.path)) ?? [] {
        let url = variantURL.appendingPathComponent(seed).appendingPathComponent("result.json")
        guard manager.fileExists(atPath: url.path) else { continue }
        do {
          runs.append(try decoder.decode(StoredRun.self, from: Data(contentsOf: url)))
        } catch {
          throw ReportError.unreadable(path: url.path, reason: "\(error)")
        }
      }
    }
    func rank(_ variant: String) -> Int { variantOrder.firstIndex(of: variant) ?? Int.max }
    runs.sort { (rank($0.variant), $0.variant, $0.seed) < (rank($1.variant), $1.variant, $1.seed) }
    var baselines: [StoredBaseline] = []
    var classificationBaselines: [StoredClassificationBaseline] = []
    let baselineURL = experimentDirectory.appendingPathComponent("baselines.json")
    if manager.fileExists(atPath: baselineURL.path) {
      struct Entry: Decodable {
        var scores: [StoredBaseline]
        var classification: [StoredClassificationBaseline]?
      }
      do {
        let table = try decoder.decode([String: Entry].self, from: Data(contentsOf: baselineURL))
        let keys = table.keys.sorted()
        baselines = keys.lazy.compactMap { table[$0]?.scores }.first { !$0.isEmpty } ?? []
        classificationBaselines =
          keys.lazy.compactMap { table[$0]?.classification }.first { !$0.isEmpty } ?? []
      } catch {
        throw ReportError.unreadable(path: baselineURL.path, reason: "\(error)")
      }
    }
    return ExperimentResults(
      experiment: experimentDirectory.lastPathComponent, runs: runs, baselines: baselines,
      classificationBaselines: classificationBaselines)
  }
}

/// A results folder the report cannot use.
public enum ReportError: Error, CustomStringConvertible, Equatable {
  case unreadable(path: String, reason: String)
  case noResults(path: String)
  /// `compare --metric NAME` named a metric neither side has (with those they have).
  case unknownMetric(name: String, available: [String])

  public var description: String {
    switch self {
    case .unknownMetric(let name, let available):
      return "--metric '\(name)': no such metric on both sides (they have: "
        + available.joined(separator: ", ") + ")"
    case .unreadable(let path, let reason): return "\(path): cannot be read (\(reason))"
    case .noResults(let path): return "\(path): no result.json files; run the spec first"
    }
  }
}
