// LayoutLab — a report whose runs were made by different sources says so under its table.

import Experiments
import Foundation
import Tasks
import XCTest

@testable import Reporting

final class CodeVersionSectionTests: XCTestCase {
  /// A stored entity run made by the sources `digest` (none: an older result).
  func run(_ variant: String, seed: Int, digest: String?) throws -> RunRecord {
    var json = ReportTests.runJSON(variant, seed: seed, f1: 0.5, learningRate: 1e-3)
    if let digest {
      json = json.replacingOccurrences(
        of: "\"toolchain\": \"Swift 6.3+\"",
        with: "\"toolchain\": \"Swift 6.3+\", \"sourceDigest\": \"\(digest)\"")
    }
    return try RecordFixture.decode(json)
  }

  func results(_ digests: [String?]) throws -> ExperimentResults {
    ExperimentResults(
      experiment: "demo",
      runs: try digests.enumerated().map {
        try run($0.offset % 2 == 0 ? "v1" : "v2", seed: $0.offset / 2 + 1, digest: $0.element)
      }, baselines: [])
  }

  func testMixedDigestsGetAWarningUnderTheTable() throws {
    let text = try renderReport(
      try results(["aaaa", "aaaa", "bbbb", nil]), title: "Demo", description: "")
    let warning = "**Warning: these runs were made by 2 versions of the code**"
    let table = try XCTUnwrap(text.range(of: "| v2 | 2 |"))
    let said = try XCTUnwrap(text.range(of: warning), text)
    XCTAssertLessThan(table.lowerBound, said.lowerBound)
    XCTAssertLessThan(said.lowerBound, try XCTUnwrap(text.range(of: "## Provenance")).lowerBound)
    XCTAssertTrue(text.contains("sources aaaa (2 run(s), commit 0123456789ab)"), text)
    XCTAssertTrue(text.contains("--rerun-stale"), text)
    XCTAssertTrue(text.contains("- sources: aaaa (2 runs), bbbb (1 run), unknown (1 run)"), text)
  }

  func testOneVersionOrNoDigestsGetNoWarning() throws {
    let same = try renderReport(try results(["aaaa", "aaaa", nil]), title: "Demo", description: "")
    XCTAssertFalse(same.contains("Warning"), same)
    XCTAssertTrue(same.contains("- sources: aaaa (2 runs), unknown (1 run)"), same)
    let old = try renderReport(try results([nil, nil]), title: "Demo", description: "")
    XCTAssertFalse(old.contains("Warning"), old)
    XCTAssertFalse(old.contains("- sources:"), old)
  }
}
