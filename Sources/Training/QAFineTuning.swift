// LayoutLab — extractive QA splits and prediction: questions → windows → decoded answers.

import LayoutData
import LayoutModels
import TensorCore

/// The questions of one split with their pages, encoded into windows.
public struct QASplit {
  /// The pages the questions are about.
  public let documents: [Document]
  /// The questions, in encoding order.
  public var questions: [Question]
  /// Windows and what the encoder found (answers found, not found, outside every window).
  public var encoding: QAEncoding
  /// Page images, by document id (empty without visual tokens).
  public var images: PageImages

  /// The number of pages.
  public var documentCount: Int { documents.count }

  /// The number of windows.
  public var windowCount: Int { encoding.windows.count }

  /// Every window of every question, `[W]`.
  public var windows: [EncodedWindow] { encoding.windows }

  /// Each page's OCR words, by document id.
  private let wordsByPage: [String: [Word]]

  /// The OCR words of the page `documentId` (none for an unknown page).
  public func words(of documentId: String) -> [Word] { wordsByPage[documentId] ?? [] }

  /// Encodes `questions` against `documents`; loads page images into `images` storage.
  public init(
    documents: [Document], questions: [Question], encoder: QAEncoder,
    images storage: PageImageStorage
  ) throws {
    self.documents = documents
    wordsByPage = Dictionary(
      documents.map { ($0.id, $0.words) }, uniquingKeysWith: { _, last in last })
    self.questions = questions
    encoding = try encoder.encode(questions, documents: documents)
    images = try PageImages.load(documents, storage: storage)
  }
}

/// Decodes every question of `split` (in question order) without recording: the windows run in
/// batches of `batchSize`, then each question's windows are combined (`QAOptions`).
public func predictAnswers(
  model: LayoutLMForTask, split: QASplit, options: QAOptions, batchSize: Int
) throws -> [AnswerPrediction] {
  var spans: [Int: [WindowSpan]] = [:]
  let context = ForwardContext(training: false)
  try Autodiff.withoutRecording {
    for first in stride(from: 0, to: split.windows.count, by: batchSize) {
      let windows = Array(split.windows[first..<min(first + batchSize, split.windows.count)])
      let batch = try makeBatch(
        windows, images: split.images, withImages: model.config.usesImage)
      let output = model(batch.inputs, context: context)
      guard let start = output.startLogits, let end = output.endLogits else {
        throw TrainingStateError.missing("start and end logits (is the model a QA model?)")
      }
      let length = start.shape[1]
      for (row, window) in windows.enumerated() {
        guard let questionId = window.questionId else { continue }
        spans[questionId, default: []].append(
          bestSpan(
            start: start.pointer + row * length, end: end.pointer + row * length, window: window,
            options: options))
      }
    }
  }
  return split.questions.map { question in
    combineWindows(
      spans[question.questionId] ?? [], questionId: question.questionId,
      documentId: question.documentId, words: split.words(of: question.documentId),
      options: options)
  }
}
