// LayoutLab — per-item sufficient statistics and the corpus-level statistics built from their sums.

/// Per-item sufficient statistics, `[D, width]` row-major: one row per document (or item).
///
/// A corpus statistic is a function of the column sums, so resampling items and re-summing
/// gives the statistic of a resampled corpus: scores `[D, 1]` for a mean, `(correct, total)`
/// `[D, 2]` for a ratio such as accuracy or ANLS over documents, `(tp, predicted, gold)`
/// `[D, 3]` for micro F1.
public struct ItemStatistics: Sendable, Equatable {
  /// Row-major values, `[count, width]`.
  public let values: [Double]
  /// Statistics per item.
  public let width: Int

  /// Items as rows of `width` values.
  /// - Throws: `EvaluationError` when `width < 1`, the values do not fill whole rows, or a
  ///   value is not finite.
  public init(values: [Double], width: Int) throws {
    guard width >= 1 else {
      throw EvaluationError(source: "statistics", problem: "width must be at least 1, got \(width)")
    }
    guard values.count % width == 0 else {
      throw EvaluationError(
        source: "statistics",
        problem: "\(values.count) values do not fill rows of width \(width)")
    }
    if let bad = values.firstIndex(where: { !$0.isFinite }) {
      throw EvaluationError(
        source: "statistics", location: "item \(bad / width)", problem: "value is not finite")
    }
    self.init(unchecked: values, width: width)
  }

  /// One score per item, `[D, 1]`.
  /// - Throws: `EvaluationError` when a score is not finite.
  public init(scores: [Double]) throws {
    try self.init(values: scores, width: 1)
  }

  /// Rows built by the module itself, already validated.
  init(unchecked values: [Double], width: Int) {
    self.values = values
    self.width = width
  }

  /// Number of items `D`.
  public var count: Int { values.count / width }

  /// The items at `indices`, in that order.
  public func rows(_ indices: [Int]) -> ItemStatistics {
    var picked: [Double] = []
    picked.reserveCapacity(indices.count * width)
    for index in indices { picked += values[(index * width)..<((index + 1) * width)] }
    return ItemStatistics(unchecked: picked, width: width)
  }

  /// The column sums, `[width]`.
  public var sums: [Double] {
    var result = [Double](repeating: 0, count: width)
    for row in 0..<count {
      for column in 0..<width { result[column] += values[row * width + column] }
    }
    return result
  }
}

/// A corpus-level statistic computed from column sums of `ItemStatistics`.
public struct CorpusStatistic: Sendable {
  /// A short name for reports (`mean`, `ratio`, `micro F1`).
  public let name: String
  /// The item width it expects.
  public let width: Int
  /// The statistic from the column sums `[width]` and the number of items summed.
  public let evaluate: @Sendable (_ sums: UnsafeBufferPointer<Double>, _ itemCount: Int) -> Double

  /// Creates a statistic.
  public init(
    name: String, width: Int,
    evaluate: @escaping @Sendable (_ sums: UnsafeBufferPointer<Double>, _ itemCount: Int) -> Double
  ) {
    self.name = name
    self.width = width
    self.evaluate = evaluate
  }

  /// The mean of a `[D, 1]` score (0 for no items).
  public static let mean = CorpusStatistic(name: "mean", width: 1) { sums, count in
    count == 0 ? 0 : sums[0] / Double(count)
  }

  /// `Σ numerator / Σ denominator` over `[D, 2]` items (0 when the denominator is 0): accuracy
  /// from `(correct, total)` per document, or ANLS from `(score sum, questions)`.
  public static let ratio = CorpusStatistic(name: "ratio", width: 2) { sums, _ in
    sums[1] == 0 ? 0 : sums[0] / sums[1]
  }

  /// Micro F1 `2·tp / (predicted + gold)` over `[D, 3]` items `(tp, predicted, gold)`; it
  /// equals `2PR/(P+R)` and is 0 when there are no entities.
  public static let microF1 = CorpusStatistic(name: "micro F1", width: 3) { sums, _ in
    let denominator = sums[1] + sums[2]
    return denominator == 0 ? 0 : 2 * sums[0] / denominator
  }

  /// The statistic of all of `items`.
  public func value(of items: ItemStatistics) -> Double {
    let sums = items.sums
    return sums.withUnsafeBufferPointer { evaluate($0, items.count) }
  }
}
