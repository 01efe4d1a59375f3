// LayoutLab — LayoutLM JSON: documents as id, words, 0..1000 boxes and IOB2 tags (HF's funsd schema).

import Foundation

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

/// Writes the `layoutlm-json` file of `records` to `url`, creating its folder.
public func writeLayoutLMJSON(_ records: [LayoutLMJSONDocument], source: String, to url: URL)
  throws
{
  try writeFile(try layoutLMJSONData(records, source: source), to: url)
}
