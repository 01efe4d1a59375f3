// LayoutLab — tests of the data card.

import Foundation
import XCTest

@testable import SyntheticData

final class DataCardTests: XCTestCase {
  func testCardHasCountsCuesFourThumbnailsAndTheChecks() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "synth-card-\(ProcessInfo.processInfo.processIdentifier)")
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try generateSyntheticDataset(kind: .forms, docs: 12, seed: 6, outputDirectory: folder)
    let card = try writeDataCard(directory: folder)
    let text = try String(contentsOf: card, encoding: .utf8)
    XCTAssertTrue(text.contains("| training_data | 10 |"))
    XCTAssertTrue(text.contains("| visual | "))
    XCTAssertTrue(text.contains("shaded band = header"))
    XCTAssertTrue(text.contains("| visual | pixels |"))
    for index in 1...4 {
      XCTAssertTrue(text.contains("card/thumbnail-\(index).png"))
      XCTAssertTrue(
        FileManager.default.fileExists(
          atPath: folder.appendingPathComponent("card/thumbnail-\(index).png").path))
    }
    XCTAssertThrowsError(try writeDataCard(directory: folder.appendingPathComponent("missing")))
  }
}
