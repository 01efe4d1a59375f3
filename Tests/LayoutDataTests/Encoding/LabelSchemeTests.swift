import XCTest

@testable import LayoutData

final class LabelSchemeTests: XCTestCase {
  func testFUNSDLabelOrders() {
    XCTAssertEqual(
      LabelScheme.funsdIOB2.labels,
      ["O", "B-HEADER", "I-HEADER", "B-QUESTION", "I-QUESTION", "B-ANSWER", "I-ANSWER"])
    XCTAssertEqual(LabelScheme.funsdBIOES.labels.count, 13)
    XCTAssertEqual(LabelScheme.funsdBIOES.labels.first, "B-ANSWER")
    XCTAssertEqual(LabelScheme.funsdBIOES.labels.last, "S-QUESTION")
    XCTAssertEqual(LabelScheme.funsdIOB2.id(of: "I-ANSWER"), 6)
    XCTAssertNil(LabelScheme.funsdIOB2.id(of: "E-ANSWER"))
  }

  func testTagsPerScheme() throws {
    XCTAssertEqual(
      LabelScheme.funsdIOB2.tags(entityType: "ANSWER", count: 3),
      ["B-ANSWER", "I-ANSWER", "I-ANSWER"])
    XCTAssertEqual(LabelScheme.funsdBIOES.tags(entityType: "ANSWER", count: 1), ["S-ANSWER"])
    XCTAssertEqual(
      LabelScheme.funsdBIOES.tags(entityType: "ANSWER", count: 3),
      ["B-ANSWER", "I-ANSWER", "E-ANSWER"])
    var counts = BoxClampCounts()
    let words = try LabelScheme.funsdBIOES.labeledWords(EncodingFixtures.form(), counts: &counts)
    XCTAssertEqual(words.map(\.tag), ["S-QUESTION", "B-ANSWER", "E-ANSWER", "O", "O"])
    XCTAssertEqual(words.map(\.wordIndex), [0, 1, 3, 4, 5])
  }
}
