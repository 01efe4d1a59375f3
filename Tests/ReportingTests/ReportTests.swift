// LayoutLab — the report from stored results: tables, statistics, baselines, config diffs.

import Evaluation
import Experiments
import Foundation
import Tasks
import XCTest

@testable import Reporting

final class ReportTests: XCTestCase {
  /// A stored run as result.json would hold it.
  func run(_ variant: String, seed: Int, f1: Double, learningRate: Double) throws -> RunRecord {
    let json = Self.runJSON(variant, seed: seed, f1: f1, learningRate: learningRate)
    return try RecordFixture.decode(json)
  }

  /// The model version of a variant's fixture: `v1` for `v1…`, else `v2`.
  static func modelVersion(_ variant: String) -> String { variant.hasPrefix("v1") ? "v1" : "v2" }

  /// The text of that run's `result.json` (the parts the report reads).
  static func runJSON(_ variant: String, seed: Int, f1: Double, learningRate: Double) -> String {
    let json = """
      {"experiment": "demo", "variant": "\(variant)", "seed": \(seed),
       "configuration": {"model": {"version": "\(modelVersion(variant))"}, "training": {"learningRate": \(learningRate)}},
       "fineTuning": {"bestEpoch": 3, "steps": 30,
         "dev": {"overall": {"precision": \(f1), "recall": \(f1), "f1": \(f1), "support": 4},
                 "perLabel": {"QUESTION": {"precision": 1, "recall": 1, "f1": \(f1), "support": 2}},
                 "perCue": {"visual": {"precision": 1, "recall": 1, "f1": 0.5, "support": 1}}, "documents": 2},
         "devPredictions": [
           {"id": "a", "gold": ["B-QUESTION", "I-QUESTION", "O"], "predicted": ["B-QUESTION", "I-QUESTION", "O"]},
           {"id": "b", "gold": ["B-ANSWER", "O"], "predicted": ["\(seed == 1 ? "B-ANSWER" : "O")", "O"]}]},
       "timings": {"totalSeconds": 65, "trainSeconds": 60},
       "provenance": {"gitCommit": "0123456789abcdef", "gitDirty": false, "threads": 2,
                      "specHash": "feedfacefeedface00", "toolchain": "Swift 6.3+"},
       "data": {"trainDocuments": 10, "devDocuments": 2, "testDocuments": 0, "source": "synthetic-forms"},
       "parameterCount": 1234}
      """
    return json
  }

  func results() throws -> ExperimentResults {
    ExperimentResults(
      experiment: "demo",
      runs: [
        try run("v1", seed: 1, f1: 0.5, learningRate: 1e-3),
        try run("v1", seed: 2, f1: 0.7, learningRate: 1e-3),
        try run("v2", seed: 1, f1: 0.8, learningRate: 5e-4),
        try run("v2", seed: 2, f1: 0.8, learningRate: 5e-4),
      ], baselines: [])
  }

  func testTableHasMeanAndSpreadPerVariant() throws {
    let text = try renderReport(try results(), title: "Demo", description: "A test.")
    XCTAssertTrue(text.hasPrefix("# Demo\n\nA test."))
    // v1: mean 0.6, sample sd 0.1414; v2: 0.8 ± 0.0.
    XCTAssertTrue(text.contains("| v1 | 2 | 0.600 ± 0.141 |"), text)
    XCTAssertTrue(text.contains("| v2 | 2 | 0.800 ± 0.000 |"), text)
    XCTAssertTrue(text.contains("dev cue: visual"), text)
    XCTAssertTrue(text.contains("1m05s"), text)
  }

  func testConfigurationDifferencesListOnlyWhatDiffers() throws {
    let text = try renderReport(try results(), title: "Demo", description: "")
    XCTAssertTrue(text.contains("| model.version | \"v1\" | \"v2\" |"), text)
    XCTAssertTrue(text.contains("| training.learningRate |"), text)
    XCTAssertFalse(text.contains("| model.preset |"), text)
  }

  func testReportIsDeterministicAndHasThePairedTest() throws {
    let a = try renderReport(try results(), title: "Demo", description: "", notes: ["Note."])
    let b = try renderReport(try results(), title: "Demo", description: "", notes: ["Note."])
    XCTAssertEqual(a, b)
    // Without `compare`, the second variant is tested against the first, pooled and per seed.
    XCTAssertTrue(a.contains("- **v2 − v1, seeds 1, 2 pooled: 0.000"), a)
    XCTAssertTrue(a.contains("- seed 1: v2 − v1 = 0.000"), a)
    XCTAssertTrue(a.contains("- seed 2: v2 − v1 = 0.000"), a)
    XCTAssertTrue(a.contains("## Analysis\n\nNote."), a)
  }

  func testRequestedComparisonsReplaceTheDefaultPair() throws {
    let text = try renderReport(
      try results(), title: "Demo", description: "", comparisons: [("v1", "v2"), ("v2", "v3")])
    XCTAssertTrue(text.contains("- **v1 − v2, seeds 1, 2 pooled:"), text)
    XCTAssertFalse(text.contains("v2 − v1"), text)
    XCTAssertTrue(text.contains("- v2 − v3: no seeds with the same dev documents in both."), text)
  }

  func testSeedAveragingKeepsEachDocumentsRowTogether() throws {
    let seed1 = try ItemStatistics(values: [1, 2, 3, 0, 0, 0], width: 3)
    let seed2 = try ItemStatistics(values: [3, 2, 1, 2, 2, 2], width: 3)
    let pooled = try XCTUnwrap(try averagedOverSeeds([seed1, seed2]))
    XCTAssertEqual(pooled.values, [2, 2, 2, 1, 1, 1])
    XCTAssertEqual(pooled.width, 3)
    XCTAssertNil(try averagedOverSeeds([seed1, try ItemStatistics(scores: [1, 0])]))
  }

  func testStoredRunsAndReportRowsFollowTheSpecVariantOrder() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ll-report-\(UUID())/demo")
    defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
    for (variant, seed) in [("a", 1), ("z", 2), ("m", 1), ("z", 1), ("a", 2)] {
      let folder = directory.appendingPathComponent("\(variant)/\(seed)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(
        RecordFixture.complete(Self.runJSON(variant, seed: seed, f1: 0.5, learningRate: 1e-3)).utf8
      )
      .write(to: folder.appendingPathComponent("result.json"))
    }
    // Spec order z, a; a variant the spec no longer lists (m) comes last.
    let results = try ExperimentResults.read(
      experimentDirectory: directory, variantOrder: ["z", "a"])
    XCTAssertEqual(
      results.runs.map { "\($0.variant)/\($0.seed)" }, ["z/1", "z/2", "a/1", "a/2", "m/1"])
    let text = try renderReport(results, title: "Demo", description: "")
    let rows = ["| z | 2 |", "| a | 2 |", "| m | 1 |"].map { text.range(of: $0)?.lowerBound }
    XCTAssertFalse(rows.contains(nil), text)
    XCTAssertEqual(rows.compactMap { $0 }, rows.compactMap { $0 }.sorted(), text)
    // Without `compare`, the default pair is the spec's second variant minus its first.
    XCTAssertTrue(text.contains("- **a − z, seeds 1, 2 pooled:"), text)
  }

  func testProvenanceNamesTheSIMDVariantAndCPUWhenRecorded() throws {
    let old = try renderReport(try results(), title: "Demo", description: "")
    XCTAssertFalse(old.contains("numeric core:"), "results from before the record say nothing")
    let recorded = Self.runJSON("v1", seed: 1, f1: 0.5, learningRate: 1e-3).replacingOccurrences(
      of: #""toolchain": "Swift 6.3+""#,
      with: #""toolchain": "Swift 6.3+", "numericVariant": "256-bit SIMD", "cpu": "AMD EPYC""#)
    let run = try RecordFixture.decode(recorded)
    let text = try renderReport(
      ExperimentResults(experiment: "demo", runs: [run], baselines: []), title: "Demo",
      description: "")
    XCTAssertTrue(text.contains("- numeric core: 256-bit SIMD; CPU: AMD EPYC"), text)
  }

  func testNoResultsIsAnError() {
    XCTAssertThrowsError(
      try renderReport(
        ExperimentResults(experiment: "x", runs: [], baselines: []), title: "", description: "")
    ) { error in
      XCTAssertEqual(error as? ReportError, .noResults(path: "x"))
    }
  }

  func testMarkdownTableEscapesPipes() {
    var table = MarkdownTable(header: ["a", "b"])
    table.rows.append(["x|y", "z"])
    XCTAssertEqual(table.markdown, "| a | b |\n| --- | --- |\n| x\\|y | z |")
  }
}
