// LayoutLab — results know their code: a cached result made by other sources is "stale" in
// `plan` and `status`, reused by `run`, and rerun by `run --rerun-stale`, exactly those cells.

import Foundation
import XCTest

@testable import Experiments

final class StaleResultsTests: SpecFolderTestCase {
  func writeSpec(seeds: String = "[1, 2, 3]") throws -> URL {
    let url = root.appendingPathComponent("experiments/stale.json5")
    try Data(
      """
      {
        name: 'sweep',
        base: {
          model: { preset: 'tiny', layers: 1, grid: [2, 2] },
          data: { source: 'synthetic-forms', documents: 12, vocabularySize: 200, maxLength: 32 },
          training: { epochs: 1, batchSize: 4 },
        },
        seeds: \(seeds),
      }
      """.utf8
    ).write(to: url)
    return url
  }

  /// Options whose running code has the source digest `digest` (as if the sources changed).
  func options(_ digest: String, rerunStale: Bool = false) -> RunnerOptions {
    var options = RunnerOptions(
      resultsRoot: root.appendingPathComponent("results"), repository: root)
    options.sourceDigest = digest
    options.rerunStale = rerunStale
    return options
  }

  /// The line of `text` about seed `seed`.
  func line(_ text: String, seed: Int) throws -> String {
    try XCTUnwrap(
      text.split(separator: "\n").first { $0.contains("seed \(seed)") }.map(String.init))
  }

  func digest(seed: Int) throws -> String? {
    let store = ResultStore(root: root.appendingPathComponent("results"))
    return try XCTUnwrap(store.read(experiment: "sweep", variant: "default", seed: seed))
      .provenance.sourceDigest
  }

  func testStaleCellsAreMarkedReusedAndRerunOnRequestOnly() throws {
    let spec = try writeSpec()
    // Every cell made by code-1, then seed 2 again by code-2.
    let first = try runExperiment(specURL: spec, options: options("code-1"), log: { _ in })
    XCTAssertEqual(first.ran.count, 3)
    XCTAssertTrue(first.failed.isEmpty, "\(first.failed)")
    XCTAssertEqual(try digest(seed: 1), "code-1")
    let store = ResultStore(root: root.appendingPathComponent("results"))
    try FileManager.default.removeItem(
      at: store.resultURL(experiment: "sweep", variant: "default", seed: 2))
    let second = try runExperiment(specURL: spec, options: options("code-2"), log: { _ in })
    XCTAssertEqual(second.ran.map(\.seed), [2])
    XCTAssertEqual(try digest(seed: 2), "code-2")

    // Under code-2, seeds 1 and 3 are stale; seed 2 is not.
    let plan = try planExperiment(specURL: spec, options: options("code-2"))
    XCTAssertEqual(plan.cells.filter { $0.origin?.isStale == true }.map(\.run.seed), [1, 3])
    XCTAssertEqual(plan.cells.map(\.state), [.done, .done, .done])
    for text in [plan.planText, plan.statusText] {
      for seed in [1, 3] {
        XCTAssertTrue(try line(text, seed: seed).contains(", stale (made by "), text)
      }
      XCTAssertFalse(try line(text, seed: 2).contains("stale"), text)
    }
    XCTAssertTrue(try line(plan.planText, seed: 1).contains("cached, stale (made by "))
    XCTAssertTrue(plan.planText.contains("--rerun-stale"), plan.planText)
    XCTAssertTrue(plan.statusText.hasPrefix("sweep: 3 done (2 stale)"), plan.statusText)

    // `run` reuses them and says how many.
    var lines: [String] = []
    let reused = try runExperiment(specURL: spec, options: options("code-2")) { lines.append($0) }
    XCTAssertEqual(reused.ran.count, 0)
    XCTAssertEqual(reused.staleReused.map(\.seed), [1, 3])
    XCTAssertTrue(lines.contains { $0.hasPrefix("reused 2 stale cell result(s)") }, "\(lines)")

    // `run --rerun-stale` plans and reruns exactly those.
    let rerunPlan = try planExperiment(specURL: spec, options: options("code-2", rerunStale: true))
    XCTAssertEqual(rerunPlan.cells.map(\.state), [.stale, .done, .stale])
    XCTAssertTrue(try line(rerunPlan.planText, seed: 1).contains("will rerun"), rerunPlan.planText)
    let rerun = try runExperiment(
      specURL: spec, options: options("code-2", rerunStale: true), log: { _ in })
    XCTAssertEqual(rerun.ran.map(\.seed), [1, 3])
    XCTAssertEqual(rerun.skipped.map(\.seed), [2])
    XCTAssertEqual(try [1, 2, 3].map { try digest(seed: $0) }, ["code-2", "code-2", "code-2"])
    let after = try planExperiment(specURL: spec, options: options("code-2"))
    XCTAssertFalse(after.planText.contains("stale"), after.planText)
  }

  func testResultsWithoutADigestAreCodeUnknownNeverStale() throws {
    let spec = try writeSpec(seeds: "[1]")
    _ = try runExperiment(specURL: spec, options: options("code-1"), log: { _ in })
    // Made by code-1, read by code-2: stale.
    XCTAssertEqual(
      try planExperiment(specURL: spec, options: options("code-2")).cells.first?.origin?.isStale,
      true)
    // An older result.json: no sourceDigest in its provenance.
    let store = ResultStore(root: root.appendingPathComponent("results"))
    let url = store.resultURL(experiment: "sweep", variant: "default", seed: 1)
    var json = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    var provenance = try XCTUnwrap(json["provenance"] as? [String: Any])
    provenance["sourceDigest"] = nil
    json["provenance"] = provenance
    try JSONSerialization.data(withJSONObject: json).write(to: url)
    XCTAssertNil(try digest(seed: 1))

    let plan = try planExperiment(specURL: spec, options: options("code-2"))
    XCTAssertEqual(plan.cells.map(\.origin), [.unknown])
    XCTAssertTrue(try line(plan.planText, seed: 1).contains("cached (code unknown)"), plan.planText)
    XCTAssertFalse(plan.planText.contains("stale"), plan.planText)
    XCTAssertTrue(try line(plan.statusText, seed: 1).contains("done (code unknown)"))
    let rerun = try runExperiment(
      specURL: spec, options: options("code-2", rerunStale: true), log: { _ in })
    XCTAssertEqual(rerun.ran.count, 0)
  }

  func testRunningCodeWithoutADigestCallsNothingStale() {
    let made = Provenance(
      gitCommit: "abc", gitDirty: true, toolchain: "t", threads: 1, specHash: "s",
      configurationHash: "c", host: "h", sourceDigest: "code-1")
    XCTAssertEqual(CodeOrigin(made, currentDigest: SourceDigest.unknown), .unknown)
    XCTAssertEqual(CodeOrigin(made, currentDigest: "code-1"), .current)
    let stale = CodeOrigin(made, currentDigest: "code-2")
    XCTAssertEqual(stale, .stale(commit: "abc", dirty: true, sources: "code-1"))
    XCTAssertEqual(stale.note, ", stale (made by abc+dirty)")
    var noGit = made
    noGit.gitCommit = "unknown"
    XCTAssertEqual(
      CodeOrigin(noGit, currentDigest: "code-2").note, ", stale (made by sources code-1)")
    var unknown = made
    unknown.sourceDigest = SourceDigest.unknown
    XCTAssertEqual(CodeOrigin(unknown, currentDigest: "code-2"), .unknown)
  }
}
