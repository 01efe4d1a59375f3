// LayoutLab — small text-table and JSON helpers shared by the `score` command functions.

import Evaluation
import Foundation
import JSONValues

/// `value` with `digits` decimals (`0.5324`).
func fixed(_ value: Double, _ digits: Int = 4) -> String {
  String(format: "%.\(digits)f", value)
}

/// Left-aligns `text` in `width` columns.
func leftAligned(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

/// Right-aligns `text` in `width` columns.
func rightAligned(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

/// Rows of cells as an aligned table: the first column left-aligned, the others right-aligned.
func table(_ rows: [[String]]) -> [String] {
  guard let columns = rows.map(\.count).max() else { return [] }
  var widths = [Int](repeating: 0, count: columns)
  for row in rows {
    for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
  }
  return rows.map { row in
    row.enumerated().map { index, cell in
      index == 0 ? leftAligned(cell, widths[index]) : rightAligned(cell, widths[index])
    }.joined(separator: "  ")
  }
}

/// One sentence describing an interval: `95% bootstrap CI [0.48, 0.58] over 40 sequences …`.
func intervalSentence(_ interval: ConfidenceInterval, itemCount: Int, unit: String) -> String {
  let percent = interval.options.confidence * 100
  let level = percent.rounded() == percent ? "\(Int(percent))" : "\(percent)"
  return "\(level)% bootstrap CI [\(fixed(interval.lower)), \(fixed(interval.upper))] over "
    + "\(itemCount) \(unit)s (\(interval.options.resamples) resamples, seed "
    + "\(interval.options.seed))"
}

/// An interval as a JSON object.
func intervalJSON(_ interval: ConfidenceInterval, unit: String) -> JSONValue {
  JSONValue([
    "estimate": .number(interval.estimate), "lower": .number(interval.lower),
    "upper": .number(interval.upper), "confidence": .number(interval.options.confidence),
    "resamples": .integer(interval.options.resamples),
    "seed": .string(String(interval.options.seed)), "unit": .string(unit),
  ])
}

/// Precision, recall and F1 as a JSON object.
func scoresJSON(_ scores: PrecisionRecallF1, extra: [String: JSONValue] = [:]) -> JSONValue {
  var members: [String: JSONValue] = [
    "precision": .number(scores.precision), "recall": .number(scores.recall),
    "f1": .number(scores.f1),
  ]
  members.merge(extra) { _, new in new }
  return JSONValue(members)
}

/// Breakdown rows as text lines under a heading.
func breakdownLines(_ rows: [TagBreakdownRow], metric: String, unit: String) -> [String] {
  guard !rows.isEmpty else { return [] }
  var cells = [["tag", "\(unit)s", metric, "CI low", "CI high"]]
  for row in rows {
    cells.append([
      row.tag, "\(row.itemCount)", fixed(row.value),
      row.interval.map { fixed($0.lower) } ?? "-", row.interval.map { fixed($0.upper) } ?? "-",
    ])
  }
  return ["", "\(metric) by tag:"] + table(cells)
}

/// Breakdown rows as a JSON list.
func breakdownJSON(_ rows: [TagBreakdownRow], unit: String) -> JSONValue {
  .array(
    rows.map { row in
      var members: [String: JSONValue] = [
        "tag": .string(row.tag), "items": .integer(row.itemCount), "value": .number(row.value),
      ]
      if let interval = row.interval { members["interval"] = intervalJSON(interval, unit: unit) }
      return JSONValue(members)
    })
}

/// Runs `body`, renaming the in-memory sources `gold` and `predicted` of its errors to the
/// files they came from.
func naming<T>(gold: String, predicted: String, _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch var error as EvaluationError {
    if error.source == "gold" { error.source = gold }
    if error.source == "predicted" { error.source = predicted }
    throw error
  }
}
