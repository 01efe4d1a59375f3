// LayoutLab — result.json records: older files (dev metric stored as `devF1`, no OCR) still read.

import Foundation
import XCTest

@testable import Experiments

final class RunRecordTests: XCTestCase {
  func testOlderClassificationResultReadsWithItsMetricNamed() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("results-\(UUID())")
    defer { try? FileManager.default.removeItem(at: root) }
    let configuration = String(
      decoding: try JSONEncoder().encode(RunConfiguration()), as: UTF8.self)
    let json = """
      {"experiment": "old", "variant": "v", "seed": 1, "configuration": \(configuration),
       "data": {"trainDocuments": 1, "devDocuments": 2, "testDocuments": 0, "trainWindows": 1,
                "vocabularySize": 10, "source": "synthetic-classify"},
       "classification": {"history": [{"epoch": 1, "meanTrainLoss": 1.5, "devF1": 0.5}],
         "bestEpoch": 1, "dev": {"accuracy": 0.5, "perCue": {}, "documents": 2},
         "devPredictions": [], "steps": 1, "trainSeconds": 1, "evaluationSeconds": 1},
       "timings": {"dataSeconds": 0, "trainSeconds": 1, "evaluationSeconds": 0, "totalSeconds": 1},
       "provenance": {"gitCommit": "abc", "gitDirty": false, "toolchain": "t", "threads": 1,
                      "specHash": "s", "configurationHash": "c", "host": "h"},
       "parameterCount": 5}
      """
    let store = ResultStore(root: root)
    let url = store.resultURL(experiment: "old", variant: "v", seed: 1)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(json.utf8).write(to: url)
    let result = try XCTUnwrap(try store.read(experiment: "old", variant: "v", seed: 1))
    XCTAssertEqual(result.classification?.history.first?.devMetric, 0.5)
    XCTAssertEqual(result.classification?.history.first?.metric, .accuracy)
    XCTAssertNil(result.data.ocr)
    XCTAssertNil(result.classification?.train)
    // Written back, the record has the new names and still no OCR key.
    try store.write(result)
    let text = try String(contentsOf: url, encoding: .utf8)
    XCTAssertTrue(text.contains("\"devMetric\" : 0.5"), text)
    XCTAssertTrue(text.contains("\"metric\" : \"accuracy\""), text)
    XCTAssertFalse(text.contains("devF1"), text)
    XCTAssertFalse(text.contains("\"ocr\""), text)
  }
}

final class RunRecordVersionTests: XCTestCase {
  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID())")
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

  func write(_ text: String) throws -> ResultStore {
    let store = ResultStore(root: root)
    let url = store.resultURL(experiment: "e", variant: "v", seed: 1)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return store
  }

  func testACorruptResultSaysResultAndNamesItsPath() throws {
    let store = try write("{ not json")
    XCTAssertThrowsError(try store.read(experiment: "e", variant: "v", seed: 1)) {
      let message = "\($0)"
      XCTAssertTrue(message.contains("cannot read the result"), message)
      XCTAssertFalse(message.contains("spec"), message)
      XCTAssertTrue(message.contains("e/v/1/result.json"), message)
      XCTAssertTrue($0 is RecordError, message)
    }
  }

  func testANewerVersionIsUnreadableWithItsPath() throws {
    let store = try write(#"{"version": 99}"#)
    XCTAssertThrowsError(try store.read(experiment: "e", variant: "v", seed: 1)) {
      let message = "\($0)"
      XCTAssertTrue(message.contains("e/v/1/result.json: cannot read the result"), message)
      XCTAssertTrue(message.contains("version 99"), message)
    }
  }

  func testRecordsAreWrittenWithTheirVersionAndReadBackUnchanged() throws {
    let provenance = Provenance(
      gitCommit: "abc", gitDirty: false, toolchain: "t", threads: 1, specHash: "s",
      configurationHash: "c", host: "h")
    let record = RunRecord(
      experiment: "e", variant: "v", seed: 1, configuration: RunConfiguration(),
      modelConfiguration: nil,
      data: DataSummary(
        trainDocuments: 1, devDocuments: 1, testDocuments: 0, trainWindows: 1, vocabularySize: 5,
        source: "synthetic-forms"),
      timings: RunTimings(dataSeconds: 0, trainSeconds: 1, evaluationSeconds: 0, totalSeconds: 1),
      provenance: provenance, parameterCount: 3)
    let store = ResultStore(root: root)
    try store.write(record)
    let url = store.resultURL(experiment: "e", variant: "v", seed: 1)
    let text = try String(contentsOf: url, encoding: .utf8)
    XCTAssertTrue(text.contains("\"version\" : \(RunRecord.version)"), text)
    let read = try XCTUnwrap(store.read(experiment: "e", variant: "v", seed: 1))
    XCTAssertNil(read.outcome)
    XCTAssertEqual(read.provenance, provenance)
  }
}
