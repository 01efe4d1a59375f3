// LayoutLab — what a notebook keeps of a command's output.

import Foundation
import XCTest

@testable import Commands

final class NotebookOutputTests: XCTestCase {
  func testTextIsFencedLongerThanAnyBacktickRun() {
    XCTAssertEqual(fencedText("a\nb\n"), "```text\na\nb\n```\n")
    XCTAssertEqual(fencedText("x ```` y"), "`````text\nx ```` y\n`````\n")
  }

  func testReportsNestUnderTheNotebook() {
    let report =
      "# Title\n\n## Part\n\n![curve](grid.svg) [paper](https://x.org) [top](#part)\n```\n# not a heading\n```\n####### seven"
    XCTAssertEqual(
      nestedMarkdown(report, linkPrefix: "../results/x/"),
      "### Title\n\n#### Part\n\n![curve](../results/x/grid.svg) [paper](https://x.org) [top](#part)\n```\n# not a heading\n```\n####### seven"
    )
  }

  func testRelativePaths() {
    let notebook = URL(fileURLWithPath: "/repo/notebooks-md", isDirectory: true)
    XCTAssertEqual(
      relativePath(from: notebook, to: URL(fileURLWithPath: "/repo/results/x/report.md")),
      "../results/x/report.md")
    XCTAssertEqual(
      relativePath(from: notebook, to: URL(fileURLWithPath: "/repo/notebooks-md/a.svg")), "a.svg")
    XCTAssertEqual(relativePath(from: notebook, to: notebook), ".")
  }

  func testPlainOutputDropsTheWorkingDirectory() throws {
    let output = try notebookOutput(
      arguments: ["plan", "x.json5"], stdout: "cells in /repo/results/x\n",
      notebookDirectory: URL(fileURLWithPath: "/repo/notebooks-md"),
      workingDirectory: URL(fileURLWithPath: "/repo"))
    XCTAssertEqual(output, "```text\ncells in results/x\n```\n")
    let markdown = try notebookOutput(
      arguments: ["compare", "a", "b"], stdout: "# Comparison\n| a | b |\n",
      notebookDirectory: URL(fileURLWithPath: "/repo"),
      workingDirectory: URL(fileURLWithPath: "/repo"))
    XCTAssertEqual(markdown, "### Comparison\n| a | b |\n")
    XCTAssertThrowsError(
      try notebookOutput(
        arguments: ["report", "x.json5"], stdout: "nothing\n",
        notebookDirectory: URL(fileURLWithPath: "/repo"),
        workingDirectory: URL(fileURLWithPath: "/repo")))
  }
}
