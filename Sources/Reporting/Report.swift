// LayoutLab — the Markdown report of one experiment, regenerated from stored results alone.

import Evaluation
import Experiments
import Foundation
import JSONValues
import Tasks

/// Paper numbers to set beside measured ones (`layoutlm-reference.md` §D): FUNSD entity F1 of
/// the pre-trained BASE models, fine-tuned. LayoutLab's runs are small models, often trained
/// from scratch, so these are a ceiling for scale, not a target.
let paperFUNSD: [(String, Double)] = [
  ("LayoutLM BASE (v1 paper, pre-trained on 11M pages)", 0.7866),
  ("LayoutLMv2 BASE (v2 paper, pre-trained on 11M pages)", 0.8276),
]

/// Builds `report.md` for an experiment.
///
/// The report is deterministic: rows in spec order, fixed formatting, no timestamps, seeded
/// bootstraps. `notes` are free-form paragraphs appended verbatim (the spec's analysis).
public func renderReport(
  _ results: ExperimentResults, title: String, description: String, notes: [String] = [],
  comparisons: [(String, String)] = []
) throws -> String {
  guard !results.runs.isEmpty else { throw ReportError.noResults(path: results.experiment) }
  if results.runs.allSatisfy({ $0.classification != nil }) {
    return try renderClassificationReport(
      results, title: title, description: description, notes: notes, comparisons: comparisons)
  }
  if results.runs.allSatisfy({ $0.qa != nil }) {
    return try renderQAReport(
      results, title: title, description: description, notes: notes, comparisons: comparisons)
  }
  if let other = results.runs.first(where: { $0.fineTuning == nil }) {
    throw ReportError.unreadable(
      path: "\(results.experiment)/\(other.variant)/\(other.seed)",
      reason: "an experiment's runs must all be of one task (entities, classification or qa)")
  }
  var out: [String] = ["# \(title)", ""]
  if !description.isEmpty { out += [description, ""] }
  let variants = results.runs.map(\.variant).reduce(into: [String]()) {
    if !$0.contains($1) { $0.append($1) }
  }
  let byVariant = Dictionary(grouping: results.runs, by: \.variant)
  let hasTest = results.runs.contains { $0.entities.test != nil }
  let cues = Set(results.runs.flatMap { $0.entities.dev.perCue.keys }).sorted()
  let labels = Set(results.runs.flatMap { $0.entities.dev.perLabel.keys }).sorted()

  // Main table.
  out += ["## Entity F1 (seqeval, conlleval mode)", ""]
  var header = ["variant", "n", "dev F1 (mean ± sd)", "dev 95% CI (t, seeds)"]
  if hasTest { header += ["test F1 (mean ± sd)"] }
  header +=
    labels.map { "dev \($0)" } + cues.map { "dev cue: \($0)" } + [
      "params", "train time / run", "peak RSS",
    ]
  var table = MarkdownTable(header: header)
  for variant in variants {
    let runs = byVariant[variant] ?? []
    let dev = try summarizeSeeds(runs.map { $0.entities.dev.overall.f1 })
    var row = [
      variant, "\(runs.count)", meanSD(dev),
      dev.lower.map { "[\(fixed($0)), \(fixed(dev.upper))]" } ?? "–",
    ]
    if hasTest {
      let tests = runs.compactMap { $0.entities.test?.overall.f1 }
      row.append(tests.isEmpty ? "–" : meanSD(try summarizeSeeds(tests)))
    }
    for label in labels {
      row.append(fixed(mean(runs.compactMap { $0.entities.dev.perLabel[label]?.f1 })))
    }
    for cue in cues {
      row.append(fixed(mean(runs.compactMap { $0.entities.dev.perCue[cue]?.f1 })))
    }
    row.append("\(runs.first?.parameterCount ?? 0)")
    row.append(minutes(mean(runs.map(\.timings.totalSeconds)) ?? 0))
    row.append(peakMemory(runs))
    table.rows.append(row)
  }
  out += [table.markdown, ""] + mixedCodeWarning(results)
  let first = results.runs[0]
  out += [
    "Dev: \(first.data.devDocuments) documents; train: \(first.data.trainDocuments); "
      + "test: \(first.data.testDocuments == 0 ? "none" : "\(first.data.testDocuments)")"
      + ". The dev split selects the epoch; test is never used for selection.", "",
  ]

  // Document-level uncertainty and the paired comparisons.
  out += try uncertaintySection(variants: variants, byVariant: byVariant)
  out += try comparisonSection(
    pairs: comparisonPairs(requested: comparisons, variants: variants), byVariant: byVariant,
    metric: "entity F1", statistic: .microF1,
    documentIDs: { $0.entities.devPredictions.map(\.id) }, items: entityItems)

  // Baselines.
  if !results.baselines.isEmpty {
    out += ["## Baselines on the same splits", ""]
    var baselineTable = MarkdownTable(
      header: ["baseline", "what it does", "dev F1"] + (hasTest ? ["test F1"] : [])
        + cues.map { "dev cue: \($0)" })
    for baseline in results.baselines {
      var row = [baseline.name, baseline.description, fixed(baseline.dev.overall.f1)]
      if hasTest { row.append(fixed(baseline.test?.overall.f1)) }
      for cue in cues { row.append(fixed(baseline.dev.perCue[cue]?.f1)) }
      baselineTable.rows.append(row)
    }
    out += [baselineTable.markdown, ""]
  }

  // Configuration differences.
  out += configurationSection(variants: variants, byVariant: byVariant)

  // Papers.
  out += ["## Reference numbers from the papers (FUNSD test F1)", ""]
  var paper = MarkdownTable(header: ["model", "F1"])
  for (name, value) in paperFUNSD { paper.rows.append([name, fixed(value, 4)]) }
  out += [
    paper.markdown, "",
    "These are large pre-trained models fine-tuned on FUNSD; the runs above are small models "
      + "on this machine's budget, so the papers' numbers are context, not a target.", "",
  ]

  if !notes.isEmpty { out += ["## Analysis", ""] + notes.flatMap { [$0, ""] } }

  // Provenance and time.
  let total = results.runs.reduce(0) { $0 + $1.timings.totalSeconds }
  let commits = Set(results.runs.map(commitLabel)).sorted()
  out +=
    [
      "## Provenance", "",
      "- runs: \(results.runs.count); run time \(minutes(total)) in all (the sum over runs; `run --jobs` overlaps them)",
      "- commits: \(commits.joined(separator: ", "))",
      "- threads: \(Set(results.runs.map(\.provenance.threads)).sorted().map(String.init).joined(separator: ", ")); toolchain: \(first.provenance.toolchain)",
      "- spec hash: \(Set(results.runs.map { String($0.provenance.specHash.prefix(16)) }).sorted().joined(separator: ", "))",
    ] + sourceDigestLines(results) + machineLines(results) + [""]
  return out.joined(separator: "\n")
}

func mean(_ values: [Double]) -> Double? {
  values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
}

func meanSD(_ summary: SeedSummary) -> String {
  summary.standardDeviation.map { "\(fixed(summary.mean)) ± \(fixed($0))" } ?? fixed(summary.mean)
}

/// Per-document entity-count statistics of a run's dev predictions (for micro F1).
func entityItems(_ run: RunRecord) throws -> ItemStatistics {
  let predictions = run.entities.devPredictions
  return try entityF1(gold: predictions.map(\.gold), predicted: predictions.map(\.predicted))
    .sequenceStatistics
}

/// Per-variant bootstrap CIs over dev documents (first seed).
func uncertaintySection(variants: [String], byVariant: [String: [RunRecord]]) throws -> [String] {
  let items = entityItems
  var out = ["## Uncertainty over documents", ""]
  let options = reportBootstrapOptions
  var table = MarkdownTable(header: ["variant", "seed", "dev F1", "95% bootstrap CI (documents)"])
  for variant in variants {
    guard let run = byVariant[variant]?.first, !run.entities.devPredictions.isEmpty else {
      continue
    }
    let interval = try bootstrapConfidenceInterval(
      try items(run), statistic: .microF1, options: options)
    table.rows.append([
      variant, "\(run.seed)", fixed(interval.estimate),
      "[\(fixed(interval.lower)), \(fixed(interval.upper))]",
    ])
  }
  out += [table.markdown, ""]
  return out
}

/// The provenance line naming the numeric core's SIMD variants and CPUs the runs used (metrics
/// are bit-identical only within one variant); empty for results that predate the record.
func machineLines(_ results: ExperimentResults) -> [String] {
  let variants = Set(results.runs.compactMap(\.provenance.numericVariant)).sorted()
  let cpus = Set(results.runs.compactMap(\.provenance.cpu)).sorted()
  if variants.isEmpty && cpus.isEmpty { return [] }
  return [
    "- numeric core: \(variants.joined(separator: ", ")); CPU: \(cpus.joined(separator: ", "))"
  ]
}
