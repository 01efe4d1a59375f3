// LayoutLab — entity extraction against seqeval 1.2.2 (`layoutlm-reference.md` App. H.3).

import Evaluation
import XCTest

final class EntityExtractionTests: XCTestCase {
  private func spans(_ tags: [String], _ mode: EntityMode = .conlleval) throws -> [String] {
    try extractEntities(tags, mode: mode).map(\.description)
  }

  func testConllevalModeMatchesTheReferenceVectors() throws {
    XCTAssertEqual(
      try spans(["B-QUESTION", "I-QUESTION", "O", "B-ANSWER"]),
      ["(QUESTION, 0, 1)", "(ANSWER, 3, 3)"])
    XCTAssertEqual(try spans(["O", "I-ANSWER", "I-ANSWER", "O"]), ["(ANSWER, 1, 2)"])
    XCTAssertEqual(
      try spans(["B-HEADER", "I-QUESTION", "I-QUESTION"]),
      ["(HEADER, 0, 0)", "(QUESTION, 1, 2)"])
    XCTAssertEqual(
      try spans(["I-ANSWER", "B-ANSWER", "I-ANSWER"]), ["(ANSWER, 0, 0)", "(ANSWER, 1, 2)"])
    XCTAssertEqual(try spans(["B-ANSWER", "B-ANSWER"]), ["(ANSWER, 0, 0)", "(ANSWER, 1, 1)"])
  }

  func testConllevalModeReadsBIOESAndOddTags() throws {
    XCTAssertEqual(
      try spans(["S-A", "B-B", "I-B", "E-B", "O", "E-C"]),
      ["(A, 0, 0)", "(B, 1, 3)", "(C, 5, 5)"])
    // A lone tag without a type gets '_', and "B-X-Y" keeps everything after the first dash.
    XCTAssertEqual(try spans(["B", "O", "B-X-Y", "I-X-Y"]), ["(_, 0, 0)", "(X-Y, 2, 3)"])
    XCTAssertEqual(try spans([]), [])
    XCTAssertEqual(try spans(["O", "O"]), [])
  }

  func testStrictIOB2IgnoresLoneInsideTags() throws {
    let strict = EntityMode.strict(.iob2)
    XCTAssertEqual(try spans(["I-Q", "I-Q", "O", "B-A", "I-A"], strict), ["(A, 3, 4)"])
    XCTAssertEqual(
      try spans(["B-X", "I-Y", "I-Y", "B-X", "B-X"], strict),
      ["(X, 0, 0)", "(X, 3, 3)", "(X, 4, 4)"])
    XCTAssertEqual(try spans(["B-X", "I-X", "I-X"], strict), ["(X, 0, 2)"])
  }

  func testStrictBIOESNeedsAClosingTag() throws {
    let strict = EntityMode.strict(.bioes)
    XCTAssertEqual(
      try spans(["B-X", "I-X", "E-X", "S-Y", "B-Z", "I-Z", "O"], strict),
      ["(X, 0, 2)", "(Y, 3, 3)"])
    XCTAssertEqual(try spans(["B-X", "E-Y"], strict), [])
    XCTAssertEqual(try spans(["I-X", "E-X", "S-X"], strict), ["(X, 2, 2)"])
  }

  func testStrictModeRejectsPrefixesOutsideTheScheme() {
    XCTAssertThrowsError(try extractEntities(["O", "S-X"], mode: .strict(.iob2))) { error in
      XCTAssertEqual(
        "\(error)",
        "tags: position 1: invalid tag 'S-X' for strict iob2; allowed prefixes: B, I, O")
    }
    XCTAssertThrowsError(try extractEntities(["U-X"], mode: .strict(.bioes)))
    XCTAssertThrowsError(try extractEntities(["O", ""], mode: .conlleval)) { error in
      XCTAssertTrue("\(error)".contains("position 1: empty tag"), "\(error)")
    }
  }
}
