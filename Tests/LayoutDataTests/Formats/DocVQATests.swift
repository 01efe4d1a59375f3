import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

final class DocVQATests: XCTestCase {
  func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docvqa-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    return folder
  }

  func testSampleQuestionsRead() throws {
    let file = try DocVQAQuestionFile.read(try TestPaths.shared("data/docvqa-sample/val_v1.0.json"))
    XCTAssertEqual(file.datasetSplit, "val")
    XCTAssertEqual(file.entries.count, 12)
    let first = try XCTUnwrap(file.entries.first)
    XCTAssertEqual(first.question.questionId, 26167)
    XCTAssertEqual(first.question.documentId, "ffbg0227_2")
    XCTAssertEqual(first.question.answers, ["2", "page 2"])
    XCTAssertEqual(first.image, "documents/ffbg0227_2.png")
    XCTAssertEqual(first.docId, 7467)
    XCTAssertEqual(first.ucsfDocumentPageNo, "2")
    XCTAssertEqual(Set(file.entries.map(\.question.documentId)).count, 3)
  }

  func testQuestionFileRoundTripWithCue() throws {
    var file = DocVQAQuestionFile(
      datasetSplit: "train",
      entries: [
        DocVQAEntry(
          question: Question(
            questionId: 7, text: "What is the date?", answers: ["1998"], documentId: "p1",
            cue: "visual"),
          image: "documents/p1.png", docId: 3)
      ])
    file.datasetName = "docvqa"
    let url = try temporaryFolder().appendingPathComponent("train_v1.0.json")
    try file.write(to: url)
    XCTAssertEqual(try DocVQAQuestionFile.read(url), file)
  }

  func testMicrosoftReadOCRUsesMinMaxOverAllFourPoints() throws {
    let json = """
      {"status": "Succeeded", "recognitionResults": [{"page": 1, "width": 1000, "height": 2000,
       "unit": "pixel", "lines": [{"boundingBox": [10, 20, 110, 18, 112, 40, 8, 42], "text": "Tabs VS",
       "words": [{"boundingBox": [10, 20, 60, 18, 62, 40, 8, 42], "text": "Tabs", "confidence": "Low"},
                 {"boundingBox": [70, 20, 110, 18, 112, 40, 68, 42], "text": "VS"}]}]}]}
      """
    let url = try temporaryFolder().appendingPathComponent("page.json")
    try Data(json.utf8).write(to: url)
    let document = try MicrosoftReadOCR.read(url, documentId: "page")
    XCTAssertEqual(document.pageWidth, 1000)
    XCTAssertEqual(document.pageHeight, 2000)
    XCTAssertEqual(document.words.map(\.text), ["Tabs", "VS"])
    XCTAssertEqual(document.words[0].box, BoundingBox(x0: 8, y0: 18, x1: 62, y1: 42))
    XCTAssertEqual(document.lines.count, 1)
    XCTAssertEqual(document.lines[0].wordIndices, [0, 1])
    // Round trip through the writer (upright boxes survive exactly).
    try MicrosoftReadOCR.write(document, to: url)
    XCTAssertEqual(try MicrosoftReadOCR.read(url, documentId: "page"), document)
  }

  func testMalformedOCRNamesFileAndEntry() throws {
    let url = try temporaryFolder().appendingPathComponent("bad.json")
    try Data(
      #"{"recognitionResults": [{"width": 10, "height": 10, "lines": [{"text": "a", "boundingBox": [1,2,3,4,5,6,7,8], "words": [{"text": "a", "boundingBox": [1, 2, 3, 4]}]}]}]}"#
        .utf8
    ).write(to: url)
    XCTAssertThrowsError(try MicrosoftReadOCR.read(url, documentId: "bad")) { error in
      XCTAssertTrue("\(error)".contains("bad.json"), "\(error)")
      XCTAssertTrue(
        "\(error)".contains("recognitionResults[0].lines[0].words[0].boundingBox"), "\(error)")
    }
    try Data(#"{"data": [{"questionId": 1, "image": "x.png"}]}"#.utf8).write(to: url)
    XCTAssertThrowsError(try DocVQAQuestionFile.read(url)) { error in
      XCTAssertTrue("\(error)".contains("data[0].question"), "\(error)")
    }
  }
}
