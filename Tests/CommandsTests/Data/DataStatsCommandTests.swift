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

  func testDatasetRootReportsEachSplit() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("funsd-root-\(UUID())")
    defer { try? FileManager.default.removeItem(at: root) }
    let box = BoundingBox(x0: 0, y0: 0, x1: 10, y1: 10)
    func form(_ id: String, words: Int) -> Document {
      var document = Document(
        id: id, pageWidth: 100, pageHeight: 100,
        words: (0..<words).map { Word(text: "w\($0)", box: box) })
      document.entities = [
        Entity(id: 0, label: "question", wordIndices: Array(0..<words), box: box)
      ]
      return document
    }
    try FUNSD.write(
      [form("a", words: 2), form("b", words: 3)],
      split: root.appendingPathComponent("training_data"))
    try FUNSD.write([form("c", words: 4)], split: root.appendingPathComponent("testing_data"))
    let text = try runDataStats(path: root.path, format: nil, ocrDirectory: nil, json: false)
    XCTAssertTrue(
      text.hasPrefix("split training_data:\nformat: funsd\ndocuments: 2\nwords: 5"), text)
    XCTAssertTrue(
      text.contains("\n\nsplit testing_data:\nformat: funsd\ndocuments: 1\nwords: 4"), text)
    let json = try runDataStats(path: root.path, format: .funsd, ocrDirectory: nil, json: true)
    let splits = try JSONDecoder().decode([String: DatasetStats].self, from: Data(json.utf8))
    XCTAssertEqual(splits["training_data"]?.documents, 2)
    XCTAssertEqual(splits["testing_data"]?.words, 4)
    XCTAssertEqual(splits["testing_data"]?.entities, 1)
    // One split still reports on its own.
    let one = try runDataStats(
      path: root.appendingPathComponent("testing_data").path, format: nil, ocrDirectory: nil,
      json: false)
    XCTAssertTrue(one.hasPrefix("format: funsd\ndocuments: 1"), one)
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
