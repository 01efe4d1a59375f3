// LayoutLab — the report of a document-classification experiment (accuracy).

import Evaluation
import Experiments
import Foundation
import Tasks

/// Builds `report.md` for classification runs: accuracy per variant (mean ± sd, t-CI over
/// seeds), per cue, and paired tests of `comparisons` (default: the first two variants).
func renderClassificationReport(
  _ results: ExperimentResults, title: String, description: String, notes: [String],
  comparisons: [(String, String)]
) throws -> String {
  var out = reportHeading(title: title, description: description)
  let (variants, byVariant) = runsByVariant(results)
  func scores(_ run: RunRecord) -> ClassificationFineTuningResult? { run.classification }
  let cues = Set(results.runs.flatMap { scores($0)?.dev.perCue.keys.map { $0 } ?? [] }).sorted()
  let hasTest = results.runs.contains { scores($0)?.test != nil }
  let hasTrain = results.runs.contains { scores($0)?.train != nil }
  out += ["## Document classification accuracy (16 classes; chance 0.0625)", ""]
  var table = MarkdownTable(
    header: ["variant", "n", "dev accuracy (mean ± sd)", "dev 95% CI (t, seeds)"]
      + (hasTest ? ["test accuracy (mean ± sd)"] : []) + (hasTrain ? ["train accuracy"] : [])
      + cues.map { "dev cue: \($0)" } + ["params", "train time / run", "peak RSS"])
  for variant in variants {
    let runs = byVariant[variant] ?? []
    let dev = try summarizeSeeds(runs.compactMap { scores($0)?.dev.accuracy })
    var row = [
      variant, "\(runs.count)", meanSD(dev),
      dev.lower.map { "[\(fixed($0)), \(fixed(dev.upper))]" } ?? "–",
    ]
    if hasTest {
      let tests = runs.compactMap { scores($0)?.test?.accuracy }
      row.append(tests.isEmpty ? "–" : meanSD(try summarizeSeeds(tests)))
    }
    if hasTrain { row.append(fixed(mean(runs.compactMap { scores($0)?.train?.accuracy }))) }
    for cue in cues { row.append(fixed(mean(runs.compactMap { scores($0)?.dev.perCue[cue] }))) }
    row.append("\(runs.first?.parameterCount ?? 0)")
    row.append(minutes(mean(runs.map(\.timings.totalSeconds)) ?? 0))
    row.append(peakMemory(runs))
    table.rows.append(row)
  }
  out += [table.markdown, ""] + mixedCodeWarning(results)
  let first = results.runs[0]
  out += [
    "Dev: \(first.data.devDocuments) documents; train: \(first.data.trainDocuments); test: "
      + "\(first.data.testDocuments). The dev split selects the epoch; test is never used for selection.",
    "",
  ]
  out += classificationBaselineSection(results.classificationBaselines, hasTest: hasTest)
  out += ocrSection(variants: variants, byVariant: byVariant)
  out += pagePredictionSection(variants: variants, byVariant: byVariant)
  // Paired bootstrap over dev documents for the requested variant pairs.
  out += try comparisonSection(
    pairs: comparisonPairs(requested: comparisons, variants: variants), byVariant: byVariant,
    metric: "accuracy", statistic: .mean,
    documentIDs: { (scores($0)?.devPredictions ?? []).map(\.id) },
    items: { run in
      try ItemStatistics(
        scores: (scores(run)?.devPredictions ?? []).map { $0.gold == $0.predicted ? 1 : 0 })
    })
  out += configurationSection(variants: variants, byVariant: byVariant)
  if !notes.isEmpty { out += ["## Analysis", ""] + notes.flatMap { [$0, ""] } }
  out += shortProvenanceSection(results)
  return out.joined(separator: "\n")
}
