// LayoutLab — two experiments' stored results side by side: what `layoutlab compare` shows.

import Evaluation
import Experiments
import Foundation
import Tasks

/// The comparison of results B against results A: metric differences of the cells both ran
/// (matched by variant and seed) with paired bootstraps, the cells one side lacks, the settings
/// that differ, and each side's code and machine.
public struct ResultsComparison: Encodable, Sendable {
  /// One side of the comparison.
  public struct Side: Encodable, Sendable {
    /// The folder or spec as the user named it.
    public var label: String
    /// The experiment (results folder) name.
    public var experiment: String
    /// Runs (variant × seed cells) with a `result.json`.
    public var cells: Int
    /// The commits the runs were made at (`0123456789ab`, `+dirty` for uncommitted changes),
    /// or `unknown` where no commit was recorded.
    public var commits: [String]
    /// The source digests of the runs (first 12 hex digits), empty in results from before the
    /// record carried one.
    public var sources: [String]
    /// The numeric core's SIMD variants the runs used (empty in results from before the record).
    public var numericVariants: [String]
  }

  /// A paired bootstrap of B − A over the items both sides scored.
  public struct PairedTest: Encodable, Sendable {
    /// B − A of the statistic over the matched items, pooled over seeds.
    public var estimate: Double
    /// Ends of the percentile interval.
    public var lower: Double
    public var upper: Double
    /// Two-sided p-value for "no difference".
    public var pValue: Double
    /// Matched items (documents or questions) resampled.
    public var items: Int
    /// `document` or `question`.
    public var unit: String
  }

  /// One metric of one variant, over the seeds both sides ran.
  public struct MetricDifference: Encodable, Sendable {
    /// `dev entity F1`, `test ANLS`, …
    public var metric: String
    public var variant: String
    /// The seeds both sides ran.
    public var seeds: [Int]
    /// The stored metric, averaged over `seeds`.
    public var a: Double
    public var b: Double
    /// `b − a`.
    public var difference: Double
    /// Nil when either side kept no per-item scores, or they share no items.
    public var test: PairedTest?
  }

  /// A setting (spec key path) whose value differs between matched cells.
  public struct SettingDifference: Encodable, Sendable {
    /// `training.learningRate`.
    public var key: String
    /// The values as the report shows them; `(default)` when a side does not have the key.
    public var a: String
    public var b: String
    /// The matched cells (`variant@seed`) with these two values.
    public var cells: [String]
  }

  public var a: Side
  public var b: Side
  /// Cells both sides ran.
  public var matchedCells: Int
  /// Per metric (in task order), then variant.
  public var differences: [MetricDifference]
  /// Cells (`variant@seed`) one side ran and the other did not.
  public var onlyInA: [String]
  public var onlyInB: [String]
  public var settings: [SettingDifference]
  /// Why the sides are not like for like (different data, OCR or SIMD variant); empty when
  /// they are.
  public var notLikeForLike: [String]
  /// The bootstrap's coverage and resamples.
  public var confidence: Double
  public var resamples: Int

  /// Whether the sides ran the same cells with the same settings, data and metrics.
  public var hasNoDifferences: Bool {
    differences.allSatisfy { $0.difference == 0 && ($0.test?.estimate ?? 0) == 0 }
      && onlyInA.isEmpty && onlyInB.isEmpty && settings.isEmpty && notLikeForLike.isEmpty
  }

  /// The differences whose p-value is below `level`.
  public func significant(at level: Double) -> [MetricDifference] {
    differences.filter { ($0.test?.pValue ?? 1) < level }
  }
}

/// Compares stored results `b` against `a`.
///
/// - Parameters:
///   - labels: how the two sides are named in the output (the paths as given).
///   - metrics: keep only these metrics: a name as tables show it (`dev ANLS`) or a metric of
///     both splits (`entity F1`); case, `-`, `_` and `.` do not matter. Empty keeps all.
/// - Throws: `ReportError` when a filter names no metric either side has, or a metric fails.
public func compareResults(
  _ a: ExperimentResults, _ b: ExperimentResults, labels: (String, String),
  metrics filter: [String] = []
) throws -> ResultsComparison {
  let key = { (run: RunRecord) in "\(run.variant)@\(run.seed)" }
  let runsB = Dictionary(b.runs.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
  // Cells in A's order, then B's variants A lacks.
  var order: [String] = []
  for run in a.runs + b.runs where !order.contains(run.variant) { order.append(run.variant) }
  let matched = a.runs.compactMap { run in runsB[key(run)].map { (run, $0) } }

  var differences: [ResultsComparison.MetricDifference] = []
  var names: [String] = []
  var metricsByCell: [String: ([RunMetric], [RunMetric])] = [:]
  for (runA, runB) in matched {
    let pair = (try runMetrics(runA), try runMetrics(runB))
    metricsByCell[key(runA)] = pair
    for metric in pair.0 where !names.contains(metric.name) { names.append(metric.name) }
  }
  let wanted = try selectedMetrics(names, filter: filter)
  for name in wanted {
    for variant in order {
      let cells = matched.filter { $0.0.variant == variant }.compactMap {
        pair -> (Int, RunMetric, RunMetric)? in
        let (metricsA, metricsB) = metricsByCell[key(pair.0)] ?? ([], [])
        guard let metricA = metricsA.first(where: { $0.name == name }),
          let metricB = metricsB.first(where: { $0.name == name })
        else { return nil }
        return (pair.0.seed, metricA, metricB)
      }
      guard !cells.isEmpty else { continue }
      let valueA = cells.map(\.1.value).reduce(0, +) / Double(cells.count)
      let valueB = cells.map(\.2.value).reduce(0, +) / Double(cells.count)
      differences.append(
        ResultsComparison.MetricDifference(
          metric: name, variant: variant, seeds: cells.map(\.0), a: valueA, b: valueB,
          difference: valueB - valueA, test: try pooledPairedTest(cells.map { ($0.1, $0.2) })))
    }
  }

  let matchedKeys = Set(matched.map { key($0.0) })
  return ResultsComparison(
    a: side(a, label: labels.0), b: side(b, label: labels.1), matchedCells: matched.count,
    differences: differences,
    onlyInA: a.runs.map(key).filter { !matchedKeys.contains($0) },
    onlyInB: b.runs.map(key).filter { !matchedKeys.contains($0) },
    settings: settingDifferences(matched), notLikeForLike: likeForLikeProblems(matched, a, b),
    confidence: reportBootstrapOptions.confidence, resamples: reportBootstrapOptions.resamples)
}

/// The metric names `filter` keeps, in `names` order.
private func selectedMetrics(_ names: [String], filter: [String]) throws -> [String] {
  guard !filter.isEmpty else { return names }
  func normal(_ text: String) -> String {
    text.lowercased().map { "-_.".contains($0) ? " " : String($0) }.joined()
  }
  var kept: [String] = []
  for name in filter {
    let wanted = normal(name)
    let hits = names.filter { name in
      normal(name) == wanted
        || normal(name.split(separator: " ").dropFirst().joined(separator: " "))
          == wanted
    }
    guard !hits.isEmpty else {
      throw ReportError.unknownMetric(name: name, available: names)
    }
    kept += hits
  }
  return names.filter(kept.contains)
}

/// The paired bootstrap of B − A over the items every cell of both sides scored, each item's
/// statistics averaged over the seeds (as the reports pool them); nil without such items.
private func pooledPairedTest(_ cells: [(RunMetric, RunMetric)]) throws
  -> ResultsComparison.PairedTest?
{
  let sides = cells.flatMap { [$0.0.items, $0.1.items] }
  guard let first = cells.first?.0, let firstItems = first.items,
    !sides.contains(where: { $0 == nil })
  else { return nil }
  let all = sides.compactMap { $0 }
  // Items matched by id; ids must be unique within a run.
  guard all.allSatisfy({ Set($0.ids).count == $0.ids.count }) else { return nil }
  let common = all.dropFirst().reduce(Set(firstItems.ids)) { $0.intersection($1.ids) }
  let ids = firstItems.ids.filter(common.contains)
  guard !ids.isEmpty else { return nil }
  func aligned(_ items: (ids: [String], statistics: ItemStatistics)) -> ItemStatistics {
    let index = Dictionary(uniqueKeysWithValues: items.ids.enumerated().map { ($1, $0) })
    return items.statistics.rows(ids.compactMap { index[$0] })
  }
  guard let pooledA = try averagedOverSeeds(cells.compactMap { $0.0.items.map(aligned) }),
    let pooledB = try averagedOverSeeds(cells.compactMap { $0.1.items.map(aligned) })
  else { return nil }
  let test = try pairedBootstrapTest(
    pooledB, pooledA, statistic: first.statistic, options: reportBootstrapOptions)
  return ResultsComparison.PairedTest(
    estimate: test.difference.estimate, lower: test.difference.lower,
    upper: test.difference.upper, pValue: test.pValue, items: ids.count, unit: first.unit)
}

/// One side's name, size, commits and SIMD variants.
private func side(_ results: ExperimentResults, label: String) -> ResultsComparison.Side {
  let commits = Set(results.runs.map(commitLabel))
  let sources = Set(
    results.runs.compactMap(\.provenance.sourceDigest).filter { $0 != "unknown" }.map {
      String($0.prefix(12))
    })
  return ResultsComparison.Side(
    label: label, experiment: results.experiment, cells: results.runs.count,
    commits: commits.sorted(), sources: sources.sorted(),
    numericVariants: Set(results.runs.compactMap(\.provenance.numericVariant)).sorted())
}

/// The settings whose values differ between matched cells, grouped by key and the two values.
private func settingDifferences(_ matched: [(RunRecord, RunRecord)])
  -> [ResultsComparison.SettingDifference]
{
  var groups: [ResultsComparison.SettingDifference] = []
  for (runA, runB) in matched {
    let settingsA = flattenedSettings(runA.settings)
    let settingsB = flattenedSettings(runB.settings)
    for key in Set(settingsA.keys).union(settingsB.keys).sorted() {
      let valueA = settingsA[key] ?? "(default)"
      let valueB = settingsB[key] ?? "(default)"
      guard valueA != valueB else { continue }
      let cell = "\(runA.variant)@\(runA.seed)"
      if let index = groups.firstIndex(where: { ($0.key, $0.a, $0.b) == (key, valueA, valueB) }) {
        groups[index].cells.append(cell)
      } else {
        groups.append(.init(key: key, a: valueA, b: valueB, cells: [cell]))
      }
    }
  }
  return groups.sorted { ($0.key, $0.cells.first ?? "") < ($1.key, $1.cells.first ?? "") }
}
