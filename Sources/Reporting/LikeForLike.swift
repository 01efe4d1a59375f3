// LayoutLab — whether two sides of a comparison ran on the same data, OCR and SIMD variant.

import Experiments
import Foundation
import Tasks

/// One line per way the matched cells of A and B are not like for like: different data (the
/// source, split sizes or a `data.*` setting), different OCR (engine, version, `--psm`, box
/// level, or `data.ocr`), or a different SIMD variant of the numeric core. Empty when they are
/// alike, or when the records do not say (results from before OCR or the variant was recorded).
func likeForLikeProblems(
  _ matched: [(RunRecord, RunRecord)], _ a: ExperimentResults, _ b: ExperimentResults
) -> [String] {
  var data: [String] = []
  var ocr: [String] = []
  func note(_ line: String, in list: inout [String]) {
    if !list.contains(line) { list.append(line) }
  }
  for (runA, runB) in matched {
    let (dataA, dataB) = (runA.data, runB.data)
    if dataA.source != dataB.source {
      note("source \(dataA.source) → \(dataB.source)", in: &data)
    }
    for (name, countA, countB) in [
      ("train", dataA.trainDocuments, dataB.trainDocuments),
      ("dev", dataA.devDocuments, dataB.devDocuments),
      ("test", dataA.testDocuments, dataB.testDocuments),
    ] where countA != countB {
      note("\(name) documents \(countA) → \(countB)", in: &data)
    }
    let settingsA = flattenedSettings(runA.settings)
    let settingsB = flattenedSettings(runB.settings)
    for key in Set(settingsA.keys).union(settingsB.keys).sorted() where key.hasPrefix("data.") {
      let valueA = settingsA[key] ?? "(default)"
      let valueB = settingsB[key] ?? "(default)"
      guard valueA != valueB else { continue }
      if key == "data.ocr" {
        note("\(key) \(valueA) → \(valueB)", in: &ocr)
      } else {
        note("\(key) \(valueA) → \(valueB)", in: &data)
      }
    }
    let engineA = dataA.ocr?.engineSummary ?? "none recorded"
    let engineB = dataB.ocr?.engineSummary ?? "none recorded"
    if (dataA.ocr != nil || dataB.ocr != nil) && engineA != engineB {
      note("\(engineA) → \(engineB)", in: &ocr)
    }
  }
  var lines: [String] = []
  if !data.isEmpty { lines.append("different data: " + data.joined(separator: "; ")) }
  if !ocr.isEmpty { lines.append("different OCR: " + ocr.joined(separator: "; ")) }
  let variantsA = Set(a.runs.compactMap(\.provenance.numericVariant)).sorted()
  let variantsB = Set(b.runs.compactMap(\.provenance.numericVariant)).sorted()
  if !variantsA.isEmpty, !variantsB.isEmpty, variantsA != variantsB {
    lines.append(
      "different SIMD variants: \(variantsA.joined(separator: ", ")) → "
        + "\(variantsB.joined(separator: ", ")) (sums run in another order: metrics differ in "
        + "the last digits even with the same settings)")
  }
  return lines
}
