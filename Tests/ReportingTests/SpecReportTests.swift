// LayoutLab — run → results → report end to end: caching, re-running one run, regeneration,
// and errors that stop before any training.

import Experiments
import Foundation
import LayoutModels
import Reporting
import XCTest
import _TestSupport

final class SpecReportTests: XCTestCase {
  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("ll-workflow-\(UUID())")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("experiments"), withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  func writeSpec(_ text: String, name: String = "tiny") throws -> URL {
    let url = root.appendingPathComponent("experiments/\(name).json5")
    try Data(text.utf8).write(to: url)
    return url
  }

  let tinySpec = tinyFormsSpec()

  func options() -> RunnerOptions {
    RunnerOptions(resultsRoot: root.appendingPathComponent("results"), repository: root)
  }

  func testRunsCachesRerunsOneAndRegeneratesTheReportIdentically() throws {
    let spec = try writeSpec(tinySpec)
    let first = try runExperiment(specURL: spec, options: options(), log: { _ in })
    XCTAssertEqual(first.ran.count, 4)
    let report = try reportSpec(
      spec, overrides: [], resultsDirectory: root.appendingPathComponent("results"))
    let text = try String(contentsOf: report, encoding: .utf8)
    XCTAssertTrue(text.contains("| a | 2 |"), text)
    XCTAssertTrue(text.contains("word lookup"), text)
    // Everything is cached now.
    let second = try runExperiment(specURL: spec, options: options(), log: { _ in })
    XCTAssertEqual(second.ran.count, 0)
    XCTAssertEqual(second.skipped.count, 4)
    // Deleting one result re-runs exactly that run, with the same metrics (determinism).
    let store = ResultStore(root: root.appendingPathComponent("results"))
    let before = try XCTUnwrap(store.read(experiment: "tiny", variant: "b", seed: 2))
    try FileManager.default.removeItem(
      at: store.resultURL(experiment: "tiny", variant: "b", seed: 2))
    let third = try runExperiment(specURL: spec, options: options(), log: { _ in })
    XCTAssertEqual(third.ran.map { "\($0.variant)/\($0.seed)" }, ["b/2"])
    let after = try XCTUnwrap(store.read(experiment: "tiny", variant: "b", seed: 2))
    XCTAssertEqual(after.fineTuning?.dev.overall.f1, before.fineTuning?.dev.overall.f1)
    XCTAssertEqual(after.fineTuning?.devPredictions, before.fineTuning?.devPredictions)
    // The report regenerates byte for byte from the same results (timings are stored, not
    // measured, so only a re-run changes them).
    let results = root.appendingPathComponent("results")
    let regenerated = try String(
      contentsOf: try reportSpec(spec, overrides: [], resultsDirectory: results), encoding: .utf8)
    let again = try String(
      contentsOf: try reportSpec(spec, overrides: [], resultsDirectory: results), encoding: .utf8)
    XCTAssertEqual(again, regenerated)
  }

  func testClassificationTaskRunsAndReportsAccuracy() throws {
    let spec = try writeSpec(
      """
      {
        name: 'classes',
        base: {
          task: 'classification',
          model: { preset: 'tiny', version: 'v1', layers: 1 },
          data: { source: 'synthetic-classify', documents: 48, vocabularySize: 300, maxLength: 64 },
          training: { epochs: 1, batchSize: 8 },
        },
        variants: { a: {}, b: { training: { learningRate: 1e-3 } } },
        seeds: [1],
      }
      """, name: "classes")
    let summary = try runExperiment(specURL: spec, options: options(), log: { _ in })
    XCTAssertEqual(summary.ran.count, 2)
    let store = ResultStore(root: root.appendingPathComponent("results"))
    let result = try XCTUnwrap(store.read(experiment: "classes", variant: "a", seed: 1))
    XCTAssertNil(result.fineTuning)
    let classification = try XCTUnwrap(result.classification)
    XCTAssertGreaterThan(classification.dev.documents, 0)
    XCTAssertTrue((0...1).contains(classification.dev.accuracy))
    let report = try String(
      contentsOf: try reportSpec(
        spec, overrides: [], resultsDirectory: root.appendingPathComponent("results")),
      encoding: .utf8)
    XCTAssertTrue(report.contains("Document classification accuracy"), report)
    XCTAssertTrue(report.contains("seed 1: b − a"), report)
  }

  func testSpecErrorsStopBeforeAnyTraining() throws {
    let missing = try writeSpec(
      tinySpec.replacingOccurrences(
        of: "source: 'synthetic-forms'", with: "source: 'funsd', root: 'nowhere/funsd'"),
      name: "missing")
    XCTAssertThrowsError(try runExperiment(specURL: missing, options: options(), log: { _ in })) {
      error in
      XCTAssertTrue("\(error)".contains("nowhere/funsd/training_data"), "\(error)")
    }
    let typo = try writeSpec(
      tinySpec.replacingOccurrences(of: "batchSize", with: "batchSzie"), name: "typo")
    XCTAssertThrowsError(try runExperiment(specURL: typo, options: options(), log: { _ in })) {
      error in
      XCTAssertTrue("\(error)".contains("did you mean 'variants.a.training.batchSize'"), "\(error)")
    }
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: root.appendingPathComponent("results").path))
  }

  func testAMovedCloneReusesEveryRunAndWritesTheSameReport() throws {
    // A vocabulary file named relative to the repository: the hash and the records keep the
    // relative path, so moving the folder changes nothing.
    let vocabulary = root.appendingPathComponent("vocab/vocab.txt")
    try FileManager.default.createDirectory(
      at: vocabulary.deletingLastPathComponent(), withIntermediateDirectories: true)
    let letters = "abcdefghijklmnopqrstuvwxyz0123456789".map(String.init)
    let pieces =
      ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + letters + letters.map { "##" + $0 }
    try Data(pieces.joined(separator: "\n").utf8).write(to: vocabulary)
    let spec = try writeSpec(
      tinySpec.replacingOccurrences(
        of: "vocabularySize: 300,", with: "vocabulary: 'vocab/vocab.txt',"))
    _ = try runExperiment(specURL: spec, options: options(), log: { _ in })
    let results = root.appendingPathComponent("results")
    let before = try String(
      contentsOf: try reportSpec(spec, overrides: [], resultsDirectory: results), encoding: .utf8)
    XCTAssertFalse(before.contains(root.path), "the report names the checkout's folder")
    let moved = FileManager.default.temporaryDirectory.appendingPathComponent("ll-moved-\(UUID())")
    defer { try? FileManager.default.removeItem(at: moved) }
    try FileManager.default.moveItem(at: root, to: moved)
    root = moved
    let movedSpec = moved.appendingPathComponent("experiments/tiny.json5")
    let rerun = try runExperiment(specURL: movedSpec, options: options(), log: { _ in })
    XCTAssertEqual(rerun.ran.count, 0)
    XCTAssertEqual(rerun.skipped.count, 4)
    let after = try String(
      contentsOf: try reportSpec(
        movedSpec, overrides: [], resultsDirectory: moved.appendingPathComponent("results")),
      encoding: .utf8)
    XCTAssertEqual(after, before)
  }

  func testArchitectureKeysThatContradictTheCheckpointStopTheRun() throws {
    var checkpoint = LayoutLMConfiguration.preset(.tiny, version: .v1)
    checkpoint.numHiddenLayers = 1
    let folder = root.appendingPathComponent("checkpoints/tiny-v1")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try checkpoint.write(to: folder.appendingPathComponent("config.json"))
    let agreeing = try writeSpec(
      tinySpec.replacingOccurrences(
        of: "variants: { a: {}, b: { training: { learningRate: 1e-3 } } }",
        with: "variants: { a: { model: { initFrom: 'checkpoints/tiny-v1', layers: 2 } } }"),
      name: "conflict")
    XCTAssertThrowsError(try runExperiment(specURL: agreeing, options: options(), log: { _ in })) {
      error in
      XCTAssertTrue(
        "\(error)".contains("model.layers is 2 but the checkpoint has 1"), "\(error)")
      XCTAssertTrue("\(error)".contains("checkpoints/tiny-v1"), "\(error)")
    }
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: root.appendingPathComponent("results").path))
  }
}
