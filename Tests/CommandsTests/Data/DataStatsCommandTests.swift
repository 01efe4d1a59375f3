// LayoutLab — `data stats` on the shared datasets: counts as JSON and as text.

import Commands
import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

final class DataStatsTests: XCTestCase {
  func testFUNSDStats() throws {
    let split = try TestPaths.shared("data/funsd/training_data")
    let json = try runDataStats(path: split.path, format: nil, ocrDirectory: nil, json: true)
    let stats = try JSONDecoder().decode(DatasetStats.self, from: Data(json.utf8))
    XCTAssertEqual(stats.format, "funsd")
    XCTAssertEqual(stats.documents, 149)
    XCTAssertEqual(stats.words, 22_512)
    XCTAssertEqual(stats.entities, 7_411)
    XCTAssertEqual(
      stats.entitiesPerLabel, ["header": 441, "question": 3_266, "answer": 2_802, "other": 902])
    XCTAssertEqual(stats.links, 4_236)
    let text = try runDataStats(path: split.path, format: .funsd, ocrDirectory: nil, json: false)
    XCTAssertTrue(
      text.contains("entities: 7411 (answer 2802, header 441, other 902, question 3266)"), text)
    XCTAssertTrue(text.contains("links: 4236"), text)
  }

  func testDocVQAAndRVLCDIPStats() throws {
    let docvqa = try TestPaths.shared("data/docvqa-sample")
    let text = try runDataStats(path: docvqa.path, format: nil, ocrDirectory: nil, json: false)
    XCTAssertTrue(text.contains("questions: 12"), text)
    XCTAssertTrue(text.contains("answers found in OCR: n/a"), text)
    let rvl = try TestPaths.shared("data/rvl-cdip-sample")
    let json = try runDataStats(path: rvl.path, format: nil, ocrDirectory: nil, json: true)
    let stats = try JSONDecoder().decode(DatasetStats.self, from: Data(json.utf8))
    XCTAssertEqual(stats.classes, ["memo": 1, "invoice": 1, "handwritten": 1])
    XCTAssertEqual(stats.documents, 3)
  }

  func testCueMixOfSyntheticItems() {
    let box = BoundingBox(x0: 0, y0: 0, x1: 10, y1: 10)
    var document = Document(
      id: "d", pageWidth: 100, pageHeight: 100, words: [Word(text: "a", box: box)])
    document.entities = [
      Entity(id: 0, label: "question", wordIndices: [0], box: box, cue: "text"),
      Entity(id: 1, label: "answer", wordIndices: [0], box: box, cue: "visual"),
      Entity(id: 2, label: "answer", wordIndices: [0], box: box, cue: "visual"),
    ]
    let stats = DatasetStats.compute(documents: [document], format: .funsd)
    XCTAssertEqual(stats.cues, ["text": 1, "visual": 2])
    XCTAssertTrue(stats.text.contains("cue mix: text 1 (33 %), visual 2 (67 %)"), stats.text)
  }

  func testUnknownLayoutIsAClearError() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    XCTAssertThrowsError(
      try runDataStats(path: folder.path, format: nil, ocrDirectory: nil, json: false)
    ) {
      XCTAssertTrue("\($0)".contains("--format"), "\($0)")
    }
  }
}
