import LayoutData
import XCTest

@testable import Tasks

final class QABaselinesTests: XCTestCase {
  let page = ["Invoice", "Date:", "12/03/90", "Total", "Due:", "$5", "Region", "4.2"].map {
    Word(text: $0, box: BoundingBox(x0: 0, y0: 0, x1: 1, y1: 1))
  }

  func testLongestMatchAnswersTheWordAfterTheLongestSharedRun() {
    XCTAssertEqual(longestMatchNextWord(question: "What is the date?", words: page), "12/03/90")
    // "total due" (two words) beats any one-word match.
    XCTAssertEqual(longestMatchNextWord(question: "Total due for Region?", words: page), "$5")
    XCTAssertEqual(longestMatchNextWord(question: "Who signed?", words: page), "")
    // A match at the last word has nothing after it.
    XCTAssertEqual(longestMatchNextWord(question: "4.2", words: page), "")
  }

  func testWordAfterLastQuestionWord() {
    XCTAssertEqual(
      wordAfterLastQuestionWord(question: "What is the Q1 value for Region?", words: page), "4.2")
    XCTAssertEqual(
      wordAfterLastQuestionWord(question: "What is the date?", words: page), "12/03/90")
    XCTAssertEqual(wordAfterLastQuestionWord(question: "Which option is checked?", words: page), "")
    XCTAssertEqual(wordAfterLastQuestionWord(question: "?", words: page), "")
  }
}
