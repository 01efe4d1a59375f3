// LayoutLab — `layoutlab compare A B`: two results folders (or specs) in, Markdown or JSON out.

import Experiments
import Foundation

/// What `layoutlab compare` prints and the exit code it returns.
public struct CompareOutcome: Sendable {
  /// Markdown or JSON, ending in a newline.
  public var text: String
  /// 1 when `threshold` was given and some difference has a p-value below it, else 0.
  public var exitCode: Int32
  /// The comparison itself.
  public var comparison: ResultsComparison
}

/// `layoutlab compare A B`: compares the stored results of B against A.
///
/// - Parameters:
///   - a: a results folder (`results/<experiment>`) or a spec file (its results folder,
///     `results/<name>` beside `experiments/`), as the user wrote it.
///   - metrics: the `--metric` filter (see `compareResults`).
///   - json: JSON instead of Markdown.
///   - threshold: exit 1 when a difference's p-value is below it.
/// - Throws: `ReportError` for a path that is neither, or a folder without results;
///   `SpecError` for a spec that does not load.
public func compareFolders(
  _ a: String, _ b: String, metrics: [String] = [], json: Bool = false,
  threshold: Double? = nil
) throws -> CompareOutcome {
  let comparison = try compareResults(
    try resultsToCompare(a), try resultsToCompare(b), labels: (a, b), metrics: metrics)
  var text: String
  if json {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    text = String(decoding: try encoder.encode(comparison), as: UTF8.self) + "\n"
  } else {
    text = comparison.markdown
  }
  let significant = threshold.map { comparison.significant(at: $0) } ?? []
  if let threshold, !json {
    text +=
      significant.isEmpty
      ? "\nNo difference is significant at p < \(threshold).\n"
      : "\nSignificant at p < \(threshold): "
        + significant.map { "\($0.metric) (\($0.variant))" }.joined(separator: ", ") + ".\n"
  }
  return CompareOutcome(text: text, exitCode: significant.isEmpty ? 0 : 1, comparison: comparison)
}

/// The stored results `path` names: a results folder, or a spec's folder (runs in spec order).
func resultsToCompare(_ path: String) throws -> ExperimentResults {
  let url = URL(fileURLWithPath: path)
  var isDirectory: ObjCBool = false
  guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
    throw ReportError.unreadable(
      path: path, reason: "no such file or folder; give a results folder or a spec")
  }
  var folder = url
  var order: [String] = []
  if !isDirectory.boolValue {
    let spec = try ExperimentSpec.load(contentsOf: url)
    folder = resultsRoot(forSpec: url).appendingPathComponent(spec.name)
    order = spec.variants.map(\.name)
  }
  let results = try ExperimentResults.read(experimentDirectory: folder, variantOrder: order)
  guard !results.runs.isEmpty else { throw ReportError.noResults(path: folder.path) }
  return results
}
