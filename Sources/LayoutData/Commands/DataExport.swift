// LayoutLab — `layoutlab data export`: documents as LayoutLM JSON (id, words, 0..1000 boxes, tags).

import Foundation

/// Export targets of `data export`.
public enum ExportFormat: String, Sendable, CaseIterable {
  /// `{"documents": [{"id", "words", "bboxes", "ner_tags"}]}`, the schema of HF's `funsd`
  /// builder output (`funsd-hf-train.json`): blank words dropped, boxes `int(1000*x/W)`,
  /// IOB2 tags as strings.
  case layoutlmJSON = "layoutlm-json"
}

/// One exported document in the `layoutlm-json` schema.
public struct LayoutLMJSONDocument: Codable, Hashable, Sendable {
  /// The document id (FUNSD: the file stem).
  public var id: String
  /// The kept words in order.
  public var words: [String]
  /// `[N, 4]` boxes on the 0...1000 grid.
  public var bboxes: [[Int32]]
  /// IOB2 tags as strings, one per word.
  public var ner_tags: [String]

  /// Creates an exported document.
  public init(id: String, words: [String], bboxes: [[Int32]], ner_tags: [String]) {
    self.id = id
    self.words = words
    self.bboxes = bboxes
    self.ner_tags = ner_tags
  }
}

/// The `layoutlm-json` records of `documents`, with the box fixes that were needed.
public func layoutLMJSONDocuments(_ documents: [Document], labelScheme: LabelScheme = .funsdIOB2)
  throws -> (documents: [LayoutLMJSONDocument], boxes: BoxClampCounts)
{
  var counts = BoxClampCounts()
  var records: [LayoutLMJSONDocument] = []
  records.reserveCapacity(documents.count)
  for document in documents {
    let words = try labelScheme.labeledWords(document, counts: &counts)
    records.append(
      LayoutLMJSONDocument(
        id: document.id, words: words.map(\.text), bboxes: words.map(\.box.coordinates),
        ner_tags: words.map(\.tag)))
  }
  return (records, counts)
}

/// The `layoutlm-json` file contents: `source`, `box_normalisation` and `documents`, with
/// sorted keys so the same input gives the same bytes.
public func layoutLMJSONData(_ records: [LayoutLMJSONDocument], source: String) throws -> Data {
  let documents: [[String: Any]] = records.map {
    [
      "id": $0.id, "words": $0.words, "bboxes": $0.bboxes.map { $0.map { Int($0) } },
      "ner_tags": $0.ner_tags,
    ]
  }
  let root: [String: Any] = [
    "source": source,
    "box_normalisation": "int(1000 * x / image_width), int(1000 * y / image_height)",
    "documents": documents,
  ]
  return try serializeJSON(root, pretty: false)
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
    try writeFile(try layoutLMJSONData(records, source: path), to: URL(fileURLWithPath: out))
    let words = records.reduce(0) { $0 + $1.words.count }
    return "wrote \(records.count) documents, \(words) words to \(out)"
      + " (boxes clamped: \(counts.outOfPage) out of page, \(counts.inverted) inverted)"
  }
}
