// LayoutLab — document classification (RVL-CDIP): `[CLS] tokens[:T-2] [SEP]` with the class.

/// Encodes a whole document into one window for classification, as LayoutLM v1's RVL-CDIP
/// recipe: the first `maxSequenceLength - 2` pieces in reading order, then [SEP]. Labels are
/// all -100; the target is `classLabel`.
public struct SequenceClassificationEncoder: Sendable {
  /// The WordPiece tokenizer.
  public var tokenizer: WordPieceTokenizer
  /// T at most, special tokens included.
  public var maxSequenceLength: Int
  /// Boxes of [CLS], [SEP] and [PAD].
  public var specialBoxes: SpecialTokenBoxes

  /// Creates an encoder; `maxSequenceLength` must be at least 2.
  public init(
    tokenizer: WordPieceTokenizer, maxSequenceLength: Int = 512,
    specialBoxes: SpecialTokenBoxes = .sepThousands
  ) throws {
    guard maxSequenceLength >= 2 else {
      throw DataFormatError(file: "encoder", entry: "maxSequenceLength", expected: "at least 2")
    }
    self.tokenizer = tokenizer
    self.maxSequenceLength = maxSequenceLength
    self.specialBoxes = specialBoxes
  }

  /// The single window of `document`; a document without `classLabel` throws.
  public func encode(_ document: Document) throws -> (window: EncodedWindow, report: EncodingReport)
  {
    guard let classLabel = document.classLabel else {
      throw DataFormatError(file: document.id, entry: "classLabel", expected: "a document class")
    }
    var report = EncodingReport()
    report.documents = 1
    report.windows = 1
    var normalizer = try BoxNormalizer(
      pageWidth: document.pageWidth, pageHeight: document.pageHeight, source: document.id)
    var window = EncodedWindow(documentId: document.id, windowIndex: 0)
    window.classLabel = Int32(classLabel)
    window.append(id: tokenizer.clsId, box: specialBoxes.cls)
    let capacity = maxSequenceLength - 2
    var used = 0
    for (index, word) in document.words.enumerated() {
      if isBlank(word.text) {
        report.blankWordsDropped += 1
        continue
      }
      let box = normalizer.normalize(word.box)
      let pieces = tokenizer.pieces(ofWord: word.text)
      if pieces.isEmpty { report.wordsWithoutTokens += 1 }
      report.words += 1
      for piece in pieces where used < capacity {
        window.append(id: piece, box: box, wordIndex: Int32(index))
        used += 1
      }
    }
    window.append(id: tokenizer.sepId, box: specialBoxes.sep)
    report.boxes = normalizer.counts
    return (window, report)
  }
}
