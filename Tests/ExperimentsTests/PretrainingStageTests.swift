// LayoutLab — pre-training as a cached stage: built once per distinct setting, shared across
// specs, rerun only when its own settings change, resumed after an interruption.

import Foundation
import XCTest

@testable import Experiments

final class PretrainingStageTests: SpecFolderTestCase {
  func writeSpec(_ name: String, tasks: String) throws -> URL {
    let url = root.appendingPathComponent("experiments/\(name).json5")
    try Data(
      """
      {
        name: '\(name)',
        base: {
          model: { preset: 'tiny', layers: 1, grid: [2, 2] },
          data: { source: 'synthetic-forms', documents: 20, vocabularySize: 300, maxLength: 64 },
          training: { epochs: 1, batchSize: 4 },
          pretraining: {
            corpus: [{ synthetic: 20, seed: 3 }], steps: 3, batchSize: 2, sequenceLength: 64,
            vocabularySize: 300, checkpointEvery: 1,
          },
        },
        axes: { 'pretraining.tasks': \(tasks) },
        seeds: [1, 2],
      }
      """.utf8
    ).write(to: url)
    return url
  }

  func options(_ overrides: [String] = []) -> RunnerOptions {
    var options = RunnerOptions(
      resultsRoot: root.appendingPathComponent("results"), repository: root)
    options.overrides = overrides
    return options
  }

  func metrics(_ spec: URL, _ name: String) throws -> [String: Double] {
    let store = ResultStore(root: root.appendingPathComponent("results"))
    var found: [String: Double] = [:]
    for plan in try ExperimentSpec.load(contentsOf: spec).plans() {
      let result = try XCTUnwrap(
        store.read(experiment: name, variant: plan.variant, seed: plan.seed))
      found["\(plan.variant)/\(plan.seed)"] = try XCTUnwrap(result.fineTuning).dev.overall.f1
    }
    return found
  }

  func testStagesRunOnceAreSharedAcrossSpecsAndRerunOnlyWhenTheirSettingsChange() throws {
    let first = try writeSpec("first", tasks: "[['mvlm'], ['mvlm', 'tia']]")
    let a = try runExperiment(specURL: first, options: options(), log: { _ in })
    XCTAssertEqual(a.ran.count, 4)
    XCTAssertEqual(a.stagesRan.count, 2, "one stage per pre-training setting, shared by seeds")
    XCTAssertTrue(a.failed.isEmpty, "\(a.failed)")
    // A second spec sharing the MVLM setting reuses its stage: no pre-training step runs.
    let second = try writeSpec("second", tasks: "[['mvlm']]")
    let b = try runExperiment(specURL: second, options: options(), log: { _ in })
    XCTAssertEqual(b.ran.count, 2)
    XCTAssertEqual(b.stagesRan, [])
    XCTAssertEqual(try metrics(second, "second")["mvlm/1"], try metrics(first, "first")["mvlm/1"])
    // A fine-tuning setting reruns the fine-tuning cells only.
    let c = try runExperiment(
      specURL: first, options: options(["training.learningRate=1e-3"]), log: { _ in })
    XCTAssertEqual(c.ran.count, 4)
    XCTAssertEqual(c.stagesRan, [])
    // --only runs the matching cells alone.
    try FileManager.default.removeItem(at: root.appendingPathComponent("results/first"))
    let d = try runExperiment(specURL: first, options: options().withOnly("*tia"), log: { _ in })
    XCTAssertEqual(Set(d.ran.map(\.variant)), ["mvlm+tia"])
    XCTAssertEqual(d.stagesRan, [])
  }

  func testAChangedPretrainingSettingRerunsItsStageAndDependantsOnly() throws {
    let spec = try writeSpec("first", tasks: "[['mvlm'], ['mvlm', 'tia']]")
    _ = try runExperiment(specURL: spec, options: options(), log: { _ in })
    // Every stage.json records the code that made it; under other code the stages are stale,
    // and reused even with --rerun-stale (which reruns the cells).
    let stages = StageStore(root: root.appendingPathComponent("results/.stages"))
    for record in stages.records(.corpus) + stages.records(.pretraining) {
      XCTAssertEqual(record.provenance.sourceDigest, options().sourceDigest)
    }
    var otherCode = options()
    otherCode.sourceDigest = "other-code"
    otherCode.rerunStale = true
    let stalePlan = try planExperiment(specURL: spec, options: otherCode)
    XCTAssertEqual(stalePlan.stages.map(\.state), [.done, .done])
    XCTAssertTrue(stalePlan.stages.allSatisfy { $0.origin?.isStale == true })
    XCTAssertTrue(stalePlan.cells.allSatisfy { $0.state == .stale })
    XCTAssertTrue(stalePlan.planText.contains("cached, stale (made by "), stalePlan.planText)
    let changed = try writeSpec("first", tasks: "[['mvlm'], ['mvlm', 'tia', 'tim']]")
    let run = try runExperiment(specURL: changed, options: options(), log: { _ in })
    XCTAssertEqual(run.stagesRan.count, 1, "only the changed stage runs")
    XCTAssertEqual(Set(run.ran.map(\.variant)), ["mvlm+tia+tim"])
    XCTAssertEqual(run.skipped.count, 2)
  }

  func testAnInterruptedStageResumesAndGivesTheSameMetrics() throws {
    let spec = try writeSpec("first", tasks: "[['mvlm', 'tia']]")
    _ = try runExperiment(specURL: spec, options: options(), log: { _ in })
    let reference = try metrics(spec, "first")
    // Simulate a kill during the stage: its folder goes back to `.partial`, with the
    // checkpoints of a finished attempt and the running.json of a dead process, and the
    // fine-tuning results go.
    let stages = StageStore(root: root.appendingPathComponent("results/.stages"))
    let key = try XCTUnwrap(stages.records(.pretraining).first).key
    let partial = stages.partialDirectory(.pretraining, key: key)
    try FileManager.default.moveItem(at: stages.directory(.pretraining, key: key), to: partial)
    try FileManager.default.removeItem(at: partial.appendingPathComponent("stage.json"))
    var dead = StageActivity(pid: Int32.max - 1, label: "killed", started: Date(), updated: Date())
    dead.step = 2
    dead.totalSteps = 3
    dead.write(in: partial)
    try FileManager.default.removeItem(at: root.appendingPathComponent("results/first"))
    let plan = try planExperiment(specURL: spec, options: options())
    XCTAssertEqual(plan.stages.first?.state, .interrupted)
    XCTAssertTrue(plan.statusText.contains("process gone"), plan.statusText)
    let resumed = try runExperiment(specURL: spec, options: options(), log: { _ in })
    XCTAssertEqual(resumed.stagesRan, [key])
    XCTAssertEqual(try metrics(spec, "first"), reference)
    XCTAssertFalse(FileManager.default.fileExists(atPath: partial.path))
  }
}

extension RunnerOptions {
  func withOnly(_ pattern: String) -> RunnerOptions {
    var copy = self
    copy.only = pattern
    return copy
  }
}
