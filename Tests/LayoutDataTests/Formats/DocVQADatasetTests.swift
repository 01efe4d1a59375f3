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
