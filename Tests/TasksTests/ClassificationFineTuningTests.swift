// LayoutLab — the shared fine-tuning loop: a linear probe trains the head and nothing else.

import LayoutData
import LayoutModels
import TensorCore
import XCTest
import _TestSupport

@testable import Tasks
@testable import Training

final class ClassificationFineTuningTests: XCTestCase {
  /// A tiny v1 configuration and the eight documents, tokenised with their own vocabulary.
  func fixture() throws -> (LayoutLMConfiguration, ClassificationSplit) {
    let vocabulary = VocabularyBuilder(vocabularySize: 50, minimumFrequency: 1).build(
      from: ["invoice", "memo", "letter", "report", "page"])
    var config = TinyModels.configuration(v2: false, labels: 4)
    config.vocabSize = vocabulary.count
    return (config, try split(tokenizer: try WordPieceTokenizer(vocabulary: vocabulary)))
  }

  /// Eight one-line documents whose class is their first word.
  func split(tokenizer: WordPieceTokenizer) throws -> ClassificationSplit {
    let words = ["invoice", "memo", "letter", "report"]
    let documents = (0..<8).map { i in
      Document(
        id: "doc\(i)", pageWidth: 100, pageHeight: 100,
        words: [
          Word(text: words[i % 4], box: BoundingBox(x0: 10, y0: 10, x1: 40, y1: 20)),
          Word(text: "page", box: BoundingBox(x0: 50, y0: 10, x1: 80, y1: 20)),
        ],
        classLabel: i % 4)
    }
    return try ClassificationSplit(
      documents: documents,
      encoder: SequenceClassificationEncoder(tokenizer: tokenizer, maxSequenceLength: 16),
      images: .none)
  }

  func parameterValues(_ model: LayoutLMForTask) -> [String: [Float]] {
    Dictionary(uniqueKeysWithValues: model.namedParameters().map { ($0.0, $0.1.array) })
  }

  func testLinearProbeUpdatesOnlyTheHead() throws {
    let (config, data) = try fixture()
    for trainEncoder in [false, true] {
      let model = LayoutLMForTask(config, task: .sequenceClassification, seed: 3)
      let before = parameterValues(model)
      var options = FineTuningOptions()
      options.epochs = 3
      options.batchSize = 4
      options.learningRate = 1e-2
      options.trainEncoder = trainEncoder
      _ = try fineTuneSequenceClassification(
        model: model, train: data, dev: data, test: nil, options: options, seed: 1)
      var changedHead = false
      var changedEncoder = false
      for (name, parameter) in model.namedParameters() where parameter.array != before[name] {
        if isHeadParameter(name) { changedHead = true } else { changedEncoder = true }
      }
      XCTAssertTrue(changedHead, "trainEncoder \(trainEncoder)")
      XCTAssertEqual(changedEncoder, trainEncoder, "trainEncoder \(trainEncoder)")
      // The probe leaves every parameter trainable again afterwards.
      XCTAssertTrue(model.namedParameters().allSatisfy { $0.1.requiresGrad })
    }
  }

  func testProbeThenFineTuneNumbersEpochsAfterTheProbeAndSelectsInTheFullPhase() throws {
    let (config, data) = try fixture()
    let model = LayoutLMForTask(config, task: .sequenceClassification, seed: 3)
    let before = parameterValues(model)
    var options = FineTuningOptions()
    options.epochs = 2
    options.batchSize = 4
    options.learningRate = 1e-2
    options.probeEpochs = 3
    let result = try fineTuneSequenceClassification(
      model: model, train: data, dev: data, test: nil, options: options, seed: 1)
    XCTAssertEqual(result.history.map(\.epoch), [1, 2, 3, 4, 5])
    XCTAssertEqual(result.history.map(\.metric), Array(repeating: .accuracy, count: 5))
    XCTAssertEqual(result.train?.documents, data.documentCount)
    XCTAssertEqual(result.trainPredictions?.map(\.id), try data.windows.all().map(\.documentId))
    XCTAssertTrue((4...5).contains(result.bestEpoch), "best epoch \(result.bestEpoch)")
    XCTAssertEqual(result.steps, 5 * 2)
    // The full phase moved the encoder too.
    XCTAssertTrue(
      model.namedParameters().contains { !isHeadParameter($0.0) && $0.1.array != before[$0.0] })
  }

  func testMaxStepsStopsMidEpochAndScoresDevThere() throws {
    let (config, data) = try fixture()
    let model = LayoutLMForTask(config, task: .sequenceClassification, seed: 3)
    var options = FineTuningOptions()
    options.epochs = 4
    options.batchSize = 4
    options.learningRate = 1e-2
    options.maxSteps = 3  // two batches an epoch: stops after the first batch of epoch 2
    let result = try fineTuneSequenceClassification(
      model: model, train: data, dev: data, test: nil, options: options, seed: 1)
    XCTAssertEqual(result.steps, 3)
    XCTAssertEqual(result.history.map(\.epoch), [1, 2], "dev is scored where the budget ends")
    // Unset, it is not encoded, so configurations from before it keep their hash.
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let plain = String(decoding: try encoder.encode(FineTuningOptions()), as: UTF8.self)
    XCTAssertFalse(plain.contains("maxSteps"))
    let encoded = try encoder.encode(options)
    XCTAssertEqual(try JSONDecoder().decode(FineTuningOptions.self, from: encoded).maxSteps, 3)
  }

  func testEpochRecordsOfOlderResultsDecodeTheirDevF1AsTheMetric() throws {
    let old = #"{"epoch": 4, "meanTrainLoss": 0.25, "devF1": 0.625}"#
    let record = try JSONDecoder().decode(EpochRecord.self, from: Data(old.utf8))
    XCTAssertEqual(record.epoch, 4)
    XCTAssertEqual(record.meanTrainLoss, 0.25)
    XCTAssertEqual(record.devMetric, 0.625)
    XCTAssertNil(record.metric, "older records do not name their metric")
    let current = EpochRecord(epoch: 2, meanTrainLoss: 1.5, devMetric: 0.75, metric: .accuracy)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let text = String(decoding: try encoder.encode(current), as: UTF8.self)
    XCTAssertEqual(
      text, #"{"devMetric":0.75,"epoch":2,"meanTrainLoss":1.5,"metric":"accuracy"}"#)
    XCTAssertEqual(try JSONDecoder().decode(EpochRecord.self, from: Data(text.utf8)), current)
  }
}
