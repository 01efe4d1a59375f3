// LayoutLab — the `run` and `report` workflows: spec → runs → results → report.md.
//
// This module joins the experiment runner, the synthetic generator and the report writer, so
// that the executable stays a table of one-call subcommands.

import Experiments
import Foundation
import LayoutData
import Reporting
import SyntheticData

/// Generates synthetic FUNSD-format forms for the runner's cache.
///
/// The generator's train/test split becomes `training_data/` and `testing_data/`; with
/// `templateHoldout`, the test forms use templates never seen in training.
public func syntheticFormsGenerator() -> SyntheticFormsGenerator {
  { documents, seed, templateHoldout, output in
    var options = SynthesisOptions()
    options.templateHoldout = templateHoldout
    _ = try generateSyntheticDataset(
      kind: .forms, docs: documents, seed: UInt64(seed), outputDirectory: output, options: options,
      threads: ProcessInfo.processInfo.activeProcessorCount)
  }
}

/// Generates synthetic RVL-CDIP-format documents (16 classes) for the runner's cache.
public func syntheticClassifyGenerator() -> SyntheticClassifyGenerator {
  { documents, seed, templateHoldout, neutralParts, output in
    var options = SynthesisOptions()
    options.templateHoldout = templateHoldout
    if neutralParts { options.neutralParts = true }
    _ = try generateSyntheticDataset(
      kind: .classify, docs: documents, seed: UInt64(seed), outputDirectory: output,
      options: options, threads: ProcessInfo.processInfo.activeProcessorCount)
  }
}

/// The results root for a spec: `results/` in the repository that holds `experiments/`.
public func resultsRoot(forSpec url: URL) -> URL {
  repositoryRoot(forSpec: url).appendingPathComponent("results")
}

/// The folder above `experiments/` (or the spec's own folder when it is elsewhere).
public func repositoryRoot(forSpec url: URL) -> URL {
  let folder = url.standardizedFileURL.deletingLastPathComponent()
  return folder.lastPathComponent == "experiments" ? folder.deletingLastPathComponent() : folder
}

/// `layoutlab run SPEC`: runs every unfinished run, then writes the report. Returns the report's
/// path.
public func runSpec(_ url: URL, overrides: [String], resultsDirectory: URL? = nil) throws -> URL {
  var options = RunnerOptions(
    resultsRoot: resultsDirectory ?? resultsRoot(forSpec: url),
    repository: repositoryRoot(forSpec: url))
  options.overrides = overrides
  options.syntheticForms = syntheticFormsGenerator()
  options.syntheticClassify = syntheticClassifyGenerator()
  _ = try runExperiment(specURL: url, options: options)
  return try reportSpec(url, overrides: overrides, resultsDirectory: options.resultsRoot)
}

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
