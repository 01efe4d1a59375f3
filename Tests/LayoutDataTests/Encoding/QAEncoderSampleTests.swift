import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

/// One real DocVQA sample question (`../shared/data/docvqa-sample`, question 59443) encoded with
/// the BERT uncased vocabulary against a four-word OCR of its page written by hand
/// (`Fixtures/docvqa-ocr/ffhx0227_1.tsv`, page 1000 × 500). Every expected value below was
/// worked out by hand: the ids are the words' lines in `bert-base-uncased.txt` minus one.
final class QAEncoderSampleTests: XCTestCase {
  func testSampleQuestionEncodesAsComputedByHand() throws {
    let sample = try TestPaths.shared("data/docvqa-sample")
    let vocabulary = try TestPaths.shared("data/vocab/bert-base-uncased.txt")
    let dataset = try DocVQADataset.read(
      sample.appendingPathComponent("val_v1.0.json"),
      ocrDirectory: TestPaths.fixture("LayoutDataTests/Fixtures/docvqa-ocr"))
    let question = try XCTUnwrap(dataset.questions.first { $0.questionId == 59443 })
    XCTAssertEqual(question.text, "What is the name of the University?")
    let encoder = try QAEncoder(
      tokenizer: try WordPieceTokenizer(vocabularyFile: vocabulary), maxSequenceLength: 384,
      stride: 128)
    let result = try encoder.encode([question], documents: dataset.documents)
    XCTAssertEqual(result.answersFound, 1)
    XCTAssertEqual(result.windows.count, 1)
    let window = result.windows[0]
    // [CLS] what is the name of the university ? [SEP] vanderbilt university nashville , tennessee [SEP]
    XCTAssertEqual(
      window.inputIds,
      [
        101, 2054, 2003, 1996, 2171, 1997, 1996, 2118, 1029, 102, 17066, 2118, 8423, 1010, 5298,
        102,
      ])
    XCTAssertEqual(
      window.tokenTypeIds, Array(repeating: 0, count: 10) + Array(repeating: 1, count: 6))
    let boxes = stride(from: 0, to: window.bbox.count, by: 4).map {
      Array(window.bbox[$0..<$0 + 4])
    }
    let zeros: [Int32] = [0, 0, 0, 0]
    let thousands: [Int32] = [1000, 1000, 1000, 1000]
    // [CLS] and the question: zeros; [SEP]: 1000s; words: ×1000/1000 across, ×1000/500 down.
    XCTAssertEqual(Array(boxes[0..<9]), Array(repeating: zeros, count: 9))
    XCTAssertEqual(boxes[9], thousands)
    XCTAssertEqual(boxes[10], [100, 100, 300, 150])
    XCTAssertEqual(boxes[11], [320, 100, 520, 150])
    XCTAssertEqual(boxes[12], [100, 200, 250, 250])
    XCTAssertEqual(boxes[13], [100, 200, 250, 250], "the comma piece keeps its word's box")
    XCTAssertEqual(boxes[14], [270, 200, 430, 250])
    XCTAssertEqual(boxes[15], thousands)
    XCTAssertEqual(window.wordIndexOfToken[10...14], [0, 1, 2, 2, 3])
    // "Vanderbilt university" is words 0–1: tokens 10–11.
    XCTAssertEqual(window.startPosition, 10)
    XCTAssertEqual(window.endPosition, 11)
    XCTAssertEqual(window.questionId, 59443)
  }
}
