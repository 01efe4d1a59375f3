// LayoutLab — `data export`: the FUNSD export equals the HF builder output, byte-stable.

import Commands
import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

final class DataExportTests: XCTestCase {
  func testFUNSDExportEqualsHFBuilderOutput() throws {
    let split = try TestPaths.shared("data/funsd/training_data")
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID()).json")
    defer { try? FileManager.default.removeItem(at: out) }
    let summary = try runDataExport(path: split.path, format: nil, to: .layoutlmJSON, out: out.path)
    XCTAssertTrue(summary.contains("149 documents, 21888 words"), summary)
    struct File: Decodable { var documents: [LayoutLMJSONDocument] }
    let exported = try JSONDecoder().decode(File.self, from: Data(contentsOf: out)).documents
    let reference = try JSONDecoder().decode(
      File.self,
      from: Data(contentsOf: TestPaths.fixture("LayoutDataTests/Fixtures/funsd-hf-train.json"))
    ).documents
    XCTAssertEqual(exported.count, 149)
    XCTAssertEqual(exported.map(\.id), reference.map(\.id))
    for (mine, theirs) in zip(exported, reference) {
      XCTAssertEqual(mine.words, theirs.words, mine.id)
      XCTAssertEqual(mine.bboxes, theirs.bboxes, mine.id)
      XCTAssertEqual(mine.ner_tags, theirs.ner_tags, mine.id)
    }
    // Deterministic bytes.
    let first = try Data(contentsOf: out)
    _ = try runDataExport(path: split.path, format: .funsd, to: .layoutlmJSON, out: out.path)
    XCTAssertEqual(try Data(contentsOf: out), first)
  }
}
