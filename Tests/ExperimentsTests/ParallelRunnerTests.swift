// LayoutLab — `run --jobs N`: the thread split, and a real two-worker run that builds each
// stage once, fails only the cells of a broken stage, and matches one-thread metrics.

import Foundation
import XCTest

@testable import Experiments

final class ParallelRunnerTests: SpecFolderTestCase {
  func split(_ requested: Int, _ threads: Int, jobs: Int, threads each: Int) {
    let split = JobSplit(requested: requested, threads: threads)
    XCTAssertEqual(split.jobs, jobs, "--jobs \(requested) on \(threads) threads")
    XCTAssertEqual(split.threadsPerJob, each, "--jobs \(requested) on \(threads) threads")
  }

  func testEveryWorkerGetsTheSameThreadCount() {
    split(2, 2, jobs: 2, threads: 1)
    split(3, 8, jobs: 3, threads: 2)
    split(4, 2, jobs: 2, threads: 1)
    split(1, 16, jobs: 1, threads: 16)
  }

  func testTwoWorkersBuildEachStageOnceAndMatchOneThreadMetrics() throws {
    let empty = root.appendingPathComponent("empty-corpus")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let spec = root.appendingPathComponent("experiments/parallel.json5")
    try Data(
      """
      {
        name: 'parallel',
        base: {
          model: { preset: 'tiny', layers: 1, grid: [2, 2] },
          data: { source: 'synthetic-forms', documents: 20, vocabularySize: 300, maxLength: 64 },
          training: { epochs: 2, batchSize: 4 },
          pretraining: {
            corpus: [{ synthetic: 20, seed: 3 }], steps: 12, batchSize: 2, sequenceLength: 64,
            vocabularySize: 300,
          },
        },
        variants: {
          mvlm: { pretraining: { tasks: ['mvlm'] } },
          tia: { pretraining: { tasks: ['mvlm', 'tia'] } },
          broken: { pretraining: { corpus: ['empty-corpus'] } },
        },
        seeds: [1, 2],
      }
      """.utf8
    ).write(to: spec)
    let reference = root.appendingPathComponent("reference")
    let parallel = root.appendingPathComponent("parallel")
    let one = try runLayoutlab(
      ["run", spec.path, "--results", reference.path], environment: ["LAYOUTLAB_THREADS": "1"])
    let two = try runLayoutlab(
      ["run", spec.path, "--results", parallel.path, "--jobs", "2"],
      environment: ["LAYOUTLAB_THREADS": "2"])
    // The broken stage fails its two cells; the run says so and the others finish.
    for run in [one, two] {
      XCTAssertEqual(run.status, 1, run.output)
      XCTAssertTrue(run.output.contains("2 run(s) failed"), run.output)
    }
    XCTAssertTrue(two.output.contains("2 jobs of 1 thread(s) each"), two.output)
    let store = ResultStore(root: parallel)
    let referenceStore = ResultStore(root: reference)
    for variant in ["mvlm", "tia"] {
      for seed in [1, 2] {
        let result = try XCTUnwrap(
          store.read(experiment: "parallel", variant: variant, seed: seed), "\(variant) \(seed)")
        let expected = try XCTUnwrap(
          referenceStore.read(experiment: "parallel", variant: variant, seed: seed))
        XCTAssertEqual(result.provenance.threads, 1)
        XCTAssertEqual(
          result.fineTuning?.dev.overall.f1, expected.fineTuning?.dev.overall.f1,
          "\(variant) seed \(seed)")
        XCTAssertEqual(
          result.fineTuning?.test?.overall.f1, expected.fineTuning?.test?.overall.f1)
      }
    }
    for seed in [1, 2] {
      let failure = try XCTUnwrap(
        CellFailure.read(
          in: store.resultURL(experiment: "parallel", variant: "broken", seed: seed)
            .deletingLastPathComponent()))
      XCTAssertTrue(failure.error.contains("expected a synthetic dataset"), failure.error)
    }
    // One corpus and two pre-training stages, each built by exactly one worker.
    let stages = StageStore(root: parallel.appendingPathComponent(".stages"))
    XCTAssertEqual(stages.records(.corpus).count, 1)
    XCTAssertEqual(stages.records(.pretraining).count, 2)
    for key in stages.records(.pretraining).map(\.key) {
      let runs = two.output.components(separatedBy: "stage pretraining \(key.prefix(8))")
      let running = runs.filter { $0.hasPrefix(" (") && $0.contains("): running") }
      XCTAssertEqual(running.count, 1, "stage \(key.prefix(8)) ran once:\n\(two.output)")
    }
    XCTAssertTrue(
      FileManager.default.fileExists(
        atPath: parallel.appendingPathComponent("parallel/report.md").path))
  }
}
