// LayoutLab — the report section that tests variant differences over dev documents.

import Evaluation
import Experiments
import Foundation
import Tasks

/// The variant pairs to compare: `requested` (a, b) pairs, or else the first two variants
/// (the second minus the first, as reports always did).
func comparisonPairs(requested: [(String, String)], variants: [String]) -> [(String, String)] {
  if !requested.isEmpty { return requested }
  return variants.count >= 2 ? [(variants[1], variants[0])] : []
}

/// The bootstrap every report and `compare` use: 2,000 resamples, 95 %, seed 17.
let reportBootstrapOptions = BootstrapOptions(resamples: 2000, confidence: 0.95, seed: 17)

/// Averages the per-document statistics of several seeds' runs over the same documents: each
/// document's row becomes its mean over seeds, so a bootstrap over documents keeps every
/// seed of a document together.
func averagedOverSeeds(_ items: [ItemStatistics]) throws -> ItemStatistics? {
  guard let first = items.first,
    items.allSatisfy({ $0.count == first.count && $0.width == first.width })
  else { return nil }
  var values = [Double](repeating: 0, count: first.values.count)
  for item in items {
    for index in values.indices { values[index] += item.values[index] / Double(items.count) }
  }
  return try ItemStatistics(values: values, width: first.width)
}

/// "## Differences between variants": for each pair, a paired bootstrap over dev documents
/// pooled over the seeds both variants ran (each document's statistics averaged over seeds),
/// then one line per seed.
///
/// - Parameters:
///   - documentIDs: the dev document ids of a run, in prediction order (pairs must match).
///   - items: per-document statistics of a run for `statistic`.
///   - unit: what an item is, singular (`document`; QA: `question`).
func comparisonSection(
  pairs: [(String, String)], byVariant: [String: [RunRecord]], metric: String,
  statistic: CorpusStatistic, documentIDs: (RunRecord) -> [String], unit: String = "document",
  items: (RunRecord) throws -> ItemStatistics
) throws -> [String] {
  guard !pairs.isEmpty else { return [] }
  let options = reportBootstrapOptions
  func describe(_ test: PairedBootstrapResult) -> String {
    "\(fixed(test.difference.estimate)) (95% CI [\(fixed(test.difference.lower)), "
      + "\(fixed(test.difference.upper))], p = \(fixed(test.pValue)))"
  }
  var out = [
    "## Differences between variants (paired bootstrap over dev \(unit)s, \(metric))", "",
  ]
  for (a, b) in pairs {
    let runsB = (byVariant[b] ?? []).sorted { $0.seed < $1.seed }
    let matched = runsB.compactMap { runB -> (RunRecord, RunRecord)? in
      guard let runA = byVariant[a]?.first(where: { $0.seed == runB.seed }),
        documentIDs(runA) == documentIDs(runB), !documentIDs(runA).isEmpty
      else { return nil }
      return (runA, runB)
    }
    guard !matched.isEmpty else {
      out += ["- \(a) − \(b): no seeds with the same dev \(unit)s in both.", ""]
      continue
    }
    var lines: [String] = []
    if matched.count > 1, let pooledA = try averagedOverSeeds(try matched.map { try items($0.0) }),
      let pooledB = try averagedOverSeeds(try matched.map { try items($0.1) })
    {
      let test = try pairedBootstrapTest(
        pooledA, pooledB, statistic: statistic, options: options)
      let seeds = matched.map { "\($0.1.seed)" }.joined(separator: ", ")
      lines.append("- **\(a) − \(b), seeds \(seeds) pooled: \(describe(test))**")
    }
    for (runA, runB) in matched {
      let test = try pairedBootstrapTest(
        try items(runA), try items(runB), statistic: statistic, options: options)
      lines.append("- seed \(runB.seed): \(a) − \(b) = \(describe(test))")
    }
    out += lines + [""]
  }
  out += [
    "Pooled: each dev \(unit)'s \(metric) statistics are averaged over the seeds, then "
      + "\(unit)s are resampled (2,000 times) with all their seeds together. The interval "
      + "covers \(unit) sampling for these seeds, not seeds beyond them.",
    "",
  ]
  return out
}
