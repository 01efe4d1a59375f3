import XCTest

@testable import LayoutData

final class QAEncoderTests: XCTestCase {
  let question = Question(
    questionId: 9, text: "What is the total?", answers: ["$ 123", "123"], documentId: "form")

  func testQuestionIsSegmentAWithZeroBoxesAndAnswerMapsToTokens() throws {
    let encoder = try QAEncoder(
      tokenizer: try EncodingFixtures.tokenizer(), maxSequenceLength: 32, stride: 4,
      maxQuestionLength: 8)
    let result = try encoder.encode([question], documents: [EncodingFixtures.form()])
    XCTAssertEqual(result.answersFound, 1)
    XCTAssertEqual(result.answersNotFound, 0)
    XCTAssertEqual(result.windows.count, 1)
    let window = result.windows[0]
    // [CLS] what is the total ? [SEP] date : john smith 12 ##3 total [SEP]
    XCTAssertEqual(window.inputIds, [2, 14, 15, 16, 10, 17, 3, 5, 6, 8, 9, 12, 13, 10, 3])
    XCTAssertEqual(window.tokenTypeIds, [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1])
    XCTAssertEqual(Array(window.bbox[4..<24]), Array(repeating: 0, count: 20))
    XCTAssertEqual(Array(window.bbox[24..<28]), [1000, 1000, 1000, 1000])
    XCTAssertEqual(Array(window.bbox[28..<32]), [10, 200, 60, 300])
    XCTAssertEqual(window.startPosition, 11)
    XCTAssertEqual(window.endPosition, 12)
    XCTAssertEqual(window.questionId, 9)
    XCTAssertTrue(window.labels.allSatisfy { $0 == ignoredLabel })
  }

  func testAnswerOutsideAWindowPointsAtCLSAndMissingAnswersAreCounted() throws {
    let encoder = try QAEncoder(
      tokenizer: try EncodingFixtures.tokenizer(), maxSequenceLength: 12, stride: 0,
      maxQuestionLength: 6)
    let result = try encoder.encode(
      [
        question, Question(questionId: 10, text: "Name?", answers: ["Jane"], documentId: "form"),
        Question(questionId: 11, text: "Date?", answers: [], documentId: "form"),
      ],
      documents: [EncodingFixtures.form()])
    XCTAssertEqual(result.questions, 3)
    XCTAssertEqual(result.answersFound, 1)
    XCTAssertEqual(result.answersNotFound, 1)
    XCTAssertEqual(result.notFoundQuestionIds, [10])
    XCTAssertEqual(result.questionsWithoutAnswers, 1)
    let first = result.windows.filter { $0.questionId == 9 }
    XCTAssertGreaterThan(first.count, 1)
    XCTAssertEqual(
      first.filter { $0.startPosition != 0 }.count, 1, "exactly one window holds the span")
    for window in first where window.startPosition != 0 {
      let start = Int(window.startPosition ?? 0)
      XCTAssertEqual(window.wordIndexOfToken[start], 4)
    }
    XCTAssertTrue(result.windows.allSatisfy { $0.length <= 12 })
  }

  func testAnswerAcrossAWindowBoundaryIsCountedAsOutsideEveryWindow() throws {
    // Capacity 8 − 3 − 2 ("name ?") = 3 pieces: [date : john] [smith 12 ##3] [total].
    let encoder = try QAEncoder(
      tokenizer: try EncodingFixtures.tokenizer(), maxSequenceLength: 8, stride: 0,
      maxQuestionLength: 2)
    let name = Question(questionId: 1, text: "Name?", answers: ["John Smith"], documentId: "form")
    let result = try encoder.encode([name], documents: [EncodingFixtures.form()])
    XCTAssertEqual(result.answersFound, 1)
    XCTAssertEqual(result.answersOutsideWindows, 1)
    XCTAssertEqual(result.windows.count, 3)
    XCTAssertTrue(result.windows.allSatisfy { $0.startPosition == 0 && $0.endPosition == 0 })
    // With a stride the second window repeats "john", so the span fits in it.
    let overlapping = try QAEncoder(
      tokenizer: try EncodingFixtures.tokenizer(), maxSequenceLength: 8, stride: 1,
      maxQuestionLength: 2)
    let second = try overlapping.encode([name], documents: [EncodingFixtures.form()])
    XCTAssertEqual(second.answersOutsideWindows, 0)
    XCTAssertEqual(second.windows.filter { $0.startPosition != 0 }.count, 1)
  }

  func testFuzzyAnswersAreCountedAndCanBeTurnedOff() throws {
    var encoder = try QAEncoder(
      tokenizer: try EncodingFixtures.tokenizer(), maxSequenceLength: 32, stride: 0,
      maxQuestionLength: 8)
    let misspelt = Question(
      questionId: 2, text: "Name?", answers: ["Jon Smith"], documentId: "form")
    let fuzzy = try encoder.encode([misspelt], documents: [EncodingFixtures.form()])
    XCTAssertEqual(fuzzy.answersFound, 1)
    XCTAssertEqual(fuzzy.answersMatchedFuzzily, 1)
    // "john smith" starts at token 5: [CLS] name ? [SEP] date : john → john is token 6.
    XCTAssertEqual(fuzzy.windows[0].startPosition, 6)
    XCTAssertEqual(fuzzy.windows[0].endPosition, 7)
    encoder.maxAnswerEditRatio = 0
    let strict = try encoder.encode([misspelt], documents: [EncodingFixtures.form()])
    XCTAssertEqual(strict.answersNotFound, 1)
    XCTAssertEqual(strict.windows[0].startPosition, 0)
  }

  func testMissingDocumentThrows() throws {
    let encoder = try QAEncoder(tokenizer: try EncodingFixtures.tokenizer())
    XCTAssertThrowsError(try encoder.encode([question], documents: [])) {
      XCTAssertTrue("\($0)".contains("question 9"), "\($0)")
    }
  }
}
