// LayoutLab — the pages and questions of a DocVQA-source QA run, and the OCR they record.

import Foundation
import LayoutData
import XCTest

@testable import Tasks

final class QAPreparationTests: XCTestCase {
  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("ll-qaprep-\(UUID())")
    let pages = (0..<4).map { index in
      Document(
        id: "page\(index)", pageWidth: 1000, pageHeight: 1000,
        words: [
          Word(text: "Total:", box: BoundingBox(x0: 10, y0: 10, x1: 60, y1: 30)),
          Word(text: "\(index * 7)", box: BoundingBox(x0: 70, y0: 10, x1: 90, y1: 30)),
        ])
    }
    let entries = pages.enumerated().map { index, page in
      DocVQAEntry(
        question: Question(
          questionId: index + 1, text: "What is the total?", answers: ["\(index * 7)"],
          documentId: page.id),
        image: "documents/\(page.id).png")
    }
    try DocVQADataset.write(
      DocVQAQuestionFile(datasetSplit: "val", entries: entries), documents: pages, to: root)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  func settings() -> DataSettings {
    var data = DataSettings()
    data.source = .docvqa
    data.root = root.appendingPathComponent("val_v1.0.json").path
    data.devEvery = 2
    return data
  }

  func testSplitsByPageKeepsEveryQuestionAndRecordsTheReadOCR() throws {
    let prepared = try prepareQADocuments(
      settings(), environment: TaskEnvironment(cache: root.appendingPathComponent("cache")))
    XCTAssertEqual(prepared.train.map(\.id), ["page0", "page2"])
    XCTAssertEqual(prepared.dev.map(\.id), ["page1", "page3"])
    XCTAssertEqual(prepared.questions.count, 4)
    XCTAssertEqual(questions(of: prepared.dev, in: prepared.questions).map(\.questionId), [2, 4])
    // Training questions' words join the vocabulary.
    XCTAssertEqual(
      prepared.vocabularyWords, ["What", "is", "the", "total?"] + ["What", "is", "the", "total?"])
    XCTAssertEqual(
      prepared.ocr, OCRProvenance(engine: .microsoftRead, pages: 4, pagesWithOCR: 4))
  }

  func testLayoutlabOCRSidecarIsRecorded() throws {
    let sidecar = OCRProvenance(
      engine: .tesseract, engineVersion: "tesseract 5.3.0", pageSegmentationMode: 6, pages: 9,
      pagesWithOCR: 9)
    try sidecar.write(folder: root.appendingPathComponent("ocr_results"))
    let prepared = try prepareQADocuments(
      settings(), environment: TaskEnvironment(cache: root.appendingPathComponent("cache")))
    XCTAssertEqual(prepared.ocr?.engine, .tesseract)
    XCTAssertEqual(prepared.ocr?.pageSegmentationMode, 6)
    XCTAssertEqual(prepared.ocr?.pages, 4, "pages are this run's, not the sidecar's")
  }

  func testPagesWithoutAnyOCRAreRefusedWithHowToMakeIt() throws {
    try FileManager.default.removeItem(at: root.appendingPathComponent("ocr_results"))
    XCTAssertThrowsError(
      try prepareQADocuments(
        settings(), environment: TaskEnvironment(cache: root.appendingPathComponent("cache")))
    ) {
      XCTAssertTrue("\($0)".contains("layoutlab ocr"), "\($0)")
      XCTAssertTrue("\($0)".contains("data.root"), "\($0)")
    }
  }
}
