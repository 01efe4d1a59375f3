// LayoutLab — `compare`'s model: matched cells, paired bootstraps, settings, one-sided cells.

import Foundation
import XCTest

@testable import Reporting

final class ResultsComparisonTests: XCTestCase {
  var fixtures = ComparisonFixtures()

  override func tearDown() { fixtures.remove() }

  func compare(_ a: URL, _ b: URL, metrics: [String] = []) throws -> ResultsComparison {
    try compareResults(
      try ExperimentResults.read(experimentDirectory: a, variantOrder: []),
      try ExperimentResults.read(experimentDirectory: b, variantOrder: []), labels: ("A", "B"),
      metrics: metrics)
  }

  func testMatchedCellsShowATableWithDeltasAndAPairedInterval() throws {
    var a = URL(fileURLWithPath: "/")
    var b = a
    for seed in [1, 2] {
      a = try fixtures.writeRun(
        experiment: "a", variant: "v1", seed: seed, documents: 20, missed: Set(1...10))
      b = try fixtures.writeRun(
        experiment: "b", variant: "v1", seed: seed, documents: 20, missed: [1], learningRate: 1e-3)
    }
    let comparison = try compare(a, b)
    XCTAssertEqual(comparison.matchedCells, 2)
    let row = try XCTUnwrap(comparison.differences.first)
    XCTAssertEqual(comparison.differences.count, 1)
    XCTAssertEqual(row.metric, "dev entity F1")
    XCTAssertEqual(row.seeds, [1, 2])
    XCTAssertEqual(row.difference, row.b - row.a, accuracy: 1e-12)
    XCTAssertGreaterThan(row.difference, 0.1)
    let test = try XCTUnwrap(row.test)
    XCTAssertEqual(test.items, 20)
    XCTAssertEqual(test.unit, "document")
    XCTAssertGreaterThan(test.lower, 0)
    XCTAssertLessThan(test.pValue, 0.01)
    XCTAssertEqual(comparison.significant(at: 0.05).map(\.variant), ["v1"])
    XCTAssertFalse(comparison.hasNoDifferences)

    let text = comparison.markdown
    XCTAssertTrue(text.contains("## dev entity F1"), text)
    XCTAssertTrue(
      text.contains(
        "| variant | seeds | A | B | B − A | 95% CI (paired, documents) | p | documents |"),
      text)
    XCTAssertTrue(
      text.contains("| v1 | 1, 2 | 0.857 | 0.987 | +0.130 | [+0.067, +0.211] | < 0.001 | 20 |"),
      text)
  }

  func testAFolderComparedWithItselfHasNoDifferences() throws {
    let a = try fixtures.writeRun(experiment: "a", variant: "v1", seed: 1, missed: [2])
    try fixtures.writeRun(experiment: "a", variant: "v2", seed: 1, missed: [3, 4])
    let comparison = try compare(a, a)
    XCTAssertTrue(comparison.hasNoDifferences)
    XCTAssertTrue(comparison.significant(at: 0.05).isEmpty)
    XCTAssertEqual(comparison.differences.map(\.test?.pValue), [1, 1])
    let text = comparison.markdown
    XCTAssertTrue(text.contains("**No differences**"), text)
    XCTAssertTrue(text.contains("## Settings that differ between matched cells\n\n(none)"), text)
    XCTAssertFalse(text.contains("Not like for like"), text)
  }

  func testTheChangedSettingIsNamedByItsKeyPath() throws {
    let a = try fixtures.writeRun(experiment: "a", variant: "v1", seed: 1)
    let b = try fixtures.writeRun(experiment: "b", variant: "v1", seed: 1, learningRate: 1e-3)
    try fixtures.writeRun(experiment: "a", variant: "v2", seed: 1)
    try fixtures.writeRun(experiment: "b", variant: "v2", seed: 1)
    let comparison = try compare(a, b)
    XCTAssertEqual(comparison.settings.map(\.key), ["training.learningRate"])
    XCTAssertEqual(comparison.settings.first?.cells, ["v1@1"])
    XCTAssertTrue(
      comparison.markdown.contains("| training.learningRate | 0.0005 | 0.001 | v1@1 |"),
      comparison.markdown)
    XCTAssertFalse(comparison.hasNoDifferences)
  }

  func testCellsOnOneSideOnlyAreListed() throws {
    let a = try fixtures.writeRun(experiment: "a", variant: "v1", seed: 1)
    try fixtures.writeRun(experiment: "a", variant: "v1", seed: 2)
    let b = try fixtures.writeRun(experiment: "b", variant: "v1", seed: 1)
    try fixtures.writeRun(experiment: "b", variant: "v3", seed: 1)
    let comparison = try compare(a, b)
    XCTAssertEqual(comparison.matchedCells, 1)
    XCTAssertEqual(comparison.onlyInA, ["v1@2"])
    XCTAssertEqual(comparison.onlyInB, ["v3@1"])
    XCTAssertTrue(
      comparison.markdown.contains(
        "## Cells on one side only\n\n- only in A: v1@2\n- only in B: v3@1\n"),
      comparison.markdown)
  }

  func testTheMetricFilterKeepsNamedMetricsAndRefusesUnknownOnes() throws {
    let a = try fixtures.writeRun(experiment: "a", variant: "v1", seed: 1)
    XCTAssertEqual(try compare(a, a, metrics: ["Entity-F1"]).differences.count, 1)
    XCTAssertEqual(try compare(a, a, metrics: ["dev.entity_f1"]).differences.count, 1)
    XCTAssertThrowsError(try compare(a, a, metrics: ["anls"])) {
      XCTAssertEqual(
        "\($0)", "--metric 'anls': no such metric on both sides (they have: dev entity F1)")
    }
  }

  func testItemsAreMatchedByIdAndDifferentDataIsLoud() throws {
    let a = try fixtures.writeRun(experiment: "a", variant: "v1", seed: 1, documents: 8)
    let b = try fixtures.writeRun(
      experiment: "b", variant: "v1", seed: 1, documents: 10, dataDocuments: 60)
    let comparison = try compare(a, b)
    XCTAssertEqual(comparison.differences.first?.test?.items, 8)
    XCTAssertEqual(
      comparison.notLikeForLike, ["different data: dev documents 8 → 10; data.documents 40 → 60"])
    XCTAssertTrue(
      comparison.markdown.contains(
        "> **Not like for like: different data: dev documents 8 → 10; data.documents 40 → 60.**"),
      comparison.markdown)
  }

  func testDifferentSIMDVariantsAreLoudAndUnrecordedCodeIsUnknown() throws {
    let a = try fixtures.writeRun(
      experiment: "a", variant: "v1", seed: 1, commit: "unknown", numericVariant: nil)
    let b = try fixtures.writeRun(
      experiment: "b", variant: "v1", seed: 1, commit: "abcdef0123456789", dirty: true,
      numericVariant: "512-bit SIMD")
    let c = try fixtures.writeRun(
      experiment: "c", variant: "v1", seed: 1, numericVariant: "256-bit SIMD")
    let old = try compare(a, b)
    XCTAssertTrue(old.notLikeForLike.isEmpty, "an unrecorded variant is not a difference")
    XCTAssertTrue(old.markdown.contains("- A: code: unknown\n"), old.markdown)
    XCTAssertTrue(
      old.markdown.contains("- B: code: abcdef012345+dirty; numeric core: 512-bit SIMD"),
      old.markdown)
    let machines = try compare(c, b)
    XCTAssertEqual(machines.notLikeForLike.count, 1)
    XCTAssertTrue(
      machines.notLikeForLike[0].hasPrefix("different SIMD variants: 256-bit SIMD → 512-bit SIMD"))
  }
}
