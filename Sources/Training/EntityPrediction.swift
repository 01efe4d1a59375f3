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

/// The documents of a split, encoded, with their gold words.
public struct TokenClassificationSplit {
  public var documents: [Document]
  public var windows: [EncodedWindow]
  public var labeledWords: [String: [LabeledWord]]
  public var images: PageImages

  /// Encodes `documents` with `encoder`; loads page images when `withImages`.
  public init(documents: [Document], encoder: TokenClassificationEncoder, withImages: Bool) throws {
    self.documents = documents
    windows = try encoder.encode(documents).windows
    var words: [String: [LabeledWord]] = [:]
    for document in documents {
      var counts = BoxClampCounts()
      words[document.id] = try encoder.labelScheme.labeledWords(document, counts: &counts)
    }
    labeledWords = words
    images = withImages ? try PageImages.load(documents).0 : .none
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
      let windows = Array(split.windows[start..<min(start + batchSize, split.windows.count)])
      let batch = try makeBatch(
        windows, images: split.images, withImages: model.config.visualTokens)
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
  return split.documents.map { document in
    let words = split.labeledWords[document.id] ?? []
    var cueOfWord: [Int: String] = [:]
    for entity in document.entities {
      for index in entity.wordIndices { cueOfWord[index] = entity.cue }
    }
    return DocumentPrediction(
      id: document.id, gold: words.map(\.tag),
      predicted: words.map { predicted[document.id]?[$0.wordIndex] ?? "O" },
      cues: words.map { cueOfWord[$0.wordIndex] })
  }
}
