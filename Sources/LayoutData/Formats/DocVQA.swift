// LayoutLab — DocVQA: the official question files (`*_v1.0.json`) and the Microsoft Read OCR JSON.

import Foundation
import JSONValues

/// One entry of a DocVQA question file.
public struct DocVQAEntry: Sendable, Hashable {
  /// The question, its answers and its page (the image stem).
  public var question: Question
  /// The image path relative to the question file, such as `documents/ffbg0227_2.png`.
  public var image: String
  /// The official `docId`.
  public var docId: Int?
  /// The official `ucsf_document_id`.
  public var ucsfDocumentId: String?
  /// The official `ucsf_document_page_no` (a string in the files).
  public var ucsfDocumentPageNo: String?

  /// Creates an entry.
  public init(
    question: Question, image: String, docId: Int? = nil, ucsfDocumentId: String? = nil,
    ucsfDocumentPageNo: String? = nil
  ) {
    self.question = question
    self.image = image
    self.docId = docId
    self.ucsfDocumentId = ucsfDocumentId
    self.ucsfDocumentPageNo = ucsfDocumentPageNo
  }
}

/// A DocVQA question file (`train_v1.0.json`, `val_v1.0.json`, `test_v1.0.json`).
public struct DocVQAQuestionFile: Sendable, Hashable {
  /// `dataset_name`.
  public var datasetName = "docvqa"
  /// `dataset_version`.
  public var datasetVersion = "1.0"
  /// `dataset_split`: `train`, `val` or `test`.
  public var datasetSplit: String
  /// The `data` entries in file order.
  public var entries: [DocVQAEntry]

  /// Creates a question file.
  public init(datasetSplit: String, entries: [DocVQAEntry]) {
    self.datasetSplit = datasetSplit
    self.entries = entries
  }

  /// Reads a question file. `Question.documentId` is the image's file stem, which the OCR file
  /// shares. A `cue` key on an entry (ignored by standard loaders) becomes `Question.cue`.
  public static func read(_ url: URL) throws -> DocVQAQuestionFile {
    try readJSONFile(url, read)
  }

  private static func read(_ root: JSONCursor) throws -> DocVQAQuestionFile {
    var file = DocVQAQuestionFile(
      datasetSplit: try root.optionalMember("dataset_split")?.string() ?? "", entries: [])
    file.datasetName = try root.optionalMember("dataset_name")?.string() ?? "docvqa"
    file.datasetVersion = try root.optionalMember("dataset_version")?.string() ?? "1.0"
    for node in try root.member("data").array() {
      let image = try node.member("image").string()
      let stem = URL(fileURLWithPath: image).deletingPathExtension().lastPathComponent
      let answers = try node.optionalMember("answers")?.array().map { try $0.string() } ?? []
      let question = Question(
        questionId: try node.member("questionId").int(), text: try node.member("question").string(),
        answers: answers, documentId: stem, cue: try node.optionalMember("cue")?.string())
      file.entries.append(
        DocVQAEntry(
          question: question, image: image, docId: try node.optionalMember("docId")?.int(),
          ucsfDocumentId: try node.optionalMember("ucsf_document_id")?.string(),
          ucsfDocumentPageNo: try node.optionalMember("ucsf_document_page_no")?.string()))
    }
    return file
  }

  /// The file in the official format (plus `cue` where set), with sorted keys.
  public func jsonData() throws -> Data {
    let data: [[String: Any]] = entries.map { entry in
      var item: [String: Any] = [
        "questionId": entry.question.questionId, "question": entry.question.text,
        "image": entry.image, "data_split": datasetSplit,
      ]
      if !entry.question.answers.isEmpty || datasetSplit != "test" {
        item["answers"] = entry.question.answers
      }
      if let docId = entry.docId { item["docId"] = docId }
      if let id = entry.ucsfDocumentId { item["ucsf_document_id"] = id }
      if let page = entry.ucsfDocumentPageNo { item["ucsf_document_page_no"] = page }
      if let cue = entry.question.cue { item["cue"] = cue }
      return item
    }
    let root: [String: Any] = [
      "dataset_name": datasetName, "dataset_version": datasetVersion,
      "dataset_split": datasetSplit, "data": data,
    ]
    return try serializeJSON(root)
  }

  /// Writes the file to `url`.
  public func write(to url: URL) throws { try writeFile(try jsonData(), to: url) }
}

/// The OCR JSON of the Microsoft Read API (v2.x) that DocVQA ships in `ocr_results/`.
public enum MicrosoftReadOCR {
  /// Reads `recognitionResults[0]`: page size, lines and words. An 8-point polygon becomes the
  /// box `[min xs, min ys, max xs, max ys]` over all four points (`layoutlm-reference.md` §A.2).
  public static func read(_ url: URL, documentId: String) throws -> Document {
    try readJSONFile(url) { root in try read(root, documentId: documentId) }
  }

  private static func read(_ root: JSONCursor, documentId: String) throws -> Document {
    let results = try root.member("recognitionResults").array()
    guard let page = results.first else {
      throw DataFormatError(
        file: root.file, entry: "recognitionResults", expected: "at least one page")
    }
    let width = try PixelLimits.checked(
      try page.member("width").double(), file: root.file, entry: "recognitionResults[0].width")
    let height = try PixelLimits.checked(
      try page.member("height").double(), file: root.file, entry: "recognitionResults[0].height")
    guard width > 0, height > 0 else {
      throw DataFormatError(
        file: root.file, entry: "recognitionResults[0].width/height", expected: "positive numbers")
    }
    var document = Document(
      id: documentId, pageWidth: Int(width.rounded()), pageHeight: Int(height.rounded()))
    for lineNode in try page.member("lines").array() {
      var indices: [Int] = []
      for wordNode in try lineNode.member("words").array() {
        indices.append(document.words.count)
        document.words.append(
          Word(
            text: try wordNode.member("text").string(),
            box: try polygonBox(wordNode.member("boundingBox"))))
      }
      document.lines.append(
        TextLine(
          text: try lineNode.member("text").string(),
          box: try polygonBox(lineNode.member("boundingBox")), wordIndices: indices))
    }
    return document
  }

  static func polygonBox(_ node: JSONCursor) throws -> BoundingBox {
    guard case .array(let values) = node.value, values.count == 8 else {
      throw node.failure("an 8-number polygon [x1,y1, x2,y2, x3,y3, x4,y4]")
    }
    let numbers = try node.doubles(count: 8)
    let xs = [numbers[0], numbers[2], numbers[4], numbers[6]]
    let ys = [numbers[1], numbers[3], numbers[5], numbers[7]]
    return BoundingBox(
      x0: xs.min() ?? 0, y0: ys.min() ?? 0, x1: xs.max() ?? 0, y1: ys.max() ?? 0)
  }

  static func polygon(_ box: BoundingBox) -> [Any] {
    [box.x0, box.y0, box.x1, box.y0, box.x1, box.y1, box.x0, box.y1].map(jsonNumber)
  }

  /// The OCR JSON of `document`. Words outside every line get a line of their own.
  public static func jsonData(_ document: Document) throws -> Data {
    var lines = document.lines
    let covered = Set(lines.flatMap(\.wordIndices))
    for (index, word) in document.words.enumerated() where !covered.contains(index) {
      lines.append(TextLine(text: word.text, box: word.box, wordIndices: [index]))
    }
    let lineObjects: [[String: Any]] = try lines.map { line in
      let words: [[String: Any]] = try line.wordIndices.map { index in
        guard document.words.indices.contains(index) else {
          throw DataFormatError(
            file: document.id, entry: "line word index \(index)",
            expected: "an index below \(document.words.count)")
        }
        let word = document.words[index]
        return ["boundingBox": polygon(word.box), "text": word.text]
      }
      return ["boundingBox": polygon(line.box), "text": line.text, "words": words]
    }
    let page: [String: Any] = [
      "page": 1, "clockwiseOrientation": 0, "width": document.pageWidth,
      "height": document.pageHeight, "unit": "pixel", "lines": lineObjects,
    ]
    return try serializeJSON(["status": "Succeeded", "recognitionResults": [page]])
  }

  /// Writes the OCR JSON of `document` to `url`.
  public static func write(_ document: Document, to url: URL) throws {
    try writeFile(try jsonData(document), to: url)
  }
}
