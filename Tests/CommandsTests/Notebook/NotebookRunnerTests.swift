// LayoutLab — running a notebook's blocks in order with a stand-in executor.

import Commands
import Foundation
import XCTest

/// The command lines an executor was given.
final class Calls {
  var list: [[String]] = []
}

final class NotebookRunnerTests: XCTestCase {
  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("ll-nb-\(UUID())")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("results/x"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
    try Data("# Experiment x\n\n| a |\n| --- |\n| 1 |\n".utf8).write(
      to: root.appendingPathComponent("results/x/report.md"))
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  /// `report` prints progress and the report's absolute path; `plan` prints a line; `fail`
  /// exits 1. Every call is recorded.
  func executor(_ calls: Calls) -> NotebookCommandExecutor {
    let reportPath = root.appendingPathComponent("results/x/report.md").path
    return { arguments in
      calls.list.append(arguments)
      switch arguments[0] {
      case "report": return .init(status: 0, stdout: "step 3/9 ETA 4s\nreport: \(reportPath)\n")
      case "plan": return .init(status: 0, stdout: "x: 1 run, cached\n")
      default: return .init(status: 1, stdout: "")
      }
    }
  }

  func testRunsInOrderWritesOutputsAndASecondRunChangesNothing() throws {
    let url = root.appendingPathComponent("notebooks/nb.md")
    try Data(
      "Intro.\n\n```layoutlab\nplan x.json5\n```\n\n```layoutlab\nreport x.json5\n```\n".utf8
    )
    .write(to: url)
    let calls = Calls()
    let first = try runNotebook(
      at: url, displayPath: "nb.md", workingDirectory: root, execute: executor(calls))
    XCTAssertEqual(first, NotebookRunSummary(blocks: 2, changed: true))
    XCTAssertEqual(calls.list, [["plan", "x.json5"], ["report", "x.json5"]])
    let written = try String(contentsOf: url, encoding: .utf8)
    XCTAssertEqual(
      written,
      """
      Intro.

      ```layoutlab
      plan x.json5
      ```

      <!-- layoutlab:output begin -->
      ```text
      x: 1 run, cached
      ```
      <!-- layoutlab:output end -->

      ```layoutlab
      report x.json5
      ```

      <!-- layoutlab:output begin -->
      report: [../results/x/report.md](../results/x/report.md)

      ### Experiment x

      | a |
      | --- |
      | 1 |
      <!-- layoutlab:output end -->

      """)
    let second = try runNotebook(
      at: url, displayPath: "nb.md", workingDirectory: root, execute: executor(calls))
    XCTAssertFalse(second.changed)
    XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), written)
  }

  func testAFailingBlockIsNamedAndEarlierOutputsAreKept() throws {
    let url = root.appendingPathComponent("notebooks/nb.md")
    try Data("```layoutlab\nplan x.json5\n```\n\n```layoutlab\nfail 'a b'\n```\n".utf8).write(
      to: url)
    let calls = Calls()
    XCTAssertThrowsError(
      try runNotebook(
        at: url, displayPath: "notebooks/nb.md", workingDirectory: root, execute: executor(calls))
    ) { error in
      XCTAssertEqual(
        "\(error)",
        "notebooks/nb.md:5: `layoutlab fail 'a b'` exited with status 1 (its messages are above)")
    }
    XCTAssertTrue(try String(contentsOf: url, encoding: .utf8).contains("x: 1 run, cached"))
    try Data("```layoutlab\nnotebook run other.md\n```\n".utf8).write(to: url)
    XCTAssertThrowsError(
      try runNotebook(
        at: url, displayPath: "nb.md", workingDirectory: root, execute: executor(calls)))
  }

  func testCheckWritesNothing() throws {
    let url = root.appendingPathComponent("notebooks/nb.md")
    let text = "```layoutlab\nplan x.json5\n```\n"
    try Data(text.utf8).write(to: url)
    let calls = Calls()
    let summary = try runNotebook(
      at: url, displayPath: "nb.md", workingDirectory: root, write: false,
      execute: executor(calls))
    XCTAssertTrue(summary.changed)
    XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), text)
  }
}
