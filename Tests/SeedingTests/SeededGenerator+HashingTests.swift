// LayoutLab — tests of the seed-derivation helpers against published and pinned values.

import Seeding
import XCTest

final class SeededGeneratorHashingTests: XCTestCase {
  func testSplitMixMatchesTheReferenceOutputs() {
    // SplitMix64 from state 0: the published first outputs.
    var state: UInt64 = 0
    XCTAssertEqual(SeededGenerator.splitMix(&state), 0xE220_A839_7B1D_CDAF)
    XCTAssertEqual(SeededGenerator.splitMix(&state), 0x6E78_9E6A_A1B9_65F4)
  }

  func testStableHashIsFNV1a() {
    XCTAssertEqual(SeededGenerator.stableHash(""), 0xCBF2_9CE4_8422_2325)
    XCTAssertEqual(SeededGenerator.stableHash("a"), 0xAF63_DC4C_8601_EC8C)
    XCTAssertEqual(SeededGenerator.stableHash("layout-3"), 0xC70E_FB96_7022_DFFF)
  }
}
