import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

final class WordPieceTokenizerTests: XCTestCase {
  static func bertTokenizer() throws -> WordPieceTokenizer {
    try WordPieceTokenizer(vocabularyFile: try TestPaths.shared("data/vocab/bert-base-uncased.txt"))
  }

  static func reference() throws -> [String: Any] {
    let data = try Data(
      contentsOf: TestPaths.fixture("LayoutDataTests/Fixtures/wordpiece-bert-uncased.json"))
    return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  func testSpecialIdsMatchTheVocabulary() throws {
    let tokenizer = try Self.bertTokenizer()
    XCTAssertEqual(tokenizer.vocabulary.count, 30522)
    XCTAssertEqual(tokenizer.padId, 0)
    XCTAssertEqual(tokenizer.unknownId, 100)
    XCTAssertEqual(tokenizer.clsId, 101)
    XCTAssertEqual(tokenizer.sepId, 102)
  }

  func testEveryReferenceCase() throws {
    let tokenizer = try Self.bertTokenizer()
    let cases = try XCTUnwrap(Self.reference()["cases"] as? [[String: Any]])
    XCTAssertEqual(cases.count, 20)
    for item in cases {
      let text = try XCTUnwrap(item["text"] as? String)
      let tokens = try XCTUnwrap(item["tokens"] as? [String])
      let ids = try XCTUnwrap(item["ids"] as? [Int]).map { Int32($0) }
      XCTAssertEqual(tokenizer.tokenize(text), tokens, "tokens of \(text.debugDescription)")
      XCTAssertEqual(tokenizer.encode(text), ids, "ids of \(text.debugDescription)")
    }
  }

  func testFUNSDAlignmentMatchesReference() throws {
    let tokenizer = try Self.bertTokenizer()
    let forms = try XCTUnwrap(Self.reference()["funsd_aligned"] as? [[String: Any]])
    XCTAssertEqual(forms.count, 12)
    let documents = try FUNSD.read(split: try TestPaths.shared("data/funsd/training_data"))
    let byId = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0) })
    for form in forms {
      let id = try XCTUnwrap(form["id"] as? String)
      let document = try XCTUnwrap(byId[id])
      var counts = BoxClampCounts()
      let words = try LabelScheme.funsdIOB2.labeledWords(document, counts: &counts)
      XCTAssertEqual(words.map(\.text), try XCTUnwrap(form["words"] as? [String]), id)
      var ids: [Int32] = []
      var boxes: [[Int32]] = []
      var labels: [String] = []
      for word in words {
        let pieces = tokenizer.pieces(ofWord: word.text)
        for (position, piece) in pieces.enumerated() {
          ids.append(piece)
          boxes.append(word.box.coordinates)
          labels.append(position == 0 ? word.tag : "IGNORE")
        }
      }
      XCTAssertEqual(ids, try XCTUnwrap(form["input_ids"] as? [Int]).map { Int32($0) }, id)
      XCTAssertEqual(
        boxes, try XCTUnwrap(form["bboxes"] as? [[Int]]).map { $0.map { Int32($0) } }, id)
      XCTAssertEqual(labels, try XCTUnwrap(form["labels"] as? [String]), id)
    }
  }

  func testLongWordIsUnknownAndUnmatchedPieceMakesWholeWordUnknown() throws {
    let vocabulary = WordPieceVocabulary(tokens: [
      "[PAD]", "[UNK]", "[CLS]", "[SEP]", "ab", "##c", "a",
    ])
    let tokenizer = try WordPieceTokenizer(vocabulary: vocabulary)
    XCTAssertEqual(tokenizer.tokenize("abc"), ["ab", "##c"])
    XCTAssertEqual(tokenizer.tokenize("abd"), ["[UNK]"])
    XCTAssertEqual(tokenizer.tokenize(String(repeating: "a", count: 101)), ["[UNK]"])
    XCTAssertEqual(tokenizer.tokenize("a [SEP]"), ["a", "[SEP]"])
  }

  func testVocabularyWithoutSpecialTokensThrows() {
    XCTAssertThrowsError(try WordPieceTokenizer(vocabulary: WordPieceVocabulary(tokens: ["a"]))) {
      XCTAssertTrue("\($0)".contains("[UNK]"), "\($0)")
    }
  }

  func testEmptyVocabularyFileThrowsNamingIt() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "empty-vocab-\(UUID()).txt")
    try Data().write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    XCTAssertThrowsError(try WordPieceVocabulary(file: file)) {
      XCTAssertTrue("\($0)".contains(file.lastPathComponent), "\($0)")
    }
  }
}
