// LayoutLab — one encoded window of a document: token ids, boxes, masks, labels.

/// The boxes given to special tokens.
public struct SpecialTokenBoxes: Sendable, Hashable {
  /// The box of [CLS].
  public var cls: NormalizedBox
  /// The box of [SEP].
  public var sep: NormalizedBox
  /// The box of [PAD].
  public var pad: NormalizedBox

  /// Creates a convention.
  public init(cls: NormalizedBox, sep: NormalizedBox, pad: NormalizedBox) {
    self.cls = cls
    self.sep = sep
    self.pad = pad
  }

  /// LayoutLM v1 and the HF tokenizers: [CLS] and [PAD] zeros, [SEP] `[1000, 1000, 1000, 1000]`.
  public static let sepThousands = SpecialTokenBoxes(cls: .zeros, sep: .thousands, pad: .zeros)
  /// unilm's v2 FUNSD script and the paper: every special token gets zeros.
  public static let allZeros = SpecialTokenBoxes(cls: .zeros, sep: .zeros, pad: .zeros)
}

/// The label id of tokens that the loss ignores (PyTorch's `ignore_index`).
public let ignoredLabel: Int32 = -100

/// One window of a document, unpadded: T tokens with everything the model takes.
public struct EncodedWindow: Sendable, Hashable {
  /// The document this window comes from.
  public var documentId: String
  /// The window's position among its document's windows (0 for the first).
  public var windowIndex: Int
  /// Token ids, `[T]`.
  public var inputIds: [Int32] = []
  /// Boxes on the 0...1000 grid, `[T, 4]` flat as (x0, y0, x1, y1).
  public var bbox: [Int32] = []
  /// 1 for real tokens, `[T]` (all ones before padding).
  public var attentionMask: [Int32] = []
  /// Segment ids, `[T]`: 0 for segment A, 1 for segment B (QA context).
  public var tokenTypeIds: [Int32] = []
  /// Token labels, `[T]`; `ignoredLabel` (-100) for special tokens and non-first pieces.
  public var labels: [Int32] = []
  /// The index in `Document.words` that each token comes from, `[T]`; -1 for special and
  /// question tokens.
  public var wordIndexOfToken: [Int32] = []
  /// QA: the answer span's first and last token in this window (0, 0 when it is not inside).
  public var startPosition: Int32?
  /// QA: the last token of the answer span (inclusive).
  public var endPosition: Int32?
  /// QA: the question this window answers.
  public var questionId: Int?
  /// Classification: the document class.
  public var classLabel: Int32?

  /// Creates an empty window.
  public init(documentId: String, windowIndex: Int) {
    self.documentId = documentId
    self.windowIndex = windowIndex
  }

  /// The number of tokens T.
  public var length: Int { inputIds.count }

  /// Appends one token.
  mutating func append(
    id: Int32, box: NormalizedBox, tokenType: Int32 = 0, label: Int32 = ignoredLabel,
    wordIndex: Int32 = -1
  ) {
    inputIds.append(id)
    bbox.append(contentsOf: [box.x0, box.y0, box.x1, box.y1])
    attentionMask.append(1)
    tokenTypeIds.append(tokenType)
    labels.append(label)
    wordIndexOfToken.append(wordIndex)
  }
}

/// A word's pieces, ready to be placed in windows.
struct PiecedWord {
  var wordIndex: Int
  var pieces: [Int32]
  var box: NormalizedBox
  var label: Int32
}

/// Splits words into consecutive windows of at most `capacity` pieces, never splitting a word
/// unless it alone is longer than `capacity` (then its pieces are cut and it is counted).
/// With `stride` > 0, each window after the first starts with the last whole words of the
/// previous one that fit in `stride` pieces, so context overlaps. Every word is in a window.
func windowRanges(_ words: [PiecedWord], capacity: Int, stride: Int) -> (
  ranges: [Range<Int>], truncatedWords: Int
) {
  var ranges: [Range<Int>] = []
  var truncated = 0
  var start = 0
  while start < words.count {
    var end = start
    var used = 0
    while end < words.count, used + words[end].pieces.count <= capacity {
      used += words[end].pieces.count
      end += 1
    }
    if end == start {
      truncated += 1
      end = start + 1
    }
    ranges.append(start..<end)
    if end >= words.count { break }
    var next = end
    if stride > 0 {
      var overlap = 0
      while next - 1 > start, overlap + words[next - 1].pieces.count <= stride {
        overlap += words[next - 1].pieces.count
        next -= 1
      }
    }
    start = next
  }
  return (ranges, truncated)
}
