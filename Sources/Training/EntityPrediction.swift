// LayoutLab — word-level entity tags predicted from token logits.

import LayoutData
import LayoutModels
import TensorCore

/// Gold and predicted tags of one document's kept words, with each word's cue tag.
public struct DocumentPrediction: Codable, Hashable, Sendable {
  public var id: String
  public var gold: [String]
  public var predicted: [String]
  /// The cue tag of the entity each word belongs to (synthetic data), or nil.
  public var cues: [String?]

  /// Creates a prediction record.
  public init(id: String, gold: [String], predicted: [String], cues: [String?]) {
    self.id = id
    self.gold = gold
    self.predicted = predicted
    self.cues = cues
  }
}

/// The gold tag of one kept word (what entity scoring needs of a document, and no more).
public struct GoldWord: Hashable, Sendable {
  /// The index in `Document.words`.
  public var wordIndex: Int
  /// The tag, such as `B-QUESTION` or `O`.
  public var tag: String
  /// The cue tag of the word's entity (synthetic data), or nil.
  public var cue: String?
}

/// The documents of a split, encoded, with their gold words. The documents themselves are not
/// kept: memory holds windows and gold tags, and page images stay in `images`' storage.
public struct TokenClassificationSplit {
  /// The documents' ids, in order.
  public var documentIds: [String]
  public var windows: WindowList
  /// Each document's kept words with their gold tags and cues, by document id.
  public var goldWords: [String: [GoldWord]]
  public var images: PageImages

  /// The number of documents.
  public var documentCount: Int { documentIds.count }
  /// The number of windows.
  public var windowCount: Int { windows.count }

  /// Encodes `documents` with `encoder` (one document at a time, into a temporary file when
  /// `windowsOnDisk`); loads page images into `images` storage.
  public init(
    documents: [Document], encoder: TokenClassificationEncoder, images storage: PageImageStorage,
    windowsOnDisk: Bool = false
  ) throws {
    documentIds = documents.map(\.id)
    var builder = try WindowList.Builder(onDisk: windowsOnDisk)
    var words: [String: [GoldWord]] = [:]
    for document in documents {
      try builder.append(contentsOf: encoder.encode([document]).windows)
      var counts = BoxClampCounts()
      var cueOfWord: [Int: String] = [:]
      for entity in document.entities {
        for index in entity.wordIndices { cueOfWord[index] = entity.cue }
      }
      words[document.id] = try encoder.labelScheme.labeledWords(document, counts: &counts).map {
        GoldWord(wordIndex: $0.wordIndex, tag: $0.tag, cue: cueOfWord[$0.wordIndex])
      }
    }
    goldWords = words
    windows = try builder.finish()
    images = try PageImages.load(documents, storage: storage)
  }
}

/// Runs `model` over `split` without recording and turns first-piece argmaxes into word tags.
public func predictEntities(
  model: LayoutLMForTask, split: TokenClassificationSplit, labels: [String], batchSize: Int
) throws -> [DocumentPrediction] {
  var predicted: [String: [Int: String]] = [:]
  let context = ForwardContext(training: false)
  try Autodiff.withoutRecording {
    for start in stride(from: 0, to: split.windows.count, by: batchSize) {
      let windows = try split.windows.windows(start..<min(start + batchSize, split.windows.count))
      let batch = try makeBatch(
        windows, images: split.images, withImages: model.config.usesImage)
      guard let logits = model(batch.inputs, context: context).logits else { continue }
      let (length, classes) = (batch.inputs.sequenceLength, labels.count)
      for (row, window) in windows.enumerated() {
        for t in 0..<window.length
        where window.labels[t] != ignoredLabel && window.wordIndexOfToken[t] >= 0 {
          let base = logits.pointer + (row * length + t) * classes
          var best = 0
          for c in 1..<classes where base[c] > base[best] { best = c }
          let word = Int(window.wordIndexOfToken[t])
          if predicted[window.documentId]?[word] == nil {
            predicted[window.documentId, default: [:]][word] = labels[best]
          }
        }
      }
    }
  }
  return split.documentIds.map { id in
    let words = split.goldWords[id] ?? []
    return DocumentPrediction(
      id: id, gold: words.map(\.tag),
      predicted: words.map { predicted[id]?[$0.wordIndex] ?? "O" }, cues: words.map(\.cue))
  }
}
