import XCTest

@testable import LayoutData

final class AnswerSpanTests: XCTestCase {
  func words(_ texts: [String]) -> [Word] {
    texts.map { Word(text: $0, box: BoundingBox(x0: 0, y0: 0, x1: 1, y1: 1)) }
  }

  func testExactCaseInsensitiveAndEdgePunctuation() {
    let page = words(["Vanderbilt", "University,", "Nashville", "$123,110", "2."])
    XCTAssertEqual(AnswerSpan.find(answers: ["VANDERBILT UNIVERSITY"], in: page), 0...1)
    XCTAssertEqual(AnswerSpan.find(answers: ["$123,110"], in: page), 3...3)
    XCTAssertEqual(AnswerSpan.find(answers: ["page 2", "2"], in: page), 4...4)
    XCTAssertNil(AnswerSpan.find(answers: ["Memphis"], in: page))
    XCTAssertNil(AnswerSpan.find(answers: [], in: page))
  }

  func testJoinedMatchWhenOCRSplitsTokens() {
    let page = words(["Total", "$", "10,", "596", "end"])
    // "$" alone has no letters or digits, so the span starts at "10,".
    XCTAssertEqual(AnswerSpan.find(answers: ["$10,596"], in: page), 2...3)
    XCTAssertEqual(AnswerSpan.find(answers: ["Total $10,596"], in: page), 0...3)
  }
}
