// LayoutLab — Markdown tables and fixed number formatting for reports.

import Experiments
import Foundation
import Tasks

/// A Markdown table with a header row.
public struct MarkdownTable {
  public var header: [String]
  public var rows: [[String]] = []

  /// Creates an empty table with `header`.
  public init(header: [String]) { self.header = header }

  /// The table as Markdown; `|` in cells is escaped.
  public var markdown: String {
    func line(_ cells: [String]) -> String {
      "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ")
        + " |"
    }
    return ([line(header), line(header.map { _ in "---" })] + rows.map(line)).joined(
      separator: "\n")
  }
}

/// `value` with three decimals, or `–` when nil.
func fixed(_ value: Double?, _ digits: Int = 3) -> String {
  guard let value, value.isFinite else { return "–" }
  return String(format: "%.\(digits)f", value)
}

/// A duration as `12m05s`.
/// The largest peak resident memory of `runs` (`812 MB`), or `–` when none recorded it.
func peakMemory(_ runs: [RunRecord]) -> String {
  guard let peak = runs.compactMap({ $0.memory?.peakResidentBytes }).max() else { return "–" }
  return "\(peak >> 20) MB"
}

func minutes(_ seconds: Double) -> String {
  let s = Int(seconds.rounded())
  return s >= 60 ? "\(s / 60)m" + String(format: "%02ds", s % 60) : "\(s)s"
}
