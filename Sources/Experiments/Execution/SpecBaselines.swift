// LayoutLab — the baselines of a spec's data configurations, written once per configuration
// before its cells run.

import Foundation
import LayoutData

/// Baselines of each distinct data configuration: `results/<experiment>/baselines.json`,
/// keyed by the data settings' hash (entity baselines for entity runs, classification
/// baselines for classification runs). Existing entries are kept.
func writeBaselines(
  _ plans: [RunPlan], store: ResultStore, experiment: String, cache: URL, repository: URL,
  log: (String) -> Void
) throws {
  let url = store.experimentDirectory(experiment).appendingPathComponent("baselines.json")
  var table: [String: BaselineEntry] = [:]
  if let data = try? Data(contentsOf: url) {
    table = (try? JSONDecoder().decode([String: BaselineEntry].self, from: data)) ?? [:]
  }
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
  var changed = false
  for plan in plans {
    let data = plan.configuration.data
    let key = sha256Hex(String(decoding: try encoder.encode(data), as: UTF8.self))
    guard table[key] == nil else { continue }
    let resolved = plan.configuration.resolvingPaths(against: repository).data
    if plan.configuration.task == .classification {
      let documents = try prepareClassifiedPages(resolved, cache: cache)
      table[key] = BaselineEntry(
        data: data, scores: [], classification: computeClassificationBaselines(documents))
    } else {
      let documents = try prepareDocuments(resolved, cache: cache)
      table[key] = BaselineEntry(
        data: data, scores: try computeBaselines(documents, scheme: .funsdIOB2))
    }
    changed = true
    log("baselines computed for data \(key.prefix(8))")
  }
  if changed {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try encoder.encode(table).write(to: url, options: .atomic)
  }
}

/// The baselines of one data configuration: entity baselines in `scores`, classification
/// baselines in `classification` (then `scores` is empty).
public struct BaselineEntry: Codable, Sendable {
  public var data: DataSettings
  public var scores: [BaselineScores]
  public var classification: [ClassificationBaselineScores]? = nil
}
