// LayoutLab — tests of typo suggestions: near candidates win, far ones are not suggested.

import EditDistance
import XCTest

final class ClosestMatchTests: XCTestCase {
  func testSuggestsTheNearestCloseCandidate() {
    XCTAssertEqual(closestMatch(to: "thread", among: ["json", "threads"]), "threads")
    XCTAssertEqual(closestMatch(to: "bnech", among: ["bench", "score", "synth"]), "bench")
    XCTAssertEqual(closestMatch(to: "abc", among: ["abd", "abe"]), "abd")
  }

  func testFarCandidatesAreNotSuggested() {
    XCTAssertNil(closestMatch(to: "zzzzzz", among: ["threads", "json"]))
    XCTAssertNil(closestMatch(to: "x", among: []))
  }
}
