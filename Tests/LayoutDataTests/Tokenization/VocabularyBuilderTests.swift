import Foundation
import XCTest

@testable import LayoutData

final class VocabularyBuilderTests: XCTestCase {
  let corpus = ["low lower lowest", "new newer newest", "low low new wide wider widest"]

  func testLearnsMergesAndStartsWithSpecialsAndAlphabet() throws {
    let vocabulary = VocabularyBuilder(vocabularySize: 40).build(from: corpus)
    XCTAssertEqual(
      Array(vocabulary.tokens.prefix(5)), ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])
    XCTAssertTrue(vocabulary.tokens.contains("l"))
    XCTAssertTrue(vocabulary.tokens.contains("##o"))
    XCTAssertTrue(vocabulary.tokens.contains("low"), "\(vocabulary.tokens)")
    XCTAssertLessThanOrEqual(vocabulary.count, 40)
    XCTAssertEqual(Set(vocabulary.tokens).count, vocabulary.count, "no duplicates")
    let tokenizer = try WordPieceTokenizer(vocabulary: vocabulary)
    XCTAssertEqual(tokenizer.tokenize("low"), ["low"])
    XCTAssertFalse(tokenizer.tokenize("widest").contains("[UNK]"))
  }

  func testIsDeterministic() {
    let builder = VocabularyBuilder(vocabularySize: 60, minimumFrequency: 1)
    let first = builder.build(from: corpus).tokens
    for _ in 0..<3 { XCTAssertEqual(builder.build(from: corpus).tokens, first) }
    XCTAssertEqual(builder.build(from: corpus.reversed()).tokens, first)
  }

  func testRoundTripsThroughVocabFile() throws {
    let vocabulary = VocabularyBuilder(vocabularySize: 30).build(from: corpus)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("vocab-\(UUID()).txt")
    defer { try? FileManager.default.removeItem(at: file) }
    try vocabulary.write(to: file)
    XCTAssertEqual(try WordPieceVocabulary(file: file).tokens, vocabulary.tokens)
  }
}
