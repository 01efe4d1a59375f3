// LayoutLab — tests for the hand-written command-line parser.

import ArgumentParsing
import XCTest

final class CommandLineParserTests: XCTestCase {
  let root = CommandSpec(
    name: "tool", abstract: "A test tool.",
    subcommands: [
      CommandSpec(
        name: "bench", abstract: "Bench.",
        subcommands: [
          CommandSpec(
            name: "kernels", abstract: "Kernels.",
            options: [
              .value("threads", "N", "Threads."), .flag("json", "JSON."),
              .value("set", "K=V", "Override.", repeatable: true),
            ]
          ) { _ in 0 }
        ])
    ])

  func testParsesOptionsFlagsAndPositionals() throws {
    guard
      case .run(let command, let args) = try parseCommandLine(
        ["bench", "kernels", "--threads", "2", "--json", "--set=a=1", "--set", "b=2", "x"],
        root: root)
    else { return XCTFail("expected a run") }
    XCTAssertEqual(command.name, "kernels")
    XCTAssertEqual(args.value("threads"), "2")
    XCTAssertEqual(try args.int("threads", default: 1), 2)
    XCTAssertTrue(args.flag("json"))
    XCTAssertEqual(args.allValues("set"), ["a=1", "b=2"])
    XCTAssertEqual(args.positionals, ["x"])
  }

  func testUnknownOptionNamesTheFlagAndSuggests() {
    XCTAssertThrowsError(try parseCommandLine(["bench", "kernels", "--thread", "2"], root: root)) {
      error in
      XCTAssertEqual(
        error as? UsageError,
        .unknownOption(name: "thread", command: "tool bench kernels", suggestion: "threads"))
      XCTAssertTrue("\(error)".contains("--thread"))
    }
  }

  func testUnknownCommandSuggests() {
    XCTAssertThrowsError(try parseCommandLine(["bnech"], root: root)) { error in
      XCTAssertEqual(
        error as? UsageError, .unknownCommand(name: "bnech", command: "tool", suggestion: "bench"))
    }
  }

  func testHelpAtEveryLevel() throws {
    for words in [["--help"], ["bench", "--help"], ["bench", "kernels", "-h"], ["bench"]] {
      guard case .help(let text) = try parseCommandLine(words, root: root) else {
        return XCTFail("expected help for \(words)")
      }
      XCTAssertTrue(text.contains("USAGE:"), text)
    }
    guard case .help(let leaf) = try parseCommandLine(["bench", "kernels", "--help"], root: root)
    else { return XCTFail("expected help") }
    XCTAssertTrue(leaf.contains("--threads N"))
  }

  func testVersionAndMissingValue() throws {
    guard case .version = try parseCommandLine(["--version"], root: root) else {
      return XCTFail("expected version")
    }
    XCTAssertThrowsError(try parseCommandLine(["bench", "kernels", "--threads"], root: root)) {
      XCTAssertEqual($0 as? UsageError, .missingValue(name: "threads"))
    }
  }

  func testTypedAccessorsRejectBadValues() throws {
    guard
      case .run(_, let args) = try parseCommandLine(
        ["bench", "kernels", "--threads", "two"], root: root)
    else { return XCTFail("expected a run") }
    XCTAssertThrowsError(try args.int("threads", default: 1)) { error in
      XCTAssertTrue("\(error)".contains("--threads"))
    }
  }
}
