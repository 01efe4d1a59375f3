// LayoutLab — a metric broken down by a per-item tag (cue tag, document class, question type).

/// The metric on the items that carry one tag.
public struct TagBreakdownRow: Equatable, Sendable {
  /// The tag.
  public var tag: String
  /// Items carrying it.
  public var itemCount: Int
  /// The statistic on those items.
  public var value: Double
  /// Its bootstrap interval over those items, when requested.
  public var interval: ConfidenceInterval?
}

/// `statistic` on each tag's items; an item with several tags counts in each of them.
///
/// Every tag is bootstrapped with the same `options` (so the same seed), which keeps a tag's
/// interval independent of which other tags exist.
/// - Parameters:
///   - items: `[D, width]` per-item statistics.
///   - tags: `[D][*]` the tags of each item (an empty list puts the item in no group).
///   - bootstrap: options for per-tag intervals, or `nil` for point values only.
/// - Returns: one row per tag, in code-point order.
/// - Throws: `EvaluationError` when `tags` does not have one entry per item, or as
///   `bootstrapConfidenceInterval` does.
public func breakdown(
  _ items: ItemStatistics, tags: [[String]], statistic: CorpusStatistic,
  bootstrap: BootstrapOptions? = nil
) throws -> [TagBreakdownRow] {
  guard tags.count == items.count else {
    throw EvaluationError(
      source: "tags", problem: "\(tags.count) tag lists, but there are \(items.count) items")
  }
  guard items.width == statistic.width else {
    throw EvaluationError(
      source: "items",
      problem: "items have width \(items.width), but \(statistic.name) needs \(statistic.width)")
  }
  var members: [String: [Int]] = [:]
  for (item, itemTags) in tags.enumerated() {
    for tag in Set(itemTags) { members[tag, default: []].append(item) }
  }
  let ordered = members.keys.sorted {
    $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars)
  }
  return try ordered.map { tag in
    let subset = items.rows(members[tag] ?? [])
    let interval = try bootstrap.map {
      try bootstrapConfidenceInterval(subset, statistic: statistic, options: $0)
    }
    return TagBreakdownRow(
      tag: tag, itemCount: subset.count, value: statistic.value(of: subset), interval: interval)
  }
}

/// `breakdown` with exactly one tag per item.
public func breakdown(
  _ items: ItemStatistics, tags: [String], statistic: CorpusStatistic,
  bootstrap: BootstrapOptions? = nil
) throws -> [TagBreakdownRow] {
  try breakdown(items, tags: tags.map { [$0] }, statistic: statistic, bootstrap: bootstrap)
}
