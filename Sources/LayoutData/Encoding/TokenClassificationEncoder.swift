// LayoutLab — FUNSD-style token classification: words to pieces with boxes and first-piece labels.

/// What the encoder had to fix or drop, summed over documents.
public struct EncodingReport: Sendable, Hashable, Codable {
  /// Documents encoded.
  public var documents = 0
  /// Windows made.
  public var windows = 0
  /// Words kept (non-blank) and encoded.
  public var words = 0
  /// Words whose text is only whitespace, dropped as the reference loaders do.
  public var blankWordsDropped = 0
  /// Words whose text gives no WordPiece token (only control characters, say).
  public var wordsWithoutTokens = 0
  /// Words longer than a whole window; their pieces were cut.
  public var truncatedWords = 0
  /// Boxes clamped during normalisation.
  public var boxes = BoxClampCounts()

  /// Creates an empty report.
  public init() {}

  /// Adds another report.
  public mutating func add(_ other: EncodingReport) {
    documents += other.documents
    windows += other.windows
    words += other.words
    blankWordsDropped += other.blankWordsDropped
    wordsWithoutTokens += other.wordsWithoutTokens
    truncatedWords += other.truncatedWords
    boxes.add(other.boxes)
  }
}

/// Encodes documents for token classification (LayoutLM on FUNSD).
///
/// Each kept word becomes its WordPiece tokens, all with the word's box; the first piece takes
/// the word's label and the others get -100. A window is `[CLS] pieces… [SEP]`, at most
/// `maxSequenceLength` tokens; long documents give several windows so every word is seen.
public struct TokenClassificationEncoder: Sendable {
  /// The WordPiece tokenizer.
  public var tokenizer: WordPieceTokenizer
  /// The label list (FUNSD IOB2 by default).
  public var labelScheme: LabelScheme
  /// T at most, special tokens included (512 for LayoutLM).
  public var maxSequenceLength: Int
  /// Pieces of overlap between consecutive windows (0: none).
  public var stride: Int
  /// Boxes of [CLS], [SEP] and [PAD].
  public var specialBoxes: SpecialTokenBoxes

  /// Creates an encoder; `maxSequenceLength` must be at least 3.
  public init(
    tokenizer: WordPieceTokenizer, labelScheme: LabelScheme = .funsdIOB2,
    maxSequenceLength: Int = 512, stride: Int = 0, specialBoxes: SpecialTokenBoxes = .sepThousands
  ) throws {
    guard maxSequenceLength >= 3 else {
      throw DataFormatError(file: "encoder", entry: "maxSequenceLength", expected: "at least 3")
    }
    guard stride >= 0, stride < maxSequenceLength - 2 else {
      throw DataFormatError(
        file: "encoder", entry: "stride", expected: "0..<\(maxSequenceLength - 2)")
    }
    self.tokenizer = tokenizer
    self.labelScheme = labelScheme
    self.maxSequenceLength = maxSequenceLength
    self.stride = stride
    self.specialBoxes = specialBoxes
  }

  /// The windows of one document, and what was fixed on the way.
  public func encode(_ document: Document) throws -> (
    windows: [EncodedWindow], report: EncodingReport
  ) {
    var report = EncodingReport()
    report.documents = 1
    let labeled = try labelScheme.labeledWords(document, counts: &report.boxes)
    report.blankWordsDropped = document.words.count - labeled.count
    var pieced: [PiecedWord] = []
    pieced.reserveCapacity(labeled.count)
    for word in labeled {
      let pieces = tokenizer.pieces(ofWord: word.text)
      if pieces.isEmpty {
        report.wordsWithoutTokens += 1
        continue
      }
      guard let label = labelScheme.id(of: word.tag) else {
        throw DataFormatError(
          file: document.id, entry: "word \(word.wordIndex) tag \(word.tag)",
          expected: "one of " + labelScheme.labels.joined(separator: ", "))
      }
      pieced.append(
        PiecedWord(wordIndex: word.wordIndex, pieces: pieces, box: word.box, label: label))
    }
    report.words = pieced.count
    let capacity = maxSequenceLength - 2
    let (ranges, truncated) = windowRanges(pieced, capacity: capacity, stride: stride)
    report.truncatedWords = truncated
    var windows: [EncodedWindow] = []
    for (index, range) in (ranges.isEmpty ? [0..<0] : ranges).enumerated() {
      var window = EncodedWindow(documentId: document.id, windowIndex: index)
      window.append(id: tokenizer.clsId, box: specialBoxes.cls)
      for word in pieced[range] {
        for (position, piece) in word.pieces.prefix(capacity).enumerated() {
          window.append(
            id: piece, box: word.box, label: position == 0 ? word.label : ignoredLabel,
            wordIndex: Int32(word.wordIndex))
        }
      }
      window.append(id: tokenizer.sepId, box: specialBoxes.sep)
      window.classLabel = document.classLabel.map { Int32($0) }
      windows.append(window)
    }
    report.windows = windows.count
    return (windows, report)
  }

  /// The windows of many documents in order, with the summed report.
  public func encode(_ documents: [Document]) throws -> (
    windows: [EncodedWindow], report: EncodingReport
  ) {
    var windows: [EncodedWindow] = []
    var report = EncodingReport()
    for document in documents {
      let result = try encode(document)
      windows.append(contentsOf: result.windows)
      report.add(result.report)
    }
    return (windows, report)
  }
}
