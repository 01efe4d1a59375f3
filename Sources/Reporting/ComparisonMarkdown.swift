// LayoutLab — `layoutlab compare` as Markdown: metric tables, then settings, code and warnings.

import Foundation

extension ResultsComparison {
  /// The comparison as Markdown: one table per metric (A, B, B − A and the paired bootstrap),
  /// the cells one side lacks, the settings that differ, each side's code and machine, and a
  /// loud line when the sides are not like for like. Deterministic (seeded bootstrap).
  public var markdown: String {
    var out = [
      "# Comparison: `\(a.label)` → `\(b.label)`", "",
      "- A: `\(a.label)` (experiment `\(a.experiment)`, \(a.cells) cells)",
      "- B: `\(b.label)` (experiment `\(b.experiment)`, \(b.cells) cells)",
      "- matched by variant and seed: \(matchedCells) cells", "",
    ]
    if hasNoDifferences {
      out += [
        "**No differences**: the same cells, settings, data and metrics on both sides.", "",
      ]
    }
    let percent = Int((confidence * 100).rounded())
    var metrics: [String] = []
    for difference in differences where !metrics.contains(difference.metric) {
      metrics.append(difference.metric)
    }
    for metric in metrics {
      let rows = differences.filter { $0.metric == metric }
      let unit = rows.lazy.compactMap { $0.test?.unit }.first ?? "document"
      out += ["## \(metric)", ""]
      var table = MarkdownTable(
        header: [
          "variant", "seeds", "A", "B", "B − A", "\(percent)% CI (paired, \(unit)s)", "p",
          "\(unit)s",
        ])
      for row in rows {
        let test = row.test
        table.rows.append([
          row.variant, row.seeds.map(String.init).joined(separator: ", "), fixed(row.a),
          fixed(row.b), signed(row.difference),
          test.map { "[\(signed($0.lower)), \(signed($0.upper))]" } ?? "–",
          test.map { pValueText($0.pValue) } ?? "–", test.map { "\($0.items)" } ?? "–",
        ])
      }
      out += [table.markdown, ""]
    }
    if matchedCells == 0 {
      out += ["No cells in common: nothing to compare.", ""]
    } else if !differences.isEmpty {
      out += [
        "A and B are the stored metrics averaged over the seeds both sides ran. The interval "
          + "and p come from a paired bootstrap of B − A over the items both sides scored "
          + "(\(resamples) resamples): each item's "
          + "statistics are averaged over the seeds, then items are resampled with all their "
          + "seeds together; \"–\" where a side kept no per-item scores.", "",
      ]
    }
    if !onlyInA.isEmpty || !onlyInB.isEmpty {
      out += ["## Cells on one side only", ""]
      if !onlyInA.isEmpty { out.append("- only in A: " + onlyInA.joined(separator: ", ")) }
      if !onlyInB.isEmpty { out.append("- only in B: " + onlyInB.joined(separator: ", ")) }
      out.append("")
    }
    out += ["## Settings that differ between matched cells", ""]
    if settings.isEmpty {
      out += ["(none)", ""]
    } else {
      var table = MarkdownTable(header: ["setting", "A", "B", "cells"])
      for setting in settings {
        let cells =
          setting.cells.count == matchedCells
          ? "all \(matchedCells)" : setting.cells.joined(separator: ", ")
        table.rows.append([setting.key, setting.a, setting.b, cells])
      }
      out += [table.markdown, ""]
    }
    out += ["## Code and machine", ""]
    for (name, side) in [("A", a), ("B", b)] {
      let known = side.commits.filter { $0 != "unknown" }
      let code = known.isEmpty ? "unknown" : side.commits.joined(separator: ", ")
      let machine =
        side.numericVariants.isEmpty
        ? "" : "; numeric core: " + side.numericVariants.joined(separator: ", ")
      let sources =
        side.sources.isEmpty ? "" : " (sources " + side.sources.joined(separator: ", ") + ")"
      out.append("- \(name): code: \(code)\(sources)\(machine)")
    }
    out.append("")
    for problem in notLikeForLike {
      out += [
        "> **Not like for like: \(problem).** A difference here is not only the settings'.", "",
      ]
    }
    return out.joined(separator: "\n")
  }
}

/// `+0.012`, `-0.034`, or `0.000` (never `-0.000`).
func signed(_ value: Double) -> String {
  let text = fixed(value)
  if text == "-0.000" || text == "0.000" { return "0.000" }
  return value > 0 ? "+" + text : text
}

/// A p-value with three decimals, or `< 0.001`.
private func pValueText(_ p: Double) -> String {
  p < 0.001 ? "< 0.001" : fixed(p)
}
