// LayoutLab — `layoutlab data export`: a dataset rewritten in another layout (LayoutLM JSON).

import Foundation
import LayoutData

/// Export targets of `data export`.
public enum ExportFormat: String, Sendable, CaseIterable {
  /// `{"documents": [{"id", "words", "bboxes", "ner_tags"}]}`, the schema of HF's `funsd`
  /// builder output (`funsd-hf-train.json`): blank words dropped, boxes `int(1000*x/W)`,
  /// IOB2 tags as strings.
  case layoutlmJSON = "layoutlm-json"
}

/// Runs `layoutlab data export PATH --to FORMAT OUT`: reads the dataset at `path`, writes
/// `out`, and returns a one-line summary.
public func runDataExport(
  path: String, format: DatasetFormat?, to target: ExportFormat, out: String
)
  throws -> String
{
  let url = URL(fileURLWithPath: path)
  let resolved = try format ?? DatasetFormat.detect(url)
  let documents = try loadDocuments(url, format: resolved)
  switch target {
  case .layoutlmJSON:
    let (records, counts) = try layoutLMJSONDocuments(documents)
    try writeLayoutLMJSON(records, source: path, to: URL(fileURLWithPath: out))
    let words = records.reduce(0) { $0 + $1.words.count }
    return "wrote \(records.count) documents, \(words) words to \(out)"
      + " (boxes clamped: \(counts.outOfPage) out of page, \(counts.inverted) inverted)"
  }
}
