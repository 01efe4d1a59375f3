// LayoutLab — tests of per-document seeds: they depend on the seed, kind and index only.

import Seeding
import XCTest

@testable import SyntheticData

final class DocumentSeedTests: XCTestCase {
  func testDocumentSeedsDependOnSeedKindAndIndexOnly() {
    let seed = SeededGenerator.documentSeed(seed: 1, kind: "forms", index: 5)
    XCTAssertEqual(seed, SeededGenerator.documentSeed(seed: 1, kind: "forms", index: 5))
    XCTAssertNotEqual(seed, SeededGenerator.documentSeed(seed: 2, kind: "forms", index: 5))
    XCTAssertNotEqual(seed, SeededGenerator.documentSeed(seed: 1, kind: "qa", index: 5))
    XCTAssertNotEqual(seed, SeededGenerator.documentSeed(seed: 1, kind: "forms", index: 6))
  }

  // Pinned with the generator this one replaced.
  func testDocumentSeedsArePinned() {
    XCTAssertEqual(
      SeededGenerator.documentSeed(seed: 1, kind: "forms", index: 5), 0xF50C_E74D_5182_BB0E)
    XCTAssertEqual(
      SeededGenerator.documentSeed(seed: 9, kind: "t", index: 0), 0x22A9_11F1_39C8_82CB)
  }
}
