// LayoutLab — the in-memory document: a page, its words and lines, entities, links and labels.

/// An axis-aligned box in pixel coordinates of its page: (x0, y0) top-left, (x1, y1)
/// bottom-right, origin at the page's top-left corner.
public struct BoundingBox: Codable, Hashable, Sendable {
  public var x0: Double
  public var y0: Double
  public var x1: Double
  public var y1: Double

  /// Creates a box from its corners.
  public init(x0: Double, y0: Double, x1: Double, y1: Double) {
    self.x0 = x0
    self.y0 = y0
    self.x1 = x1
    self.y1 = y1
  }

  /// The smallest box that holds every box in `boxes`; `nil` for none.
  public static func union<S: Sequence>(_ boxes: S) -> BoundingBox? where S.Element == BoundingBox {
    var result: BoundingBox?
    for box in boxes {
      guard let current = result else {
        result = box
        continue
      }
      result = BoundingBox(
        x0: min(current.x0, box.x0), y0: min(current.y0, box.y0), x1: max(current.x1, box.x1),
        y1: max(current.y1, box.y1))
    }
    return result
  }
}

/// One OCR or annotated word.
public struct Word: Codable, Hashable, Sendable {
  public var text: String
  public var box: BoundingBox

  /// Creates a word.
  public init(text: String, box: BoundingBox) {
    self.text = text
    self.box = box
  }
}

/// A line of text: an ordered run of words, as OCR groups them.
public struct TextLine: Codable, Hashable, Sendable {
  public var text: String
  public var box: BoundingBox
  /// Indices into `Document.words`.
  public var wordIndices: [Int]

  /// Creates a line.
  public init(text: String, box: BoundingBox, wordIndices: [Int]) {
    self.text = text
    self.box = box
    self.wordIndices = wordIndices
  }
}

/// A labelled span of words (a FUNSD entity: header, question, answer or other).
public struct Entity: Codable, Hashable, Sendable {
  /// The entity's id within its document (FUNSD's `id`).
  public var id: Int
  /// The label, such as `question`.
  public var label: String
  /// Indices into `Document.words`, in reading order.
  public var wordIndices: [Int]
  public var box: BoundingBox
  /// The synthetic cue tag (`text`, `layout` or `visual`) that decides this entity, if any.
  public var cue: String?

  /// Creates an entity.
  public init(id: Int, label: String, wordIndices: [Int], box: BoundingBox, cue: String? = nil) {
    self.id = id
    self.label = label
    self.wordIndices = wordIndices
    self.box = box
    self.cue = cue
  }
}

/// A directed link between two entities (FUNSD's `linking`: question → answer), counted once.
public struct EntityLink: Codable, Hashable, Sendable {
  public var from: Int
  public var to: Int

  /// Creates a link between entity ids.
  public init(from: Int, to: Int) {
    self.from = from
    self.to = to
  }
}

/// One page with everything the readers know about it.
public struct Document: Codable, Hashable, Sendable {
  /// The file stem or dataset id.
  public var id: String
  /// Page size in pixels; boxes are normalised by it.
  public var pageWidth: Int
  public var pageHeight: Int
  public var words: [Word]
  public var lines: [TextLine]
  public var entities: [Entity]
  public var links: [EntityLink]
  /// The page image on disk, if there is one.
  public var imagePath: String?
  /// The document class (RVL-CDIP id 0..15), if labelled.
  public var classLabel: Int?
  /// The synthetic cue tag for the whole document (classification), if any.
  public var cue: String?

  /// Creates a document.
  public init(
    id: String, pageWidth: Int, pageHeight: Int, words: [Word] = [], lines: [TextLine] = [],
    entities: [Entity] = [], links: [EntityLink] = [], imagePath: String? = nil,
    classLabel: Int? = nil, cue: String? = nil
  ) {
    self.id = id
    self.pageWidth = pageWidth
    self.pageHeight = pageHeight
    self.words = words
    self.lines = lines
    self.entities = entities
    self.links = links
    self.imagePath = imagePath
    self.classLabel = classLabel
    self.cue = cue
  }
}

/// An extractive question about one document (DocVQA).
public struct Question: Codable, Hashable, Sendable {
  public var questionId: Int
  public var text: String
  /// Accepted answers; empty for a test question.
  public var answers: [String]
  /// The document (image) the question is about.
  public var documentId: String
  /// The synthetic cue tag, if any.
  public var cue: String?

  /// Creates a question.
  public init(
    questionId: Int, text: String, answers: [String], documentId: String, cue: String? = nil
  ) {
    self.questionId = questionId
    self.text = text
    self.answers = answers
    self.documentId = documentId
    self.cue = cue
  }
}
