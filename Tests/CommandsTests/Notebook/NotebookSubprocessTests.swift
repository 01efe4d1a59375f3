// LayoutLab — `layoutlab notebook run` end to end: a tiny notebook over a tiny synthetic spec,
// run by the real executable, twice.

import Commands
import Foundation
import XCTest
import _TestSupport

final class NotebookSubprocessTests: XCTestCase {
  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("ll-notebook-\(UUID())")
    for folder in ["experiments", "notebooks"] {
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  /// Runs `layoutlab notebook run notebooks/tiny.md [extra]` from `root`; status and stdout.
  func runNotebookCommand(_ extra: [String] = []) throws -> (Int32, String) {
    let result = try subprocessExecutor(executable: try builtLayoutlab(), workingDirectory: root)(
      ["notebook", "run", "notebooks/tiny.md"] + extra)
    return (result.status, result.stdout)
  }

  func testATinyNotebookRunsAndASecondRunChangesNoByte() throws {
    try Data(tinyFormsSpec(seeds: [1]).utf8).write(
      to: root.appendingPathComponent("experiments/tiny.json5"))
    let notebook = root.appendingPathComponent("notebooks/tiny.md")
    try Data(
      """
      # A tiny notebook

      ```layoutlab
      run experiments/tiny.json5
      ```

      What is cached now:

      ```layoutlab
      # the plan after the run
      layoutlab plan \\
        experiments/tiny.json5
      ```

      Two sections of the report:

      ```layoutlab sections='Entity F1,Baselines'
      report experiments/tiny.json5
      ```

      """.utf8
    ).write(to: notebook)
    let (status, stdout) = try runNotebookCommand()
    XCTAssertEqual(status, 0, stdout)
    XCTAssertEqual(stdout, "notebooks/tiny.md: 3 block(s), updated\n")
    let first = try String(contentsOf: notebook, encoding: .utf8)
    XCTAssertTrue(
      first.contains(
        "```\n\n<!-- layoutlab:output begin -->\nreport: [../results/tiny/report.md](../results/tiny/report.md)\n\n### Experiment `tiny`\n"
      ), first)
    XCTAssertTrue(first.contains("| a | 1 |"), first)
    XCTAssertTrue(first.contains("```text\ntiny: 2 cell(s)"), first)
    XCTAssertTrue(first.contains("a seed 1  cached"), first)
    XCTAssertFalse(first.contains("ETA"), first)
    let sections = try XCTUnwrap(
      first.components(separatedBy: "sections='Entity F1,Baselines'").last)
    XCTAssertTrue(sections.contains("#### Entity F1"), sections)
    XCTAssertTrue(sections.contains("#### Baselines on the same splits"), sections)
    XCTAssertFalse(sections.contains("Uncertainty"), sections)
    XCTAssertFalse(first.contains(root.path), first)

    let (again, againOut) = try runNotebookCommand()
    XCTAssertEqual(again, 0, againOut)
    XCTAssertEqual(againOut, "notebooks/tiny.md: 3 block(s), unchanged\n")
    XCTAssertEqual(try String(contentsOf: notebook, encoding: .utf8), first)
    XCTAssertEqual(try runNotebookCommand(["--check"]).0, 0)

    // A broken block is named by file and line; the outputs before it stay as they were.
    let broken = first + "```layoutlab\nreport experiments/missing.json5\n```\n"
    try Data(broken.utf8).write(to: notebook)
    let line = first.split(separator: "\n", omittingEmptySubsequences: false).count
    let process = Process()
    process.executableURL = try builtLayoutlab()
    process.arguments = ["notebook", "run", "notebooks/tiny.md"]
    process.currentDirectoryURL = root
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(
      decoding: try errors.fileHandleForReading.readToEnd() ?? Data(), as: UTF8.self)
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 1, message)
    XCTAssertTrue(
      message.contains(
        "error: notebooks/tiny.md:\(line): `layoutlab report experiments/missing.json5` exited with status 1"
      ), message)
    XCTAssertEqual(try String(contentsOf: notebook, encoding: .utf8), broken)
  }
}
