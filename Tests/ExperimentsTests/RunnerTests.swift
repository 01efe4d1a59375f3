// LayoutLab — `layoutlab run` killed with SIGKILL at several moments resumes to the metrics of
// an uninterrupted run, with no partial stage output and no finished stage rerun.

import Foundation
import XCTest
import _TestSupport

@testable import Experiments

final class RunnerTests: SpecFolderTestCase {
  func metrics(_ spec: URL, results: URL) throws -> [String: Double] {
    let store = ResultStore(root: results)
    var found: [String: Double] = [:]
    for plan in try ExperimentSpec.load(contentsOf: spec).plans() {
      let result = try XCTUnwrap(
        store.read(experiment: "killed", variant: plan.variant, seed: plan.seed))
      found["\(plan.variant)/\(plan.seed)"] = try XCTUnwrap(result.fineTuning).dev.overall.f1
    }
    return found
  }

  /// Waits until `condition` holds (polling), up to `timeout` seconds.
  func wait(_ timeout: Double, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(timeout)
    while Date() < end {
      if condition() { return true }
      usleep(20_000)
    }
    return false
  }

  func testKilledRunsResumeToTheUninterruptedMetrics() throws {
    let executable = try builtLayoutlab()
    let spec = root.appendingPathComponent("experiments/killed.json5")
    try Data(
      """
      {
        name: 'killed',
        base: {
          model: { preset: 'tiny', layers: 1, grid: [2, 2] },
          data: { source: 'synthetic-forms', documents: 20, vocabularySize: 300, maxLength: 64 },
          training: { epochs: 2, batchSize: 4 },
          pretraining: {
            corpus: [{ synthetic: 20, seed: 3 }], steps: 40, batchSize: 2, sequenceLength: 64,
            vocabularySize: 300, checkpointEvery: 5,
          },
        },
        axes: { 'pretraining.tasks': [['mvlm', 'tia']] },
        seeds: [1, 2],
      }
      """.utf8
    ).write(to: spec)
    let reference = root.appendingPathComponent("reference")
    var options = RunnerOptions(resultsRoot: reference, repository: root)
    _ = try runExperiment(specURL: spec, options: options, log: { _ in })
    let expected = try metrics(spec, results: reference)

    let results = root.appendingPathComponent("results")
    let stages = StageStore(root: results.appendingPathComponent(".stages"))
    let store = ResultStore(root: results)
    func stageStep() -> Int {
      guard let key = stages.records(.pretraining).first?.key ?? partialKey() else { return 0 }
      return stages.activity(.pretraining, key: key)?.step ?? 0
    }
    func partialKey() -> String? {
      let folder = results.appendingPathComponent(".stages/pretraining")
      return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .first { $0.hasSuffix(".partial") }.map { String($0.dropLast(".partial".count)) }
    }
    func finishedCells() -> Int {
      [1, 2].filter {
        FileManager.default.fileExists(
          atPath: store.resultURL(experiment: "killed", variant: "mvlm+tia", seed: $0).path)
      }.count
    }
    // Kill points: twice inside the pre-training stage, once in the first fine-tuning cell.
    let killPoints: [(String, () -> Bool)] = [
      ("stage step 8", { stageStep() >= 8 }),
      ("stage step 22", { stageStep() >= 22 }),
      (
        "first cell training",
        {
          stages.records(.pretraining).count == 1
            && StageActivity.read(
              in: store.resultURL(experiment: "killed", variant: "mvlm+tia", seed: 1)
                .deletingLastPathComponent()) != nil
        }
      ),
    ]
    var stageRecordDate: Date?
    for (name, condition) in killPoints {
      let process = Process()
      process.executableURL = executable
      process.arguments = ["run", spec.path, "--results", results.path]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      let reached = wait(120, condition)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      XCTAssertTrue(reached, "the run never reached \(name)")
      XCTAssertEqual(process.terminationReason, .uncaughtSignal, name)
      // Nothing half-written is visible under a finished key.
      for record in stages.records(.pretraining) {
        let folder = stages.directory(.pretraining, key: record.key)
        XCTAssertTrue(
          FileManager.default.fileExists(
            atPath: folder.appendingPathComponent("model.safetensors").path))
        let date = try folder.appendingPathComponent("stage.json").resourceValues(
          forKeys: [.contentModificationDateKey]
        ).contentModificationDate
        if stageRecordDate == nil { stageRecordDate = date }
        XCTAssertEqual(date, stageRecordDate, "a finished stage was rewritten")
      }
    }
    XCTAssertEqual(finishedCells(), 0, "killed before any cell finished")
    options.resultsRoot = results
    let resumed = try runExperiment(specURL: spec, options: options, log: { _ in })
    XCTAssertEqual(resumed.stagesRan, [], "the finished stage did not rerun")
    XCTAssertEqual(resumed.ran.count, 2)
    XCTAssertEqual(try metrics(spec, results: results), expected)
    XCTAssertNil(partialKey(), "no partial stage left behind")
  }
}
