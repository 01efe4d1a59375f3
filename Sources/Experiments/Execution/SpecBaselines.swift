// LayoutLab — the baselines of a spec's data configurations, written once per configuration
// before its cells run.

import Foundation
import LayoutData
import Tasks

/// Baselines of each distinct data configuration: `results/<experiment>/baselines.json`,
/// keyed by the data settings' hash (each run's task says what its baselines are; a task
/// without baselines adds none). Existing entries are kept.
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
    let resolved = plan.configuration.resolvingPaths(against: repository)
    let task = try TaskRegistry.task(named: resolved.task)
    guard
      var entry = try task.baselines(
        TaskSettings(data: resolved.data, training: resolved.training, qa: resolved.qa),
        environment: .caching(in: cache))
    else { continue }
    entry.data = data
    table[key] = entry
    changed = true
    log("baselines computed for data \(key.prefix(8))")
  }
  if changed {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try encoder.encode(table).write(to: url, options: .atomic)
  }
}
