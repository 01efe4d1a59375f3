// LayoutLab — a DocVQA folder: question files, page images and OCR (MS Read JSON or tesseract TSV).

import Foundation

/// The questions and pages of a DocVQA folder such as `val/` (`val_v1.0.json`, `documents/`,
/// `ocr_results/`).
public struct DocVQADataset: Sendable {
  /// The question files read, in name order.
  public var questionFiles: [DocVQAQuestionFile]
  /// One document per page image, in order of first mention; words come from OCR when found.
  public var documents: [Document]
  /// Ids of the documents that have an OCR file.
  public var documentsWithOCR: Set<String>

  /// Every question of every file.
  public var questions: [Question] { questionFiles.flatMap { $0.entries.map(\.question) } }

  /// Reads a folder holding `*_v1.0.json` files, or one question file. OCR for page `X` is
  /// `X.json` (Microsoft Read) or `X.tsv` (tesseract) in `ocrDirectory` if given, else in
  /// `ocr_results/` beside the question file. Pages without OCR have no words; their size comes
  /// from the image header when the image exists.
  public static func read(_ url: URL, ocrDirectory: URL? = nil) throws -> DocVQADataset {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw DataEnvironmentError("\(url.path) does not exist")
    }
    let folder = isDirectory.boolValue ? url : url.deletingLastPathComponent()
    let files: [URL]
    if isDirectory.boolValue {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      files = names.filter { $0.hasSuffix("_v1.0.json") }.sorted().map {
        url.appendingPathComponent($0)
      }
      guard !files.isEmpty else {
        throw DataEnvironmentError("\(url.path) holds no DocVQA question file (*_v1.0.json)")
      }
    } else {
      files = [url]
    }
    let questionFiles = try files.map { try DocVQAQuestionFile.read($0) }
    let ocrFolders = ocrDirectory.map { [$0] } ?? [folder.appendingPathComponent("ocr_results")]
    var dataset = DocVQADataset(questionFiles: questionFiles, documents: [], documentsWithOCR: [])
    var seen = Set<String>()
    for (file, questionFile) in zip(files, questionFiles) {
      for (index, entry) in questionFile.entries.enumerated()
      where !seen.contains(entry.question.documentId) {
        seen.insert(entry.question.documentId)
        let source = "data[\(index)].image \(DataFormatError.quoted(entry.image))"
        let page = try namingSource(file: file.path, entry: source) {
          try readPage(entry, folder: folder, ocrFolders: ocrFolders)
        }
        if page.hasOCR { dataset.documentsWithOCR.insert(page.document.id) }
        dataset.documents.append(page.document)
      }
    }
    return dataset
  }

  /// The page of one question entry: words from its OCR file when one is found, the size from
  /// the OCR or the image header. Errors name the OCR or image file; the caller puts the
  /// question file and entry first.
  private static func readPage(_ entry: DocVQAEntry, folder: URL, ocrFolders: [URL]) throws -> (
    document: Document, hasOCR: Bool
  ) {
    let id = entry.question.documentId
    let image = folder.appendingPathComponent(entry.image)
    var document = Document(id: id, pageWidth: 0, pageHeight: 0)
    var hasOCR = false
    for ocrFolder in ocrFolders {
      let json = ocrFolder.appendingPathComponent(id + ".json")
      let tsv = ocrFolder.appendingPathComponent(id + ".tsv")
      if try listedFileExists(json, what: "a Read API OCR JSON") {
        document = try MicrosoftReadOCR.read(json, documentId: id)
      } else if try listedFileExists(tsv, what: "a tesseract TSV") {
        document = try TesseractTSV.read(tsv, documentId: id)
      } else {
        continue
      }
      hasOCR = true
      break
    }
    if try listedFileExists(image, what: "a page image") {
      document.imagePath = image.path
      if document.pageWidth == 0 {
        let size = try ImageHeader.pixelSize(of: image)
        document.pageWidth = size.width
        document.pageHeight = size.height
      }
    }
    return (document, hasOCR)
  }

  /// Writes a DocVQA folder: `<split>_v1.0.json` and `ocr_results/<page>.json` (Microsoft Read
  /// format) for every document. Page images are not written here; entries point at
  /// `documents/<page>.png` by default.
  public static func write(
    _ questionFile: DocVQAQuestionFile, documents: [Document], to folder: URL
  ) throws {
    let split = questionFile.datasetSplit.isEmpty ? "train" : questionFile.datasetSplit
    try questionFile.write(to: folder.appendingPathComponent("\(split)_v1.0.json"))
    for document in documents {
      try MicrosoftReadOCR.write(
        document, to: folder.appendingPathComponent("ocr_results/\(document.id).json"))
    }
  }
}
