// LayoutLab — `layoutlab compare A B` as the executable runs it: paths, specs, JSON, exit codes.

import Foundation
import XCTest

@testable import Reporting

final class CompareFoldersTests: XCTestCase {
  var fixtures = ComparisonFixtures()

  override func tearDown() { fixtures.remove() }

  /// Before: half the answers missed; after: one missed, with a doubled learning rate.
  func writePair() throws -> (String, String) {
    var pair = (URL(fileURLWithPath: "/"), URL(fileURLWithPath: "/"))
    for seed in [1, 2] {
      pair.0 = try fixtures.writeRun(
        experiment: "before", variant: "v1", seed: seed, documents: 30, missed: Set(1...15))
      pair.1 = try fixtures.writeRun(
        experiment: "after", variant: "v1", seed: seed, documents: 30, missed: [1],
        learningRate: 1e-3)
    }
    return (pair.0.path, pair.1.path)
  }

  func testThresholdExitsOneOnASignificantDifferenceAndZeroOnIdenticalFolders() throws {
    let (before, after) = try writePair()
    let changed = try compareFolders(before, after, threshold: 0.05)
    XCTAssertEqual(changed.exitCode, 1)
    XCTAssertTrue(
      changed.text.hasSuffix("\nSignificant at p < 0.05: dev entity F1 (v1).\n"), changed.text)
    let same = try compareFolders(before, before, threshold: 0.05)
    XCTAssertEqual(same.exitCode, 0)
    XCTAssertTrue(same.text.contains("**No differences**"), same.text)
    XCTAssertTrue(same.text.hasSuffix("\nNo difference is significant at p < 0.05.\n"), same.text)
    XCTAssertEqual(try compareFolders(before, after).exitCode, 0, "no threshold, no failure")
  }

  func testJSONHoldsTheSameComparison() throws {
    let (before, after) = try writePair()
    let outcome = try compareFolders(before, after, json: true)
    let object = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(outcome.text.utf8)) as? [String: Any])
    let rows = try XCTUnwrap(object["differences"] as? [[String: Any]])
    XCTAssertEqual(rows.count, 1)
    XCTAssertEqual(rows[0]["metric"] as? String, "dev entity F1")
    let test = try XCTUnwrap(rows[0]["test"] as? [String: Any])
    XCTAssertEqual(test["items"] as? Int, 30)
    let settings = try XCTUnwrap(object["settings"] as? [[String: Any]])
    XCTAssertEqual(settings.first?["key"] as? String, "training.learningRate")
  }

  func testASpecStandsForItsResultsFolder() throws {
    let folder = try fixtures.writeRun(experiment: "demo", variant: "v1", seed: 1)
    // results/demo beside experiments/demo.json5.
    let results = fixtures.root.appendingPathComponent("results")
    try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
    try FileManager.default.moveItem(at: folder, to: results.appendingPathComponent("demo"))
    let experiments = fixtures.root.appendingPathComponent("experiments")
    try FileManager.default.createDirectory(at: experiments, withIntermediateDirectories: true)
    let spec = experiments.appendingPathComponent("demo.json5")
    try Data(
      "{ name: 'demo', base: { model: { preset: 'tiny' } }, variants: { v1: {} }, seeds: [1] }"
        .utf8
    ).write(to: spec)
    let outcome = try compareFolders(spec.path, results.appendingPathComponent("demo").path)
    XCTAssertTrue(outcome.comparison.hasNoDifferences, outcome.text)
    XCTAssertEqual(outcome.comparison.matchedCells, 1)
  }

  func testMissingOrEmptyFoldersAreErrorsNamingThePath() throws {
    let missing = fixtures.root.appendingPathComponent("nowhere").path
    XCTAssertThrowsError(try compareFolders(missing, missing)) {
      XCTAssertTrue(
        "\($0)".hasPrefix("\(missing): cannot be read (no such file or folder"), "\($0)")
    }
    let empty = fixtures.root.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    XCTAssertThrowsError(try compareFolders(empty.path, empty.path)) {
      XCTAssertEqual($0 as? ReportError, .noResults(path: empty.path))
    }
  }
}
