// LayoutLab — accuracy, per-class precision / recall / F1 and the confusion matrix.

/// Scores of one class.
public struct ClassScores: Equatable, Sendable {
  /// The class label.
  public var label: String
  /// Precision, recall and F1 (0 on a zero denominator, as sklearn's `zero_division='warn'`).
  public var scores: PrecisionRecallF1
  /// Gold items of this class.
  public var support: Int
  /// Items predicted as this class.
  public var predicted: Int
}

/// A classification report: accuracy, per-class scores, averages and the confusion matrix.
public struct ClassificationReport: Equatable, Sendable {
  /// Class labels `[K]`, in the order of the matrix rows and columns.
  public var labels: [String]
  /// `[K, K]` row-major counts: row = gold class, column = predicted class.
  public var confusion: [Int]
  /// Items whose prediction equals the gold label.
  public var correct: Int
  /// All items.
  public var total: Int
  /// One row per class, in `labels` order.
  public var perClass: [ClassScores]
  /// Unweighted mean of the per-class scores.
  public var macro: PrecisionRecallF1
  /// Mean of the per-class scores weighted by support.
  public var weighted: PrecisionRecallF1

  /// `correct / total`, or 0 when there are no items.
  public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

  /// The count of items with gold class `gold` predicted as `predicted`.
  public func count(gold: Int, predicted: Int) -> Int { confusion[gold * labels.count + predicted] }
}

/// A report over class indices.
/// - Parameters:
///   - gold: `[N]` gold class indices in `0..<labels.count`.
///   - predicted: `[N]` predicted class indices in `0..<labels.count`.
///   - labels: `[K]` class names.
/// - Throws: `EvaluationError` when the counts differ or an index is out of range.
public func classificationReport(gold: [Int], predicted: [Int], labels: [String]) throws
  -> ClassificationReport
{
  guard gold.count == predicted.count else {
    throw EvaluationError(
      source: "predicted", problem: "\(predicted.count) items, but gold has \(gold.count)")
  }
  let classCount = labels.count
  for (name, values) in [("gold", gold), ("predicted", predicted)] {
    if let bad = values.firstIndex(where: { $0 < 0 || $0 >= classCount }) {
      throw EvaluationError(
        source: name, location: "item \(bad)",
        problem: "class index \(values[bad]) outside 0..<\(classCount)")
    }
  }
  var confusion = [Int](repeating: 0, count: classCount * classCount)
  var correct = 0
  confusion.withUnsafeMutableBufferPointer { matrix in
    for (g, p) in zip(gold, predicted) {
      matrix[g * classCount + p] += 1
      if g == p { correct += 1 }
    }
  }
  var perClass: [ClassScores] = []
  var macro = (0.0, 0.0, 0.0)
  var weighted = (0.0, 0.0, 0.0)
  for k in 0..<classCount {
    var support = 0
    var predictedCount = 0
    for j in 0..<classCount {
      support += confusion[k * classCount + j]
      predictedCount += confusion[j * classCount + k]
    }
    let scores = EntityCounts(
      truePositives: confusion[k * classCount + k], predicted: predictedCount, gold: support
    ).scores
    perClass.append(
      ClassScores(label: labels[k], scores: scores, support: support, predicted: predictedCount))
    macro = (macro.0 + scores.precision, macro.1 + scores.recall, macro.2 + scores.f1)
    let w = Double(support)
    weighted = (
      weighted.0 + w * scores.precision, weighted.1 + w * scores.recall, weighted.2 + w * scores.f1
    )
  }
  let k = Double(classCount)
  let n = Double(gold.count)
  return ClassificationReport(
    labels: labels, confusion: confusion, correct: correct, total: gold.count,
    perClass: perClass,
    macro: classCount == 0
      ? PrecisionRecallF1(precision: 0, recall: 0, f1: 0)
      : PrecisionRecallF1(precision: macro.0 / k, recall: macro.1 / k, f1: macro.2 / k),
    weighted: gold.isEmpty
      ? PrecisionRecallF1(precision: 0, recall: 0, f1: 0)
      : PrecisionRecallF1(precision: weighted.0 / n, recall: weighted.1 / n, f1: weighted.2 / n))
}

/// A report over string labels; the classes are the sorted union of gold and predicted labels
/// (sorted by code points, as sklearn's `unique_labels` sorts strings).
/// - Throws: `EvaluationError` when the counts differ.
public func classificationReport(gold: [String], predicted: [String]) throws
  -> ClassificationReport
{
  let labels = Set(gold).union(predicted).sorted {
    $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars)
  }
  var index: [String: Int] = [:]
  for (i, label) in labels.enumerated() { index[label] = i }
  return try classificationReport(
    gold: gold.map { index[$0] ?? 0 }, predicted: predicted.map { index[$0] ?? 0 },
    labels: labels)
}
