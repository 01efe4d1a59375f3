import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

final class TokenClassificationEncoderTests: XCTestCase {
  func testPiecesCarryWordBoxesAndOnlyFirstPieceIsLabelled() throws {
    let encoder = try TokenClassificationEncoder(tokenizer: try EncodingFixtures.tokenizer())
    let (windows, report) = try encoder.encode(EncodingFixtures.form())
    XCTAssertEqual(windows.count, 1)
    let window = windows[0]
    // [CLS] date : john smith 12 ##3 total [SEP]
    XCTAssertEqual(window.inputIds, [2, 5, 6, 8, 9, 12, 13, 10, 3])
    XCTAssertEqual(window.labels, [-100, 3, -100, 5, 6, 0, -100, 0, -100])
    XCTAssertEqual(window.wordIndexOfToken, [-1, 0, 0, 1, 3, 4, 4, 5, -1])
    XCTAssertEqual(window.tokenTypeIds, Array(repeating: 0, count: 9))
    XCTAssertEqual(window.attentionMask, Array(repeating: 1, count: 9))
    XCTAssertEqual(Array(window.bbox[0..<4]), [0, 0, 0, 0])
    XCTAssertEqual(Array(window.bbox[4..<8]), [10, 200, 60, 300])
    XCTAssertEqual(Array(window.bbox[8..<12]), [10, 200, 60, 300])
    XCTAssertEqual(Array(window.bbox[32..<36]), [1000, 1000, 1000, 1000])
    XCTAssertEqual(report.blankWordsDropped, 1)
    XCTAssertEqual(report.words, 5)
  }

  func testZeroSepBoxOption() throws {
    let encoder = try TokenClassificationEncoder(
      tokenizer: try EncodingFixtures.tokenizer(), specialBoxes: .allZeros)
    let window = try encoder.encode(EncodingFixtures.form()).windows[0]
    XCTAssertEqual(Array(window.bbox.suffix(4)), [0, 0, 0, 0])
  }

  func testLongDocumentsSplitIntoWindowsThatCoverEveryWord() throws {
    let tokenizer = try EncodingFixtures.tokenizer()
    let plain = try TokenClassificationEncoder(tokenizer: tokenizer, maxSequenceLength: 5)
    let (windows, _) = try plain.encode(EncodingFixtures.form())
    // Capacity 3 pieces, whole words: [date : john] [smith 12 ##3] [total]
    XCTAssertEqual(
      windows.map { $0.wordIndexOfToken.filter { $0 >= 0 } }, [[0, 0, 1], [3, 4, 4], [5]])
    XCTAssertTrue(windows.allSatisfy { $0.length <= 5 })
    let strided = try TokenClassificationEncoder(
      tokenizer: tokenizer, maxSequenceLength: 5, stride: 1)
    let overlapping = try strided.encode(EncodingFixtures.form()).windows
    // One piece of overlap: a window starts with the previous one's last word when it has one
    // piece ("john", "smith"), not when it has two ("123").
    XCTAssertEqual(
      overlapping.map { Set($0.wordIndexOfToken.filter { $0 >= 0 }) },
      [[0, 1], [1, 3], [3, 4], [5]])
    let seen = Set(overlapping.flatMap(\.wordIndexOfToken).filter { $0 >= 0 })
    XCTAssertEqual(seen, [0, 1, 3, 4, 5])
    XCTAssertEqual(overlapping.map(\.windowIndex), [0, 1, 2, 3])
  }

  func testBadBoxesAreClampedAndCounted() throws {
    var document = EncodingFixtures.form()
    document.words[0].box = BoundingBox(x0: -5, y0: 100, x1: 1200, y1: 150)
    document.words[1].box = BoundingBox(x0: 120, y0: 150, x1: 70, y1: 100)
    document.words[3].box = BoundingBox(x0: .nan, y0: 0, x1: 10, y1: 10)
    let encoder = try TokenClassificationEncoder(tokenizer: try EncodingFixtures.tokenizer())
    let (windows, report) = try encoder.encode(document)
    XCTAssertEqual(report.boxes.outOfPage, 2)
    XCTAssertEqual(report.boxes.inverted, 1)
    XCTAssertEqual(Array(windows[0].bbox[4..<8]), [0, 200, 1000, 300])
    XCTAssertEqual(Array(windows[0].bbox[12..<16]), [120, 300, 120, 300])
    XCTAssertTrue(windows[0].bbox.allSatisfy { (0...1000).contains($0) })
  }

  func testInvalidInputsThrow() throws {
    let tokenizer = try EncodingFixtures.tokenizer()
    XCTAssertThrowsError(try TokenClassificationEncoder(tokenizer: tokenizer, maxSequenceLength: 2))
    XCTAssertThrowsError(
      try TokenClassificationEncoder(tokenizer: tokenizer, maxSequenceLength: 8, stride: 6))
    let encoder = try TokenClassificationEncoder(tokenizer: tokenizer)
    var document = EncodingFixtures.form()
    document.pageWidth = 0
    XCTAssertThrowsError(try encoder.encode(document)) {
      XCTAssertTrue("\($0)".contains("form: page size 0×500"), "\($0)")
    }
    document = EncodingFixtures.form()
    document.entities[0].label = "signature"
    XCTAssertThrowsError(try encoder.encode(document)) {
      XCTAssertTrue("\($0)".contains("entity 0.label 'signature'"), "\($0)")
    }
    document = EncodingFixtures.form()
    document.entities[0].wordIndices = [42]
    XCTAssertThrowsError(try encoder.encode(document))
  }

  func testFUNSDReadingAndEncodingIsFastAndDeterministic() throws {
    let split = try TestPaths.shared("data/funsd/training_data")
    let vocabulary = try TestPaths.shared("data/vocab/bert-base-uncased.txt")
    let start = Date()
    let documents = try FUNSD.read(split: split)
    let encoder = try TokenClassificationEncoder(
      tokenizer: try WordPieceTokenizer(vocabularyFile: vocabulary))
    let (windows, report) = try encoder.encode(documents)
    let seconds = Date().timeIntervalSince(start)
    print(
      "read + encode 149 FUNSD forms: \(String(format: "%.3f", seconds)) s, \(windows.count) windows"
    )
    XCTAssertLessThan(seconds, 10, "reading and encoding must be far cheaper than an epoch")
    XCTAssertEqual(report.documents, 149)
    XCTAssertEqual(report.words, 21_888)
    XCTAssertEqual(report.blankWordsDropped, 22_512 - 21_888)
    XCTAssertEqual(report.boxes, BoxClampCounts())
    XCTAssertGreaterThanOrEqual(windows.count, 149)
    XCTAssertTrue(windows.allSatisfy { $0.length <= 512 })
    let labelled = windows.flatMap(\.labels).filter { $0 != ignoredLabel }.count
    XCTAssertEqual(labelled, 21_888, "every kept word labelled exactly once")
    XCTAssertEqual(try encoder.encode(documents).windows, windows)
  }
}
