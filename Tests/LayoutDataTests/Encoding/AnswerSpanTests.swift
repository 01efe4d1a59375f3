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

final class AnswerSpanFuzzyTests: XCTestCase {
  func words(_ texts: [String]) -> [Word] {
    texts.map { Word(text: $0, box: BoundingBox(x0: 0, y0: 0, x1: 1, y1: 1)) }
  }

  func testFuzzyMatchAbsorbsOCRErrorsWithinTheBound() {
    let page = words(["The", "Vanderbi1t", "Universty", "in", "Nashville"])
    // "vanderbi1t universty" vs "vanderbilt university": 2 edits over 21 characters (0.095).
    let located = AnswerSpan.locate(answers: ["Vanderbilt University"], in: page)
    XCTAssertEqual(located?.span, 1...2)
    XCTAssertEqual(located?.match, .fuzzy)
    // Off, or too tight a bound: no match.
    XCTAssertNil(AnswerSpan.find(answers: ["Vanderbilt University"], in: page, maxEditRatio: 0))
    XCTAssertNil(
      AnswerSpan.find(answers: ["Vanderbilt University"], in: page, maxEditRatio: 0.05))
    // An answer that is nowhere near any run stays unmatched.
    XCTAssertNil(AnswerSpan.find(answers: ["Memphis State"], in: page))
  }

  func testExactMatchWinsOverAnEarlierFuzzyOne() {
    let page = words(["Totl", "10", "Total", "10"])
    let located = AnswerSpan.locate(answers: ["Total 10"], in: page)
    XCTAssertEqual(located?.span, 2...3)
    XCTAssertEqual(located?.match, .exact)
  }

  func testFuzzyPicksTheClosestRunThenTheEarliest() {
    let page = words(["Nashvile", "x", "Nashvill", "y", "Nashville"])
    // The exact word at index 4 wins; without it the two one-edit runs tie and the earlier wins.
    XCTAssertEqual(AnswerSpan.find(answers: ["Nashville"], in: page), 4...4)
    XCTAssertEqual(AnswerSpan.find(answers: ["Nashville"], in: Array(page.prefix(4))), 0...0)
  }
}
