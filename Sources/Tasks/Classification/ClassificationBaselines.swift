// LayoutLab — trivial document-classification baselines on the same splits: the majority class
// and a bag-of-words nearest centroid.

import Evaluation
import Foundation
import LayoutData
import Training

/// One classification baseline's accuracy on a data configuration's dev (and test) split.
public struct ClassificationBaselineScores: Codable, Hashable, Sendable {
  public var name: String
  public var description: String
  public var dev: ClassificationScores
  public var test: ClassificationScores?
}

/// Predicts the most frequent class of the training pages for every page (ties: the lower id).
struct MajorityClassBaseline {
  var majority: Int

  init(training: [Document]) {
    var counts: [Int: Int] = [:]
    for document in training { counts[document.classLabel ?? -1, default: 0] += 1 }
    majority = counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0
  }

  func predict(_ document: Document) -> Int { majority }
}

/// A bag-of-words nearest centroid: each page is its lower-cased words' tf-idf vector
/// (term count × log((1 + N) / (1 + document frequency)) + 1 over the N training pages),
/// L2-normalised; a class's centroid is the mean of its training vectors, and a page gets the
/// class whose centroid has the highest cosine (ties: the lower id). A page without known
/// words gets the majority class.
struct NearestCentroidBaseline {
  var idf: [String: Double] = [:]
  /// Class id → L2-normalised centroid.
  var centroids: [(label: Int, vector: [String: Double])] = []
  var fallback: MajorityClassBaseline

  init(training: [Document]) {
    fallback = MajorityClassBaseline(training: training)
    var frequency: [String: Int] = [:]
    for document in training {
      for term in Set(Self.terms(document)) { frequency[term, default: 0] += 1 }
    }
    let count = Double(training.count)
    for (term, pages) in frequency { idf[term] = log((1 + count) / (1 + Double(pages))) + 1 }
    var sums: [Int: [String: Double]] = [:]
    for document in training {
      let label = document.classLabel ?? -1
      for (term, weight) in vector(document) {
        sums[label, default: [:]][term, default: 0] += weight
      }
    }
    centroids = sums.keys.sorted().map { ($0, Self.normalized(sums[$0] ?? [:])) }
  }

  static func terms(_ document: Document) -> [String] {
    document.words.map { $0.text.lowercased() }
  }

  static func normalized(_ vector: [String: Double]) -> [String: Double] {
    let norm = vector.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return norm > 0 ? vector.mapValues { $0 / norm } : vector
  }

  /// The page's normalised tf-idf vector over the training vocabulary.
  func vector(_ document: Document) -> [String: Double] {
    var counts: [String: Double] = [:]
    for term in Self.terms(document) where idf[term] != nil { counts[term, default: 0] += 1 }
    return Self.normalized(counts.reduce(into: [:]) { $0[$1.key] = $1.value * (idf[$1.key] ?? 0) })
  }

  func predict(_ document: Document) -> Int {
    let page = vector(document)
    guard !page.isEmpty else { return fallback.predict(document) }
    var best: (label: Int, cosine: Double)?
    for centroid in centroids {
      let cosine = page.reduce(0) { $0 + $1.value * (centroid.vector[$1.key] ?? 0) }
      if best.map({ cosine > $0.cosine }) ?? true { best = (centroid.label, cosine) }
    }
    return best?.label ?? fallback.predict(document)
  }
}

/// Scores the majority-class and nearest-centroid baselines (fitted on `documents.train`) on
/// the dev and test splits.
func computeClassificationBaselines(_ documents: PreparedDocuments)
  -> [ClassificationBaselineScores]
{
  let majority = MajorityClassBaseline(training: documents.train)
  let centroid = NearestCentroidBaseline(training: documents.train)
  let baselines: [(String, String, (Document) -> Int)] = [
    (
      "majority class", "every page gets the training split's most frequent class", majority.predict
    ),
    (
      "nearest centroid",
      "lower-cased word tf-idf, cosine to each class's mean training vector", centroid.predict
    ),
  ]
  func score(_ split: [Document], _ predict: (Document) -> Int) -> ClassificationScores {
    ClassificationScores(
      split.map {
        ClassPrediction(id: $0.id, gold: $0.classLabel ?? -1, predicted: predict($0), cue: $0.cue)
      })
  }
  return baselines.map { name, description, predict in
    ClassificationBaselineScores(
      name: name, description: description, dev: score(documents.dev, predict),
      test: documents.test.isEmpty ? nil : score(documents.test, predict))
  }
}
