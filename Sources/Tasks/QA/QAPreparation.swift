// LayoutLab — the pages and questions of a QA run: synthetic (generated into the cache) or DocVQA.

import Foundation
import LayoutData
import SyntheticData

/// Reads (or generates, then reads) the documents and questions of a `task: qa` run.
///
/// Train and dev come from the training pages (synthetic: `train` and `val`; DocVQA: `root`),
/// split by page like the forms (`carveDevSplit`), so a page's questions never straddle the two. Test is
/// the synthetic `test` split (unseen templates with `templateHoldout`), or `data.test` for
/// DocVQA. Every split's questions are kept; the training questions' words join the vocabulary.
func prepareQADocuments(_ data: DataSettings, environment: TaskEnvironment) throws
  -> PreparedDocuments
{
  var pool: [Document] = []
  var test: [Document] = []
  var questions: [Question] = []
  var testSource: String?
  var engine: OCRProvenance?
  switch data.source {
  case .syntheticQA:
    let root = try environment.syntheticSet(.qa, data, "")
    engine = OCRProvenance(engine: .synthetic, pages: 0, pagesWithOCR: 0)
    let contents = try SyntheticDatasetContents.read(root)
    for (split, documents) in contents.documentsBySplit {
      if split == "test" { test = documents } else { pool += documents }
    }
    questions = contents.questions
    testSource = root.appendingPathComponent("test_v1.0.json").path
  case .docvqa:
    let ocr = data.ocr.map { URL(fileURLWithPath: $0) }
    let training = try readDocVQA(data.root ?? "", ocr: ocr, field: "data.root")
    engine = try docVQAOCRProvenance(training, ocr: ocr, root: data.root ?? "")
    pool = training.documents
    questions = training.questions
    if let path = data.test {
      let testing = try readDocVQA(path, ocr: ocr, field: "data.test")
      test = testing.documents
      // The same page may be in both files (a smoke test on one sample); keep one question
      // list per split by page id, below.
      questions += testing.questions.filter { question in
        !questions.contains { $0.questionId == question.questionId }
      }
      testSource = path
    }
  case .syntheticForms, .syntheticClassify, .funsd, .rvlcdip:
    throw TaskDataError.wrongSource(expected: "'synthetic-qa' or 'docvqa' for task 'qa'")
  }
  let (train, dev) = carveDevSplit(pool, data)
  let trainIds = Set(train.map(\.id))
  let trainWords = questions.filter { trainIds.contains($0.documentId) }.flatMap {
    $0.text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
  }
  let pages = Set((train + dev + test).map(\.id))
  let withWords = Set((train + dev + test).filter { !$0.words.isEmpty }.map(\.id))
  engine?.pages = pages.count
  engine?.pagesWithOCR = withWords.count
  return PreparedDocuments(
    train: train, dev: dev, test: test, testSource: testSource, ocr: engine,
    questions: questions, vocabularyWords: trainWords)
}

/// Which OCR a DocVQA folder's words came from: `layoutlab ocr`'s sidecar when the OCR folder
/// has one (engine, version, `--psm`), else Microsoft Read for `.json` files and unknown
/// `files` for `.tsv` ones.
private func docVQAOCRProvenance(_ dataset: DocVQADataset, ocr: URL?, root: String) throws
  -> OCRProvenance
{
  let folder =
    ocr
    ?? URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent(
      "ocr_results")
  if let recorded = try OCRProvenance.read(folder: folder) { return recorded }
  let json = dataset.documentsWithOCR.contains {
    FileManager.default.fileExists(atPath: folder.appendingPathComponent($0 + ".json").path)
  }
  return OCRProvenance(engine: json ? .microsoftRead : .files, pages: 0, pagesWithOCR: 0)
}

/// A DocVQA question file or folder with its OCR; refuses a set in which no page has OCR (every
/// answer would be "not found") with a message that says how to make it.
private func readDocVQA(_ path: String, ocr: URL?, field: String) throws -> DocVQADataset {
  let dataset = try DocVQADataset.read(URL(fileURLWithPath: path), ocrDirectory: ocr)
  if dataset.documentsWithOCR.isEmpty && !dataset.documents.isEmpty {
    let folder = ocr?.path ?? "ocr_results/ beside \(path)"
    throw TaskDataError.unreadable(
      file: path,
      reason:
        "\(field): none of its \(dataset.documents.count) pages has OCR in \(folder) "
        + "(<page>.json from the Read API, or <page>.tsv from 'layoutlab ocr IMAGE… --out DIR'; "
        + "then set data.ocr to DIR)")
  }
  return dataset
}

/// The questions of `documents`, in the order of `questions`.
func questions(of documents: [Document], in questions: [Question]) -> [Question] {
  let ids = Set(documents.map(\.id))
  return questions.filter { ids.contains($0.documentId) }
}
