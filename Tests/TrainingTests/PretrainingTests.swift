// LayoutLab — pre-training runs for every task mix, writes loadable checkpoints, and resumes
// with exactly the losses of an uninterrupted run.

import Foundation
import LayoutModels
import TensorCore
import XCTest
import _TestSupport

@testable import Training

final class PretrainingTests: XCTestCase {
  func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ll-pretrain-\(UUID())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  func model(v2: Bool, sampler: PretrainingSampler) -> LayoutLMForTask {
    var config = TinyModels.configuration(v2: v2)
    config.vocabSize = sampler.tokenizer.vocabulary.count
    config.maxPositionEmbeddings = 128
    config.hiddenDropoutProb = 0.1
    return LayoutLMForTask(config, task: .pretraining, seed: 3)
  }

  func run(
    _ sampler: PretrainingSampler, v2: Bool, steps: Int, stopAfter: Int? = nil, directory: URL
  ) throws -> [StepRecord] {
    var options = PretrainingRunOptions()
    options.steps = steps
    options.batchSize = 4
    options.sequenceLength = 64
    options.checkpointEvery = 3
    options.learningRate = 1e-3
    return try pretrain(
      model: model(v2: v2, sampler: sampler), sampler: sampler, options: options,
      checkpointDirectory: directory.appendingPathComponent("checkpoint"),
      metricsURL: directory.appendingPathComponent("metrics.jsonl"), stopAfter: stopAfter)
  }

  func testResumedRunEndsWithTheUninterruptedLosses() throws {
    let sampler = try samplerFixture(pages: 12)
    let whole = temporaryDirectory()
    let split = temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(at: whole)
      try? FileManager.default.removeItem(at: split)
    }
    let reference = try run(sampler, v2: true, steps: 8, directory: whole)
    // Stop after step 7: the last checkpoint is at step 6; resuming redoes step 7 and 8.
    _ = try run(sampler, v2: true, steps: 8, stopAfter: 7, directory: split)
    let resumed = try run(sampler, v2: true, steps: 8, directory: split)
    XCTAssertEqual(resumed.count, 8)
    XCTAssertEqual(resumed.map(\.loss), reference.map(\.loss))
    XCTAssertEqual(resumed.last?.tia, reference.last?.tia)
    XCTAssertNotNil(reference.last?.tim)
  }

  func testEveryTaskMixTrainsAndWritesALoadableCheckpoint() throws {
    let mixes: [(Bool, Set<String>)] = [
      (true, ["mvlm"]), (true, ["mvlm", "tia"]), (true, ["mvlm", "tim"]),
      (true, ["mvlm", "tia", "tim"]),
      (false, ["mvlm"]),
    ]
    for (v2, tasks) in mixes {
      var options = v2 ? PretrainingOptions() : PretrainingOptions.v1
      options.mvlm = tasks.contains("mvlm")
      options.tia = tasks.contains("tia")
      options.tim = tasks.contains("tim")
      let sampler = try samplerFixture(pages: 8, options: options)
      let directory = temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: directory) }
      let records = try run(sampler, v2: v2, steps: 3, directory: directory)
      XCTAssertEqual(records.count, 3)
      XCTAssertEqual(records.last?.tia != nil, tasks.contains("tia"), "\(tasks)")
      XCTAssertEqual(records.last?.tim != nil, tasks.contains("tim"), "\(tasks)")
      // The checkpoint fine-tunes: token classification with a fresh head.
      let checkpoint = directory.appendingPathComponent("checkpoint")
      let (tagger, report) = try LayoutLMForTask.load(
        directory: checkpoint, task: .tokenClassification, numLabels: 7)
      XCTAssertEqual(report.freshHead.sorted(), ["classifier.bias", "classifier.weight"])
      XCTAssertTrue(report.skipped.contains { $0.hasPrefix("tia_classifier") })
      XCTAssertEqual(tagger.config.isV2, v2)
      let classifier = try LayoutLMForTask.load(
        directory: checkpoint, task: .sequenceClassification, numLabels: 16)
      XCTAssertFalse(classifier.1.freshHead.isEmpty)
      let qa = try LayoutLMForTask.load(
        directory: checkpoint, task: .questionAnswering, numLabels: 2)
      XCTAssertEqual(qa.1.freshHead.sorted(), ["qa_outputs.bias", "qa_outputs.weight"])
    }
  }

  func testLossCurvesPlotEveryTask() {
    let records = (1...30).map {
      StepRecord(
        step: $0, loss: 3 / Double($0), mvlm: 2 / Double($0), tia: 0.6, tim: nil, learningRate: 1e-3
      )
    }
    let svg = lossCurvesSVG(records, title: "test")
    XCTAssertTrue(svg.hasPrefix("<svg"))
    XCTAssertTrue(svg.contains(">MVLM<"))
    XCTAssertTrue(svg.contains(">TIA<"))
    XCTAssertFalse(svg.contains(">TIM<"))
  }
}
