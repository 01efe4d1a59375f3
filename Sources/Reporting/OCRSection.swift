// LayoutLab — the report's OCR section: which engine made the words a score was measured on.

import Experiments
import Foundation
import LayoutData
import Tasks

/// `## OCR`: one line per distinct OCR provenance among `runs` (with the variants that used
/// it); empty when no run recorded one (older results), so their reports are unchanged.
func ocrSection(variants: [String], byVariant: [String: [RunRecord]]) -> [String] {
  var order: [OCRProvenance] = []
  var users: [OCRProvenance: [String]] = [:]
  for variant in variants {
    for run in byVariant[variant] ?? [] {
      guard let ocr = run.data.ocr else { continue }
      if users[ocr] == nil { order.append(ocr) }
      if !(users[ocr] ?? []).contains(variant) { users[ocr, default: []].append(variant) }
    }
  }
  guard !order.isEmpty else { return [] }
  var out = ["## OCR", ""]
  for ocr in order {
    let names = users[ocr] ?? []
    out.append(
      "- \(ocr.summary)"
        + (order.count > 1 ? " (\(names.joined(separator: ", ")))" : ""))
  }
  out += [
    "",
    "Scores depend on the OCR: a number measured on other words and boxes is not comparable.",
    "",
  ]
  return out
}
