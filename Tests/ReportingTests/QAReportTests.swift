// LayoutLab — a QA spec end to end: run → result.json → report, with ANLS from the metrics module.

import Evaluation
import Experiments
import Foundation
import Reporting
import XCTest

final class QAReportTests: XCTestCase {
  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("ll-qa-\(UUID())")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("experiments"), withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  func testQASpecRunsAndTheReportShowsTheScorersANLS() throws {
    let spec = root.appendingPathComponent("experiments/qa.json5")
    try Data(
      """
      {
        name: 'qa',
        base: {
          task: 'qa',
          model: { preset: 'tiny', version: 'v1', layers: 1 },
          data: { source: 'synthetic-qa', documents: 20, vocabularySize: 300, maxLength: 96, stride: 16 },
          training: { epochs: 1, batchSize: 8 },
          qa: { nBest: 5, maxAnswerTokens: 8 },
        },
        variants: { a: {}, b: { training: { learningRate: 1e-3 } } },
        seeds: [1],
      }
      """.utf8
    ).write(to: spec)
    let results = root.appendingPathComponent("results")
    var options = RunnerOptions(resultsRoot: results, repository: root)
    options.overrides = []
    let summary = try runExperiment(specURL: spec, options: options, log: { _ in })
    XCTAssertEqual(summary.ran.count, 2)
    let store = ResultStore(root: results)
    let result = try XCTUnwrap(store.read(experiment: "qa", variant: "a", seed: 1))
    let qa = try XCTUnwrap(result.qa)
    XCTAssertNil(result.fineTuning)
    XCTAssertNil(result.classification)
    XCTAssertEqual(result.configuration.qa.nBest, 5)
    // Synthetic answers are on the page, and (with a stride) inside some window; simulated OCR
    // noise can still change an answer word beyond the 20 % edit ratio ("Model" read "Moclel").
    XCTAssertGreaterThan(qa.devCounts.questions, 0)
    XCTAssertLessThanOrEqual(qa.devCounts.answersNotFound * 10, qa.devCounts.questions)
    XCTAssertLessThanOrEqual(qa.trainCounts.answersNotFound * 10, qa.trainCounts.questions)
    XCTAssertEqual(qa.devCounts.answersOutsideWindows, 0)
    XCTAssertGreaterThan(qa.devCounts.ceilingANLS, 0.9)
    // The stored dev ANLS is the metrics module's ANLS of the stored predictions.
    let reference = try anls(
      predictions: qa.devAnswers.map(\.prediction), answers: qa.devAnswers.map(\.answers))
    XCTAssertEqual(qa.dev.anls, reference.value, accuracy: 1e-12)
    XCTAssertEqual(qa.devAnswers.count, qa.devCounts.questions)
    XCTAssertTrue(qa.devAnswers.allSatisfy { $0.answers.count == 1 })
    XCTAssertEqual(qa.baselines.count, 2)
    let testANLS = try XCTUnwrap(qa.test?.anls)

    let report = try String(
      contentsOf: try reportSpec(spec, overrides: [], resultsDirectory: results), encoding: .utf8)
    XCTAssertTrue(report.contains("## ANLS (RRC scorer, τ = 0.5)"), report)
    // The report's dev and test ANLS cells are the scorer's values (one seed: the mean alone).
    let row = try XCTUnwrap(report.split(separator: "\n").first { $0.hasPrefix("| a | 1 |") })
    let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
    XCTAssertEqual(cells[2], String(format: "%.3f", reference.value), String(row))
    XCTAssertEqual(cells[4], String(format: "%.3f", testANLS), String(row))
    XCTAssertTrue(report.contains("| dev | \(qa.devCounts.questions) |"), report)
    XCTAssertTrue(report.contains("longest match, next word"), report)
    XCTAssertTrue(
      report.contains("| LayoutLMv2 BASE, BERT init (Table 5 row 3) | val | 0.7217 |"), report)
  }

  func testQATaskRefusesANonQASourceBeforeTraining() throws {
    let spec = root.appendingPathComponent("experiments/bad.json5")
    try Data(
      """
      { name: 'bad', variants: { a: {} }, seeds: [1],
        base: { task: 'qa', model: { preset: 'tiny' }, data: { source: 'synthetic-forms' } } }
      """.utf8
    ).write(to: spec)
    let options = RunnerOptions(
      resultsRoot: root.appendingPathComponent("results"), repository: root)
    XCTAssertThrowsError(try runExperiment(specURL: spec, options: options, log: { _ in })) {
      XCTAssertTrue("\($0)".contains("data.source"), "\($0)")
      XCTAssertTrue("\($0)".contains("'synthetic-qa' or 'docvqa'"), "\($0)")
    }
  }
}
