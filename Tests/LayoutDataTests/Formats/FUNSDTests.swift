import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

final class FUNSDTests: XCTestCase {
  func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("funsd-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    return folder
  }

  func testTrainingSplitCounts() throws {
    let documents = try FUNSD.read(split: try TestPaths.shared("data/funsd/training_data"))
    XCTAssertEqual(documents.count, 149)
    XCTAssertEqual(documents.reduce(0) { $0 + $1.words.count }, 22_512)
    let entities = documents.flatMap(\.entities)
    XCTAssertEqual(entities.count, 7_411)
    let perLabel = Dictionary(grouping: entities, by: \.label).mapValues(\.count)
    XCTAssertEqual(perLabel, ["header": 441, "question": 3_266, "answer": 2_802, "other": 902])
    XCTAssertEqual(documents.reduce(0) { $0 + $1.links.count }, 4_236)
    let first = try XCTUnwrap(documents.first)
    XCTAssertEqual(first.id, "0000971160")
    XCTAssertEqual(first.pageWidth, 762)
    XCTAssertEqual(first.pageHeight, 1000)
    XCTAssertEqual(
      first.words[0], Word(text: "R&D", box: BoundingBox(x0: 292, y0: 91, x1: 376, y1: 175)))
    XCTAssertNotNil(first.imagePath)
  }

  func testLinkStoredOnBothEntitiesCountsOnce() {
    let a = EntityLink(from: 1, to: 2)
    let selfLink = EntityLink(from: 3, to: 3)
    XCTAssertEqual(FUNSD.countedLinks([a, a]), [a])
    XCTAssertEqual(FUNSD.countedLinks([a, a, a, a]), [a, a])
    XCTAssertEqual(FUNSD.countedLinks([selfLink, selfLink, a]), [selfLink, a])
  }

  func testWriterRoundTripKeepsEverythingIncludingCue() throws {
    let document = Document(
      id: "synthetic-1", pageWidth: 800, pageHeight: 1000,
      words: [
        Word(text: "Date:", box: BoundingBox(x0: 10, y0: 20, x1: 60, y1: 35)),
        Word(text: "1998", box: BoundingBox(x0: 70.5, y0: 20, x1: 110, y1: 35)),
        Word(text: " ", box: BoundingBox(x0: 0, y0: 0, x1: 1, y1: 1)),
      ],
      entities: [
        Entity(
          id: 0, label: "question", wordIndices: [0],
          box: BoundingBox(x0: 10, y0: 20, x1: 60, y1: 35),
          cue: "layout"),
        Entity(
          id: 1, label: "answer", wordIndices: [1, 2],
          box: BoundingBox(x0: 70.5, y0: 20, x1: 110, y1: 35)),
      ],
      links: [EntityLink(from: 0, to: 1)])
    let split = try temporaryFolder()
    try FUNSD.write([document], split: split)
    let read = try FUNSD.read(split: split)
    XCTAssertEqual(read, [document])
    // The standard layout: each link is listed on both of its entities.
    let json = try JSONSerialization.jsonObject(
      with: Data(contentsOf: split.appendingPathComponent("annotations/synthetic-1.json")))
    let form = try XCTUnwrap((json as? [String: Any])?["form"] as? [[String: Any]])
    XCTAssertEqual(form.map { ($0["linking"] as? [[Int]])?.count }, [1, 1])
  }

  func testMalformedAnnotationNamesFileAndEntry() throws {
    let split = try temporaryFolder()
    let annotations = split.appendingPathComponent("annotations")
    try FileManager.default.createDirectory(at: annotations, withIntermediateDirectories: true)
    let bad = """
      {"form": [{"id": 0, "label": "question", "words": [{"text": "a", "box": [1, 2, 3]}],
      "linking": []}], "image_size": {"width": 100, "height": 100}}
      """
    try Data(bad.utf8).write(to: annotations.appendingPathComponent("bad.json"))
    XCTAssertThrowsError(try FUNSD.read(split: split)) { error in
      let message = "\(error)"
      XCTAssertTrue(message.contains("bad.json"), message)
      XCTAssertTrue(message.contains("form[0].words[0].box"), message)
      XCTAssertTrue(message.contains("4 numbers"), message)
    }
    try Data("{\"form\": [".utf8).write(to: annotations.appendingPathComponent("bad.json"))
    XCTAssertThrowsError(try FUNSD.read(split: split)) { error in
      XCTAssertTrue("\(error)".contains("bad.json: expected valid JSON"), "\(error)")
    }
    try Data("{\"form\": [{\"id\": \"x\"}], \"image_size\": {\"width\": 1, \"height\": 1}}".utf8)
      .write(to: annotations.appendingPathComponent("bad.json"))
    XCTAssertThrowsError(try FUNSD.read(split: split)) { error in
      XCTAssertTrue("\(error)".contains("form[0].id: expected a number"), "\(error)")
    }
  }

  func testMissingImageWithoutSizeIsAnError() throws {
    let split = try temporaryFolder()
    let annotations = split.appendingPathComponent("annotations")
    try FileManager.default.createDirectory(at: annotations, withIntermediateDirectories: true)
    try Data("{\"form\": []}".utf8).write(to: annotations.appendingPathComponent("x.json"))
    XCTAssertThrowsError(try FUNSD.read(split: split)) { error in
      XCTAssertTrue("\(error)".contains("page size is unknown"), "\(error)")
    }
    XCTAssertThrowsError(try FUNSD.read(split: split.appendingPathComponent("nowhere")))
  }
}
