// LayoutLab — the task metrics `compare` reads from a stored run, with their per-item scores.

import Experiments
import Foundation
import Tasks
import XCTest

@testable import Reporting

final class RunMetricsTests: XCTestCase {
  func testClassificationRunsGiveAccuracyPerSplitWithPerPageItems() throws {
    let json = """
      {"experiment": "demo", "variant": "v1", "seed": 1, "configuration": {},
       "classification": {"bestEpoch": 1,
         "dev": {"accuracy": 0.5, "perCue": {}, "documents": 2},
         "test": {"accuracy": 1, "perCue": {}, "documents": 1},
         "devPredictions": [{"id": "p1", "gold": 3, "predicted": 3},
                            {"id": "p2", "gold": 4, "predicted": 1}]},
       "timings": {"totalSeconds": 5, "trainSeconds": 4},
       "provenance": {"gitCommit": "unknown", "gitDirty": false, "threads": 2,
                      "specHash": "feedface", "toolchain": "Swift 6.3"},
       "data": {"trainDocuments": 1, "devDocuments": 2, "testDocuments": 1, "source": "rvlcdip"},
       "parameterCount": 9}
      """
    let run = try RecordFixture.decode(json)
    let metrics = try runMetrics(run)
    XCTAssertEqual(metrics.map(\.name), ["dev accuracy", "test accuracy"])
    XCTAssertEqual(metrics.map(\.value), [0.5, 1])
    let dev = try XCTUnwrap(metrics[0].items)
    XCTAssertEqual(dev.ids, ["p1", "p2"])
    XCTAssertEqual(dev.statistics.values, [1, 0])
    XCTAssertEqual(metrics[0].statistic.value(of: dev.statistics), 0.5)
    XCTAssertNil(metrics[1].items, "no test predictions stored: no bootstrap")
  }

  func testEntityRunsGiveMicroF1ItemsPerDocument() throws {
    let fixtures = ComparisonFixtures()
    defer { fixtures.remove() }
    let folder = try fixtures.writeRun(experiment: "a", variant: "v1", seed: 1, missed: [1])
    let run = try XCTUnwrap(
      try ExperimentResults.read(experimentDirectory: folder, variantOrder: []).runs.first)
    let metric = try XCTUnwrap(try runMetrics(run).first)
    XCTAssertEqual(metric.name, "dev entity F1")
    XCTAssertEqual(metric.unit, "document")
    let items = try XCTUnwrap(metric.items)
    XCTAssertEqual(items.statistics.width, 3)
    XCTAssertEqual(metric.statistic.value(of: items.statistics), metric.value, accuracy: 1e-12)
  }
}
