// LayoutLab — document-classification accuracy of a split, overall and per cue tag.

/// One document's gold and predicted class, with its cue tag.
public struct ClassPrediction: Codable, Hashable, Sendable {
  /// The document id.
  public var id: String
  /// The gold class index.
  public var gold: Int
  /// The predicted class index.
  public var predicted: Int
  /// The document's cue tag (synthetic data), or nil.
  public var cue: String?

  /// Creates a prediction.
  public init(id: String, gold: Int, predicted: Int, cue: String? = nil) {
    self.id = id
    self.gold = gold
    self.predicted = predicted
    self.cue = cue
  }
}

/// Accuracy of a split, overall and per cue tag.
public struct ClassificationScores: Codable, Hashable, Sendable {
  /// Correct documents over all documents (0 without documents).
  public var accuracy: Double
  /// The accuracy of the documents of each cue tag.
  public var perCue: [String: Double]
  /// The documents scored.
  public var documents: Int

  /// Scores `predictions`.
  public init(_ predictions: [ClassPrediction]) {
    func accuracy(_ items: [ClassPrediction]) -> Double {
      items.isEmpty
        ? 0 : Double(items.filter { $0.gold == $0.predicted }.count) / Double(items.count)
    }
    self.accuracy = accuracy(predictions)
    var cues: [String: Double] = [:]
    for cue in Set(predictions.compactMap(\.cue)) {
      cues[cue] = accuracy(predictions.filter { $0.cue == cue })
    }
    perCue = cues
    documents = predictions.count
  }
}
