// LayoutLab — word tags for entity labelling: IOB2 (LayoutLMv2, HF) and BIOES (LayoutLM v1).

/// The tagging scheme for entity words.
public enum TaggingScheme: String, Sendable, CaseIterable {
  /// `B-X` on an entity's first word, `I-X` on the rest.
  case iob2
  /// `S-X` for a one-word entity; otherwise `B-X`, `I-X`…, `E-X`.
  case bioes
}

/// The label list of a token-classification task; a label's id is its index in `labels`.
public struct LabelScheme: Sendable, Hashable {
  /// IOB2 or BIOES.
  public let scheme: TaggingScheme
  /// Entity types in upper case (`HEADER`, `QUESTION`, `ANSWER`); entity label `other` is `O`.
  public let entityTypes: [String]
  /// All labels in id order.
  public let labels: [String]
  private let idByLabel: [String: Int32]

  /// Creates a scheme. IOB2 orders labels as `O, B-T1, I-T1, B-T2, …` (HF's `funsd` builder);
  /// BIOES uses the sorted set of all tags plus `O` (LayoutLM v1's `labels.txt`).
  public init(scheme: TaggingScheme, entityTypes: [String]) {
    self.scheme = scheme
    self.entityTypes = entityTypes.map { $0.uppercased() }
    switch scheme {
    case .iob2:
      labels = ["O"] + self.entityTypes.flatMap { ["B-\($0)", "I-\($0)"] }
    case .bioes:
      labels =
        (["O"] + self.entityTypes.flatMap { type in ["B", "I", "E", "S"].map { "\($0)-\(type)" } })
        .sorted()
    }
    var map: [String: Int32] = [:]
    for (index, label) in labels.enumerated() { map[label] = Int32(index) }
    idByLabel = map
  }

  /// FUNSD with IOB2: `O, B-HEADER, I-HEADER, B-QUESTION, I-QUESTION, B-ANSWER, I-ANSWER`.
  public static let funsdIOB2 = LabelScheme(
    scheme: .iob2, entityTypes: ["HEADER", "QUESTION", "ANSWER"])
  /// FUNSD with BIOES, as LayoutLM v1's FUNSD recipe.
  public static let funsdBIOES = LabelScheme(
    scheme: .bioes, entityTypes: ["HEADER", "QUESTION", "ANSWER"])

  /// The id of `label`, or `nil` when it is not in the list.
  public func id(of label: String) -> Int32? { idByLabel[label] }

  /// The tags of one entity's `count` words.
  public func tags(entityType: String, count: Int) -> [String] {
    guard count > 0 else { return [] }
    switch scheme {
    case .iob2:
      return ["B-\(entityType)"] + Array(repeating: "I-\(entityType)", count: count - 1)
    case .bioes:
      if count == 1 { return ["S-\(entityType)"] }
      return ["B-\(entityType)"] + Array(repeating: "I-\(entityType)", count: count - 2)
        + ["E-\(entityType)"]
    }
  }
}

/// A word kept for encoding, with its normalised box and tag.
public struct LabeledWord: Sendable, Hashable {
  /// The index in `Document.words`.
  public var wordIndex: Int
  /// The word text.
  public var text: String
  /// The box on the 0...1000 grid.
  public var box: NormalizedBox
  /// The tag, such as `B-QUESTION` or `O`.
  public var tag: String
}

extension LabelScheme {
  /// The words of `document` that the reference loaders keep (text not only whitespace), in
  /// document order, with boxes normalised by the page size and tags from the entities.
  ///
  /// Entity label `other` (and words outside every entity) give `O`; an entity's tags count only
  /// its kept words. An entity label that is neither `other` nor one of `entityTypes` throws.
  public func labeledWords(_ document: Document, counts: inout BoxClampCounts) throws
    -> [LabeledWord]
  {
    var normalizer = try BoxNormalizer(
      pageWidth: document.pageWidth, pageHeight: document.pageHeight, source: document.id)
    var tagOfWord = [String?](repeating: nil, count: document.words.count)
    for entity in document.entities {
      let kept = entity.wordIndices.filter {
        document.words.indices.contains($0) && !isBlank(document.words[$0].text)
      }
      guard entity.wordIndices.allSatisfy({ document.words.indices.contains($0) }) else {
        throw DataFormatError(
          file: document.id, entry: "entity \(entity.id).wordIndices",
          expected: "indices below \(document.words.count)")
      }
      let type = entity.label.uppercased()
      if type == "OTHER" || type == "O" { continue }
      guard entityTypes.contains(type) else {
        throw DataFormatError(
          file: document.id, entry: "entity \(entity.id).label '\(entity.label)'",
          expected: "other or one of " + entityTypes.map { $0.lowercased() }.joined(separator: ", ")
        )
      }
      for (index, tag) in zip(kept, tags(entityType: type, count: kept.count)) {
        tagOfWord[index] = tag
      }
    }
    var words: [LabeledWord] = []
    words.reserveCapacity(document.words.count)
    for (index, word) in document.words.enumerated() where !isBlank(word.text) {
      words.append(
        LabeledWord(
          wordIndex: index, text: word.text, box: normalizer.normalize(word.box),
          tag: tagOfWord[index] ?? "O"))
    }
    counts.add(normalizer.counts)
    return words
  }
}

/// Whether `text` is empty after stripping whitespace (Python's `text.strip() == ""`).
func isBlank(_ text: String) -> Bool {
  text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
}
