// LayoutLab — fine-tuning for document classification: accuracy on dev selects the epoch.

import Evaluation
import Foundation
import LayoutData
import LayoutModels
import TensorCore
import Training

/// What classification fine-tuning produced.
public struct ClassificationFineTuningResult: Codable, Sendable {
  public var history: [EpochRecord]
  public var bestEpoch: Int
  public var dev: ClassificationScores
  public var test: ClassificationScores?
  public var devPredictions: [ClassPrediction]
  public var testPredictions: [ClassPrediction]?
  /// The selected model on its own training pages (how well it fits them); absent in older
  /// results.
  public var train: ClassificationScores? = nil
  public var trainPredictions: [ClassPrediction]? = nil
  public var steps: Int
  public var trainSeconds: Double
  public var evaluationSeconds: Double
}

/// Encoded documents of one split for classification (one window each).
public struct ClassificationSplit {
  /// Each document's cue tag (synthetic data), or nil, in order; the documents themselves are
  /// not kept.
  public var cues: [String?]
  public var windows: WindowList
  public var images: PageImages

  /// The number of documents.
  public var documentCount: Int { cues.count }
  /// The number of windows (one a document).
  public var windowCount: Int { windows.count }

  /// Encodes `documents` (into a temporary file when `windowsOnDisk`); loads page images into
  /// `images` storage.
  public init(
    documents: [Document], encoder: SequenceClassificationEncoder, images storage: PageImageStorage,
    windowsOnDisk: Bool = false
  ) throws {
    cues = documents.map(\.cue)
    var builder = try WindowList.Builder(onDisk: windowsOnDisk)
    for document in documents { try builder.append(contentsOf: [encoder.encode(document).window]) }
    windows = try builder.finish()
    images = try PageImages.load(documents, storage: storage)
  }
}

/// Predicts each document's class without recording.
public func predictClasses(model: LayoutLMForTask, split: ClassificationSplit, batchSize: Int)
  throws
  -> [ClassPrediction]
{
  var result: [ClassPrediction] = []
  let context = ForwardContext(training: false)
  try Autodiff.withoutRecording {
    for start in stride(from: 0, to: split.windows.count, by: batchSize) {
      let windows = try split.windows.windows(start..<min(start + batchSize, split.windows.count))
      let batch = try makeBatch(
        windows, images: split.images, withImages: model.config.usesImage)
      guard let logits = model(batch.inputs, context: context).logits else { continue }
      let classes = logits.shape[1]
      for (row, window) in windows.enumerated() {
        let base = logits.pointer + row * classes
        var best = 0
        for c in 1..<classes where base[c] > base[best] { best = c }
        result.append(
          ClassPrediction(
            id: window.documentId, gold: Int(window.classLabel ?? -1), predicted: best,
            cue: split.cues[start + row]))
      }
    }
  }
  return result
}

/// Fine-tunes a sequence-classification model, keeps the epoch with the best dev accuracy and
/// scores `test` (and the training pages, for the fit) with it (never selecting on test).
public func fineTuneSequenceClassification(
  model: LayoutLMForTask, train: ClassificationSplit, dev: ClassificationSplit,
  test: ClassificationSplit?, options: FineTuningOptions, seed: UInt64,
  progress: (TrainingEvent) -> Void = { _ in }
) throws -> ClassificationFineTuningResult {
  let run = try trainSelectingOnDev(
    model: model, windows: train.windows, images: train.images, options: options, seed: seed,
    metric: .accuracy, progress: progress
  ) {
    let predictions = try predictClasses(model: model, split: dev, batchSize: 16)
    return (ClassificationScores(predictions).accuracy, predictions)
  }
  var evaluationSeconds = run.evaluationSeconds
  let evalStart = Date()
  let testPredictions = try test.map { try predictClasses(model: model, split: $0, batchSize: 16) }
  let trainPredictions = try predictClasses(model: model, split: train, batchSize: 16)
  evaluationSeconds += Date().timeIntervalSince(evalStart)
  return ClassificationFineTuningResult(
    history: run.history, bestEpoch: run.bestEpoch, dev: ClassificationScores(run.bestPredictions),
    test: testPredictions.map(ClassificationScores.init), devPredictions: run.bestPredictions,
    testPredictions: testPredictions, train: ClassificationScores(trainPredictions),
    trainPredictions: trainPredictions, steps: run.steps, trainSeconds: run.trainSeconds,
    evaluationSeconds: evaluationSeconds)
}
