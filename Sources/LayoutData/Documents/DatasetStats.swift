// LayoutLab — dataset statistics: counts of documents, words, entities, links, questions, classes.

import Foundation

/// What `data stats` reports about a dataset.
public struct DatasetStats: Codable, Hashable, Sendable {
  /// The dataset format (`funsd`, `docvqa`, `rvlcdip`).
  public var format: String
  /// Documents (pages).
  public var documents = 0
  /// All words, blank ones included (FUNSD's official count).
  public var words = 0
  /// Entities (FUNSD).
  public var entities = 0
  /// Entities per label, such as `question`.
  public var entitiesPerLabel: [String: Int] = [:]
  /// Links, each counted once.
  public var links = 0
  /// DocVQA: questions, pages with OCR, and answers found among the OCR words.
  public var questions: Int?
  /// DocVQA: pages that have an OCR file.
  public var documentsWithOCR: Int?
  /// DocVQA: questions on pages with OCR whose answer was found in the words.
  public var answersFoundInOCR: Int?
  /// DocVQA: questions on pages with OCR whose answer was not found.
  public var answersNotFoundInOCR: Int?
  /// RVL-CDIP: documents per class name, in class order.
  public var classes: [String: Int]?
  /// Pages whose image file is missing.
  public var missingImages = 0
  /// Synthetic cue tags (`text`, `layout`, `visual`) of entities, questions and documents; empty
  /// for real data.
  public var cues: [String: Int] = [:]

  /// Creates empty stats for a format.
  public init(format: String) { self.format = format }

  /// Counts the documents (and DocVQA questions) of a dataset.
  public static func compute(
    documents: [Document], format: DatasetFormat, questions: [Question]? = nil,
    documentsWithOCR: Set<String>? = nil
  ) -> DatasetStats {
    var stats = DatasetStats(format: format.rawValue)
    stats.documents = documents.count
    for document in documents {
      stats.words += document.words.count
      stats.entities += document.entities.count
      stats.links += document.links.count
      for entity in document.entities {
        stats.entitiesPerLabel[entity.label, default: 0] += 1
        if let cue = entity.cue { stats.cues[cue, default: 0] += 1 }
      }
      if let cue = document.cue { stats.cues[cue, default: 0] += 1 }
      if document.imagePath == nil { stats.missingImages += 1 }
    }
    if format == .rvlcdip {
      var classes: [String: Int] = [:]
      for document in documents {
        if let label = document.classLabel, RVLCDIP.classNames.indices.contains(label) {
          classes[RVLCDIP.classNames[label], default: 0] += 1
        }
      }
      stats.classes = classes
    }
    if let questions {
      for question in questions { if let cue = question.cue { stats.cues[cue, default: 0] += 1 } }
      stats.questions = questions.count
      let withOCR = documentsWithOCR ?? []
      stats.documentsWithOCR = withOCR.count
      var byId: [String: Document] = [:]
      for document in documents { byId[document.id] = document }
      var found = 0
      var notFound = 0
      for question in questions
      where !question.answers.isEmpty && withOCR.contains(question.documentId) {
        let words = byId[question.documentId]?.words ?? []
        if AnswerSpan.find(answers: question.answers, in: words) != nil {
          found += 1
        } else {
          notFound += 1
        }
      }
      stats.answersFoundInOCR = found
      stats.answersNotFoundInOCR = notFound
    }
    return stats
  }
}
