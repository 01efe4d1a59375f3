import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

final class DocVQADatasetTests: XCTestCase {
  func testSampleReadsWithoutOCR() throws {
    let dataset = try DocVQADataset.read(try TestPaths.shared("data/docvqa-sample"))
    XCTAssertEqual(dataset.questions.count, 12)
    XCTAssertEqual(dataset.documents.map(\.id), ["ffbg0227_2", "ffhx0227_1", "ffjw0228_11"])
    XCTAssertTrue(dataset.documentsWithOCR.isEmpty)
    for document in dataset.documents {
      XCTAssertGreaterThan(document.pageWidth, 0)
      XCTAssertNotNil(document.imagePath)
    }
  }

  func testOCRFolderIsPickedUp() throws {
    let sample = try TestPaths.shared("data/docvqa-sample")
    let ocr = FileManager.default.temporaryDirectory.appendingPathComponent("ocr-\(UUID())")
    defer { try? FileManager.default.removeItem(at: ocr) }
    let page = Document(
      id: "ffbg0227_2", pageWidth: 1000, pageHeight: 1000,
      words: [
        Word(text: "Page", box: BoundingBox(x0: 1, y0: 1, x1: 50, y1: 20)),
        Word(text: "2", box: BoundingBox(x0: 60, y0: 1, x1: 70, y1: 20)),
      ])
    try TesseractTSV.write(page, to: ocr.appendingPathComponent("ffbg0227_2.tsv"))
    let dataset = try DocVQADataset.read(sample, ocrDirectory: ocr)
    XCTAssertEqual(dataset.documentsWithOCR, ["ffbg0227_2"])
    XCTAssertEqual(dataset.documents[0].words.map(\.text), ["Page", "2"])
    XCTAssertEqual(dataset.documents[0].pageWidth, 1000)
  }
}

final class DocVQADatasetWriterTests: XCTestCase {
  func testWrittenFolderReadsBackWithOCRAndCues() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docvqa-w-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = Document(
      id: "synthetic_1", pageWidth: 600, pageHeight: 800,
      words: [
        Word(text: "Total:", box: BoundingBox(x0: 10, y0: 10, x1: 60, y1: 30)),
        Word(text: "$12", box: BoundingBox(x0: 70, y0: 10, x1: 100, y1: 30)),
      ],
      lines: [
        TextLine(
          text: "Total: $12", box: BoundingBox(x0: 10, y0: 10, x1: 100, y1: 30),
          wordIndices: [0, 1])
      ])
    let questions = DocVQAQuestionFile(
      datasetSplit: "train",
      entries: [
        DocVQAEntry(
          question: Question(
            questionId: 1, text: "What is the total?", answers: ["$12"], documentId: "synthetic_1",
            cue: "text"),
          image: "documents/synthetic_1.png")
      ])
    try DocVQADataset.write(questions, documents: [page], to: folder)
    let dataset = try DocVQADataset.read(folder)
    XCTAssertEqual(dataset.questions, questions.entries.map(\.question))
    XCTAssertEqual(dataset.documentsWithOCR, ["synthetic_1"])
    XCTAssertEqual(dataset.documents, [page])
    let stats = DatasetStats.compute(
      documents: dataset.documents, format: .docvqa, questions: dataset.questions,
      documentsWithOCR: dataset.documentsWithOCR)
    XCTAssertEqual(stats.answersFoundInOCR, 1)
  }
}
