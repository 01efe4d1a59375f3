import LayoutData
import XCTest

@testable import Training

final class AnswerDecodingTests: XCTestCase {
  /// [CLS] q [SEP] w0 w0 w1 w2 [SEP]: tokens 3–6 are context (word 0 has two pieces).
  func window() -> EncodedWindow {
    var window = EncodedWindow(documentId: "page", windowIndex: 0)
    window.inputIds = [2, 9, 3, 5, 6, 7, 8, 3]
    window.tokenTypeIds = [0, 0, 0, 1, 1, 1, 1, 1]
    window.wordIndexOfToken = [-1, -1, -1, 0, 0, 1, 2, -1]
    window.attentionMask = Array(repeating: 1, count: 8)
    window.questionId = 1
    return window
  }

  let words = ["Total", "$10,596", "due"].map {
    Word(text: $0, box: BoundingBox(x0: 0, y0: 0, x1: 1, y1: 1))
  }

  func testBestSpanIsTheHighestValidPairOverContextTokensOnly() {
    // The question token (1) and the final [SEP] (7) have the highest logits but may not be
    // chosen; end 3 < start 5 is invalid, so the best pair is start 5, end 6.
    let start: [Float] = [1, 9, 0, 0.5, 0, 4, 1, 9]
    let end: [Float] = [1, 9, 0, 3.5, 0, 1, 3, 9]
    var options = QAOptions()
    let span = start.withUnsafeBufferPointer { s in
      end.withUnsafeBufferPointer { e in
        bestSpan(start: s.baseAddress!, end: e.baseAddress!, window: window(), options: options)
      }
    }
    XCTAssertEqual(span.best?.firstWord, 1)
    XCTAssertEqual(span.best?.lastWord, 2)
    XCTAssertEqual(span.best?.score, 7)
    XCTAssertEqual(span.clsScore, 2)
    // One token at most: the best single-token span is 5–5 (4 + 1) against 3–3 (0.5 + 3.5).
    options.maxAnswerTokens = 1
    let single = start.withUnsafeBufferPointer { s in
      end.withUnsafeBufferPointer { e in
        bestSpan(start: s.baseAddress!, end: e.baseAddress!, window: window(), options: options)
      }
    }
    XCTAssertEqual(single.best?.score, 5)
    XCTAssertEqual(single.best?.firstWord, 1)
    XCTAssertEqual(single.best?.lastWord, 1)
  }

  func testWindowsCombineOnTheBestSpanAndTheSmallestCLSScore() {
    let spans = [
      WindowSpan(best: (score: 3, firstWord: 0, lastWord: 0), clsScore: 10),
      WindowSpan(best: (score: 6, firstWord: 1, lastWord: 2), clsScore: 5),
    ]
    let answer = combineWindows(
      spans, questionId: 4, documentId: "page", words: words, options: QAOptions())
    XCTAssertEqual(answer.answer, "$10,596 due")
    XCTAssertEqual(answer.firstWord, 1)
    XCTAssertFalse(answer.clsPreferred, "min [CLS] score 5 < best span 6")
    // A higher [CLS] score in every window: preferred, but answered unless clsFallback is on.
    let weak = spans.map { WindowSpan(best: $0.best, clsScore: 8) }
    var options = QAOptions()
    let kept = combineWindows(
      weak, questionId: 4, documentId: "page", words: words, options: options)
    XCTAssertTrue(kept.clsPreferred)
    XCTAssertEqual(kept.answer, "$10,596 due")
    options.clsFallback = true
    let dropped = combineWindows(
      weak, questionId: 4, documentId: "page", words: words, options: options)
    XCTAssertEqual(dropped.answer, "")
    XCTAssertNil(dropped.firstWord)
    // No windows at all: no answer.
    let none = combineWindows([], questionId: 4, documentId: "page", words: words, options: options)
    XCTAssertEqual(none.answer, "")
    XCTAssertTrue(none.clsPreferred)
  }
}
