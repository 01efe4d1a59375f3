// LayoutLab — a fourth task plugs in by conforming to `DocumentTask` in one file and registering
// once: "how many words does the page have" (three buckets), classified from synthetic pages, run
// through the executor, recorded under its own key and read back.

import Evaluation
import Foundation
import LayoutData
import LayoutModels
import Tasks
import Training
import XCTest

@testable import Experiments

/// The toy task's record section.
struct WordCountOutcome: TaskOutcome {
  static var recordKey: String { "wordCountBucket" }
  var bestEpoch: Int
  var dev: ClassificationScores
  var test: ClassificationScores?
  var trainSeconds: Double
  var evaluationSeconds: Double
  var headline: String { Self.headline("accuracy", dev: dev.accuracy, test: test?.accuracy) }
}

/// Predicts a page's word-count bucket (under 8 words, 8 to 15, 16 or more) from its text and
/// layout: sequence classification over generated pages.
struct WordCountBucketTask: DocumentTask {
  var name: FineTuningTask { FineTuningTask(rawValue: "word-count-bucket") }
  var documentNoun: String { "pages" }
  var head: TaskKind { .sequenceClassification }
  var labelCount: Int { 3 }

  static func bucket(_ words: Int) -> Int { words < 8 ? 0 : words < 16 ? 1 : 2 }

  func prepare(_ settings: TaskSettings, environment: TaskEnvironment) throws
    -> PreparedDocuments
  {
    let pages = (0..<settings.data.documents).map { index -> Document in
      let count = (index * 7) % 22 + 2
      let words = (0..<count).map { word -> Word in
        let x = Double(word % 6) * 100
        let y = Double(word / 6) * 40
        return Word(
          text: "w\((index + word) % 9)", box: BoundingBox(x0: x, y0: y, x1: x + 80, y1: y + 30))
      }
      return Document(
        id: String(format: "page%03d", index), pageWidth: 1000, pageHeight: 1000, words: words,
        classLabel: Self.bucket(count))
    }
    let (train, dev) = carveDevSplit(pages, settings.data)
    return PreparedDocuments(train: train, dev: dev, test: [])
  }

  func encoder(
    _ settings: TaskSettings, documents: PreparedDocuments, tokenizer: WordPieceTokenizer,
    images: PageImageStorage, environment: TaskEnvironment
  ) throws -> ([Document]) throws -> ClassificationSplit {
    let encoder = try SequenceClassificationEncoder(
      tokenizer: tokenizer, maxSequenceLength: settings.data.maxLength)
    return { try ClassificationSplit(documents: $0, encoder: encoder, images: images) }
  }

  func predict(model: LayoutLMForTask, split: ClassificationSplit, settings: TaskSettings) throws
    -> [ClassPrediction]
  {
    try predictClasses(model: model, split: split, batchSize: 8)
  }

  func score(_ predictions: [ClassPrediction]) throws -> Double {
    ClassificationScores(predictions).accuracy
  }

  func fineTune(
    model: LayoutLMForTask, train: ClassificationSplit, dev: ClassificationSplit,
    test: ClassificationSplit?, settings: TaskSettings, seed: UInt64,
    progress: (TrainingEvent) -> Void
  ) throws -> WordCountOutcome {
    let run = try trainSelectingOnDev(
      model: model, windows: train.windows, images: train.images, options: settings.training,
      seed: seed, metric: .accuracy, progress: progress
    ) {
      let predictions = try predict(model: model, split: dev, settings: settings)
      return (try score(predictions), predictions)
    }
    let testScores = try test.map {
      ClassificationScores(try predict(model: model, split: $0, settings: settings))
    }
    return WordCountOutcome(
      bestEpoch: run.bestEpoch, dev: ClassificationScores(run.bestPredictions), test: testScores,
      trainSeconds: run.trainSeconds, evaluationSeconds: run.evaluationSeconds)
  }
}

final class ToyTaskTests: XCTestCase {
  func testAFourthTaskRunsThroughTheExecutorAndItsRecordReadsBack() throws {
    let task = WordCountBucketTask()
    TaskRegistry.register(task)
    defer { TaskRegistry.remove(named: task.name) }
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("toytask-\(UUID())")
    defer { try? FileManager.default.removeItem(at: root) }
    var configuration = RunConfiguration()
    configuration.task = FineTuningTask(rawValue: "word-count-bucket")
    configuration.model.preset = .tiny
    configuration.model.version = .v1
    configuration.model.layers = 1
    configuration.data.documents = 30
    configuration.data.maxLength = 32
    configuration.data.vocabularySize = 100
    configuration.training.epochs = 1
    configuration.training.batchSize = 4
    let plan = RunPlan(variant: "toy", seed: 1, configuration: configuration)
    let result = try executeRun(
      plan, experiment: "toy", specHash: "spec", configurationHash: "hash",
      sourceDigest: "digest", cache: root.appendingPathComponent("cache"), repository: root,
      label: "toy/1")
    let outcome = try XCTUnwrap(result.outcome as? WordCountOutcome)
    XCTAssertEqual(outcome.dev.documents, 6)
    XCTAssertEqual(result.data.trainDocuments, 24)
    XCTAssertTrue(result.headline.hasPrefix("dev accuracy "), result.headline)
    XCTAssertNil(result.fineTuning)
    XCTAssertNil(result.classification)

    // The record keeps the section under the task's key, and reads back as the toy's outcome.
    let store = ResultStore(root: root.appendingPathComponent("results"))
    try store.write(result)
    let text = try String(
      contentsOf: store.resultURL(experiment: "toy", variant: "toy", seed: 1), encoding: .utf8)
    XCTAssertTrue(text.contains("\"wordCountBucket\""), text)
    let read = try XCTUnwrap(store.read(experiment: "toy", variant: "toy", seed: 1))
    XCTAssertEqual((read.outcome as? WordCountOutcome)?.dev, outcome.dev)
    XCTAssertEqual(read.configuration.task.rawValue, "word-count-bucket")
  }
}
