import Foundation

@testable import LayoutData

/// A tiny vocabulary and documents for encoder tests that need no shared data.
enum EncodingFixtures {
  static func tokenizer() throws -> WordPieceTokenizer {
    let tokens = [
      "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "date", ":", "name", "john", "smith", "total",
      "$", "12", "##3", "what", "is", "the", "?", "page", "2",
    ]
    return try WordPieceTokenizer(vocabulary: WordPieceVocabulary(tokens: tokens))
  }

  /// A 1000×500 page: "Date: John Smith 123 Total" with a question, an answer and an other.
  static func form() -> Document {
    func box(_ x0: Double, _ x1: Double) -> BoundingBox {
      BoundingBox(x0: x0, y0: 100, x1: x1, y1: 150)
    }
    return Document(
      id: "form", pageWidth: 1000, pageHeight: 500,
      words: [
        Word(text: "Date:", box: box(10, 60)), Word(text: "John", box: box(70, 120)),
        Word(text: " ", box: box(0, 1)), Word(text: "Smith", box: box(130, 180)),
        Word(text: "123", box: box(190, 230)), Word(text: "Total", box: box(240, 290)),
      ],
      entities: [
        Entity(id: 0, label: "question", wordIndices: [0], box: box(10, 60)),
        Entity(id: 1, label: "answer", wordIndices: [1, 2, 3], box: box(70, 180)),
        Entity(id: 2, label: "other", wordIndices: [4, 5], box: box(190, 290)),
      ])
  }
}
