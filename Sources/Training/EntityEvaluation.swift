// LayoutLab — word-level predictions from token logits, scored as seqeval entity F1.

import Evaluation
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

/// Precision, recall and F1 of one group.
public struct F1Score: Codable, Hashable, Sendable {
  public var precision: Double
  public var recall: Double
  public var f1: Double
  /// Gold entities in the group.
  public var support: Int
}

/// Entity scores of a split: overall (micro), per label, and per cue tag.
public struct EntityScores: Codable, Hashable, Sendable {
  public var overall: F1Score
  public var perLabel: [String: F1Score]
  /// Per cue: F1 on the words of entities with that cue (other words masked to `O` in gold and
  /// prediction alike).
  public var perCue: [String: F1Score]
  public var documents: Int
}

/// Scores `predictions` with seqeval's default (conlleval) mode.
public func scoreEntities(_ predictions: [DocumentPrediction]) throws -> EntityScores {
  let report = try entityF1(gold: predictions.map(\.gold), predicted: predictions.map(\.predicted))
  var perLabel: [String: F1Score] = [:]
  for row in report.perType {
    perLabel[row.type] = F1Score(
      precision: row.scores.precision, recall: row.scores.recall, f1: row.scores.f1,
      support: row.counts.gold)
  }
  var perCue: [String: F1Score] = [:]
  let cues = Set(predictions.flatMap { $0.cues.compactMap { $0 } })
  for cue in cues.sorted() {
    let masked = predictions.map { document in
      zip(document.cues, zip(document.gold, document.predicted)).map { wordCue, tags in
        wordCue == cue ? tags : ("O", "O")
      }
    }
    let cueReport = try entityF1(
      gold: masked.map { $0.map(\.0) }, predicted: masked.map { $0.map(\.1) })
    perCue[cue] = F1Score(
      precision: cueReport.micro.precision, recall: cueReport.micro.recall, f1: cueReport.micro.f1,
      support: cueReport.totals.gold)
  }
  return EntityScores(
    overall: F1Score(
      precision: report.micro.precision, recall: report.micro.recall, f1: report.micro.f1,
      support: report.totals.gold), perLabel: perLabel, perCue: perCue, documents: predictions.count
  )
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
