// LayoutLab — tests of reading a synthetic dataset back, and of its errors.

import Foundation
import XCTest

@testable import SyntheticData

final class SyntheticDatasetReaderTests: XCTestCase {
  func testReadsSplitsAndRefusesFoldersWithoutAManifest() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "synth-reader-\(ProcessInfo.processInfo.processIdentifier)")
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try generateSyntheticDataset(kind: .classify, docs: 16, seed: 2, outputDirectory: folder)
    let contents = try SyntheticDatasetContents.read(folder)
    XCTAssertEqual(contents.documentsBySplit.map(\.split), ["train", "val", "test"])
    XCTAssertEqual(contents.documents.count, 16)
    XCTAssertNotNil(try SyntheticDatasetContents.pageImage(contents.documents[0]))
    let manifest = folder.appendingPathComponent("synth.json")
    try Data(#"{"kind": "forms"}"#.utf8).write(to: manifest)
    XCTAssertThrowsError(try SyntheticDatasetContents.read(folder)) {
      XCTAssertTrue("\($0)".contains("'documents'"), "\($0)")
    }
    try Data(#"{"kind": "pictures"}"#.utf8).write(to: manifest)
    XCTAssertThrowsError(try SyntheticDatasetContents.read(folder)) {
      XCTAssertTrue("\($0)".contains("field 'kind'"), "\($0)")
    }
    try FileManager.default.removeItem(at: manifest)
    XCTAssertThrowsError(try SyntheticDatasetContents.read(folder)) {
      XCTAssertTrue("\($0)".contains("synth.json"))
    }
  }
}
