// LayoutLab — `layoutlab report SPEC`: a spec's stored results → `results/<name>/report.md`.

import Experiments
import Foundation

/// `layoutlab report SPEC`: regenerates `results/<name>/report.md` from stored results alone.
public func reportSpec(_ url: URL, overrides: [String], resultsDirectory: URL? = nil) throws -> URL
{
  let spec = try ExperimentSpec.load(contentsOf: url, overrides: overrides)
  let root = resultsDirectory ?? resultsRoot(forSpec: url)
  let directory = root.appendingPathComponent(spec.name)
  let results = try ExperimentResults.read(
    experimentDirectory: directory, variantOrder: spec.variants.map(\.name))
  // Optional analysis written by the researcher: experiments/<name>.analysis.md.
  let analysisURL = url.deletingPathExtension().appendingPathExtension("analysis.md")
  let notes = (try? String(contentsOf: analysisURL, encoding: .utf8)).map { [$0] } ?? []
  let markdown = try renderReport(
    results, title: "Experiment `\(spec.name)`", description: spec.description, notes: notes,
    comparisons: spec.comparisons.map { ($0.a, $0.b) })
  let reportURL = directory.appendingPathComponent("report.md")
  try Data(markdown.utf8).write(to: reportURL, options: .atomic)
  return reportURL
}
