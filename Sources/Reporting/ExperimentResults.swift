// LayoutLab — what the report reads from `results/`: each run's `RunRecord` (the one record
// type, migrated as it is read) and the baselines beside them.

import Evaluation
import Experiments
import Foundation
import JSONValues
import LayoutData
import Tasks

extension RunRecord {
  /// The entity results of a run `renderReport` has checked to be an entity run.
  var entities: FineTuningResult {
    guard let fineTuning else { preconditionFailure("\(variant)/\(seed) is not an entity run") }
    return fineTuning
  }

  /// The spec's settings of the run as JSON, by the spec's key names.
  var settings: JSONValue { jsonValue(configuration) ?? .object([]) }

  /// The model configuration that ran as JSON (absent in older results).
  var modelSettings: JSONValue? { modelConfiguration.flatMap(jsonValue) }
}

/// `value` as a JSON value (what the record file holds for it).
private func jsonValue<T: Encodable>(_ value: T) -> JSONValue? {
  guard let data = try? JSONEncoder().encode(value) else { return nil }
  return try? JSONDecoder().decode(JSONValue.self, from: data)
}

extension OCRProvenance {
  /// What decides the words, e.g. `tesseract (5.3.0), --psm 4, word boxes`: two runs with
  /// different engines read different words.
  public var engineSummary: String {
    var parts = [engine.rawValue + (engineVersion.map { " (\($0))" } ?? "")]
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

/// Every stored run and baseline of one experiment.
public struct ExperimentResults: Sendable {
  public var experiment: String
  /// Runs sorted by variant order of first appearance in `variantOrder`, then seed.
  public var runs: [RunRecord]
  public var baselines: [BaselineScores]
  /// Classification baselines (empty for entity experiments).
  public var classificationBaselines: [ClassificationBaselineScores] = []

  /// Reads `results/<experiment>/**/result.json` and `baselines.json`.
  ///
  /// - Parameter variantOrder: variant names in spec order (others follow alphabetically).
  public static func read(experimentDirectory: URL, variantOrder: [String]) throws
    -> ExperimentResults
  {
    let manager = FileManager.default
    var runs: [RunRecord] = []
    let decoder = JSONDecoder()
    for variant in (try? manager.contentsOfDirectory(atPath: experimentDirectory.path)) ?? [] {
      let variantURL = experimentDirectory.appendingPathComponent(variant)
      for seed in (try? manager.contentsOfDirectory(atPath: variantURL.path)) ?? [] {
        let url = variantURL.appendingPathComponent(seed).appendingPathComponent("result.json")
        guard manager.fileExists(atPath: url.path) else { continue }
        do {
          runs.append(try decoder.decode(RunRecord.self, from: Data(contentsOf: url)))
        } catch {
          throw ReportError.unreadable(path: url.path, reason: "\(error)")
        }
      }
    }
    func rank(_ variant: String) -> Int { variantOrder.firstIndex(of: variant) ?? Int.max }
    runs.sort { (rank($0.variant), $0.variant, $0.seed) < (rank($1.variant), $1.variant, $1.seed) }
    var baselines: [BaselineScores] = []
    var classificationBaselines: [ClassificationBaselineScores] = []
    let baselineURL = experimentDirectory.appendingPathComponent("baselines.json")
    if manager.fileExists(atPath: baselineURL.path) {
      struct Entry: Decodable {
        var scores: [BaselineScores]
        var classification: [ClassificationBaselineScores]?
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
