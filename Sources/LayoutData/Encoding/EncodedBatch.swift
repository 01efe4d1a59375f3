// LayoutLab — windows collated into padded, flat batch arrays (plus the image tensor).

/// A padded batch of windows as flat row-major arrays, B windows of T tokens.
public struct EncodedBatch: Sendable {
  /// B, the number of windows.
  public var batchSize: Int
  /// T, tokens per row after padding.
  public var sequenceLength: Int
  /// `[B, T]`; padding is the tokenizer's [PAD] id.
  public var inputIds: [Int32]
  /// `[B, T, 4]`; padding gets the [PAD] box.
  public var bbox: [Int32]
  /// `[B, T]`: 1 for real tokens, 0 for padding.
  public var attentionMask: [Int32]
  /// `[B, T]`.
  public var tokenTypeIds: [Int32]
  /// `[B, T]`; -100 for ignored tokens and padding.
  public var labels: [Int32]
  /// `[B, T]`; -1 for special, question and padding tokens.
  public var wordIndexOfToken: [Int32]
  /// QA targets `[B]`, when every window has them.
  public var startPositions: [Int32]?
  /// QA: last answer tokens `[B]`.
  public var endPositions: [Int32]?
  /// Class targets `[B]`, when every window has one.
  public var classLabels: [Int32]?
  /// Page images `[B, 3, 224, 224]` (BGR floats, 0...255), when a pixel loader was given.
  public var images: [Float]?
  /// The document of each row, `[B]`.
  public var documentIds: [String]

  /// The number of floats in one page image: 3 × 224 × 224.
  public static let imageElementCount = 3 * 224 * 224

  /// Pads `windows` to `padTo` tokens (default: the longest window) and stacks them.
  ///
  /// - Parameters:
  ///   - padId: the [PAD] token id.
  ///   - padBox: the box of padding tokens.
  ///   - documents: documents by id, needed only with `pixelLoader`.
  ///   - pixelLoader: turns a document's page into `[3, 224, 224]` floats.
  /// - Throws: `DataFormatError` when a window is longer than `padTo`, a document is missing,
  ///   or the loader returns the wrong number of floats.
  public static func collate(
    _ windows: [EncodedWindow], padTo: Int? = nil, padId: Int32 = 0,
    padBox: NormalizedBox = .zeros, documents: [String: Document] = [:],
    pixelLoader: ((Document) throws -> [Float])? = nil
  ) throws -> EncodedBatch {
    let longest = windows.map(\.length).max() ?? 0
    let length = padTo ?? longest
    if let window = windows.first(where: { $0.length > length }) {
      throw DataFormatError(
        file: window.documentId, entry: "window \(window.windowIndex) of \(window.length) tokens",
        expected: "at most \(length) tokens (padTo)")
    }
    let count = windows.count * length
    var batch = EncodedBatch(
      batchSize: windows.count, sequenceLength: length,
      inputIds: [Int32](repeating: padId, count: count),
      bbox: [Int32](repeating: 0, count: count * 4),
      attentionMask: [Int32](repeating: 0, count: count),
      tokenTypeIds: [Int32](repeating: 0, count: count),
      labels: [Int32](repeating: ignoredLabel, count: count),
      wordIndexOfToken: [Int32](repeating: -1, count: count),
      documentIds: windows.map(\.documentId))
    let padCoordinates = padBox.coordinates
    batch.bbox.withUnsafeMutableBufferPointer { boxes in
      for (row, window) in windows.enumerated() {
        let base = row * length
        window.bbox.withUnsafeBufferPointer { source in
          for index in 0..<source.count { boxes[base * 4 + index] = source[index] }
        }
        for token in window.length..<length {
          for corner in 0..<4 { boxes[(base + token) * 4 + corner] = padCoordinates[corner] }
        }
      }
    }
    for (row, window) in windows.enumerated() {
      let range = (row * length)..<(row * length + window.length)
      batch.inputIds.replaceSubrange(range, with: window.inputIds)
      batch.attentionMask.replaceSubrange(range, with: window.attentionMask)
      batch.tokenTypeIds.replaceSubrange(range, with: window.tokenTypeIds)
      batch.labels.replaceSubrange(range, with: window.labels)
      batch.wordIndexOfToken.replaceSubrange(range, with: window.wordIndexOfToken)
    }
    if windows.allSatisfy({ $0.startPosition != nil && $0.endPosition != nil }), !windows.isEmpty {
      batch.startPositions = windows.map { $0.startPosition ?? 0 }
      batch.endPositions = windows.map { $0.endPosition ?? 0 }
    }
    if windows.allSatisfy({ $0.classLabel != nil }), !windows.isEmpty {
      batch.classLabels = windows.map { $0.classLabel ?? 0 }
    }
    if let pixelLoader {
      var images: [Float] = []
      images.reserveCapacity(windows.count * imageElementCount)
      for window in windows {
        guard let document = documents[window.documentId] else {
          throw DataFormatError(
            file: window.documentId, entry: "documents",
            expected: "the document of every window (needed for its page image)")
        }
        let pixels = try pixelLoader(document)
        guard pixels.count == imageElementCount else {
          throw DataFormatError(
            file: document.imagePath ?? document.id, entry: "page image",
            expected: "\(imageElementCount) floats [3, 224, 224], got \(pixels.count)")
        }
        images.append(contentsOf: pixels)
      }
      batch.images = images
    }
    return batch
  }
}
