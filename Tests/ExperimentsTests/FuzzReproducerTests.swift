// LayoutLab — the reproducers of issue 33, run through the real `layoutlab` executable: each
// must exit with status 1 and a message naming the file, never die of a signal (a trap).
// Their bytes are in Fixtures/fuzz/; the two large ones (a 400,000-seed spec, a 3 MB line)
// are generated here from a one-line description instead of being committed.

import Foundation
import XCTest
import _TestSupport

final class FuzzReproducerTests: XCTestCase {
  var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz33-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  /// Copies `Fixtures/fuzz/<name>` to `relativePath` inside the test folder.
  @discardableResult
  func place(_ name: String, at relativePath: String) throws -> URL {
    let target = folder.appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: TestPaths.fixture("ExperimentsTests/Fixtures/fuzz/\(name)"), to: target)
    return target
  }

  func makeFolder(_ relativePath: String) throws {
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent(relativePath), withIntermediateDirectories: true)
  }

  /// Runs `layoutlab arguments` and checks: exit 1, no signal, within `seconds`, and a message
  /// that contains every one of `mentions`. Returns the message.
  @discardableResult
  func assertCleanFailure(
    _ arguments: [String], mentions: [String], seconds: Double = 10,
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> String {
    let start = Date()
    let run = try runLayoutlab(arguments)
    let elapsed = Date().timeIntervalSince(start)
    XCTAssertFalse(run.signaled, "killed by a signal: \(run.output)", file: file, line: line)
    XCTAssertEqual(run.status, 1, run.output, file: file, line: line)
    XCTAssertLessThan(elapsed, seconds, file: file, line: line)
    for text in mentions {
      XCTAssertTrue(
        run.output.contains(text), "'\(text)' not in: \(run.output)", file: file, line: line)
    }
    XCTAssertFalse(run.output.contains("Fatal error"), run.output, file: file, line: line)
    return run.output
  }

  func testAListLineNamingTheImagesFolderItself() throws {
    let list = try place("rvlcdip-dot.txt", at: "train.txt")
    try makeFolder("images")
    try assertCleanFailure(
      ["data", "stats", folder.path, "--format", "rvlcdip"],
      mentions: ["\(list.path): line 1 '.'", "found a folder"])
  }

  func testAListLineNamingAFolder() throws {
    let list = try place("rvlcdip-images.txt", at: "train.txt")
    try makeFolder("images")
    try assertCleanFailure(
      ["data", "stats", list.path, "--format", "rvlcdip"],
      mentions: ["\(list.path): line 1 'images'", "found a folder"])
  }

  func testADocVQAImageThatIsAFolder() throws {
    let questions = try place("docvqa-image-folder_v1.0.json", at: "val_v1.0.json")
    try makeFolder("documents")
    try assertCleanFailure(
      ["data", "stats", questions.path, "--format", "docvqa"],
      mentions: ["\(questions.path): data[0].image 'documents'", "found a folder"])
  }

  func testAHugeLeftInATSVBesideAnRVLCDIPPage() throws {
    let list = folder.appendingPathComponent("train.txt")
    try Data("page.tif 1\n".utf8).write(to: list)
    let tsv = try place("tesseract-huge-left.tsv", at: "images/page.tsv")
    try assertCleanFailure(
      ["data", "stats", list.path, "--format", "rvlcdip"],
      mentions: [
        "\(list.path): line 1 'page.tif'", "\(tsv.path): line 3 column 7 (left)",
        "9223372036854775807",
      ])
  }

  func testAHugeTopInATSVGivenAsDocVQAOCR() throws {
    let questions = try place("docvqa-page_v1.0.json", at: "val_v1.0.json")
    let tsv = try place("tesseract-huge-top.tsv", at: "ocr/page.tsv")
    try assertCleanFailure(
      [
        "data", "stats", questions.path, "--format", "docvqa", "--ocr",
        folder.appendingPathComponent("ocr").path,
      ],
      mentions: ["\(questions.path): data[0].image", "\(tsv.path): line 3 column 8 (top)"])
  }

  func testInvalidUTF8InAListGivesLineAndByteOffset() throws {
    let list = try place("rvlcdip-invalid-utf8.txt", at: "train.txt")
    try assertCleanFailure(
      ["data", "stats", list.path, "--format", "rvlcdip"],
      mentions: ["\(list.path): line 2, byte offset 9"])
  }

  func testAThreeMegabyteLineIsEchoedCut() throws {
    let list = folder.appendingPathComponent("train.txt")
    try Data((String(repeating: "x", count: 3_000_000) + " 99\n").utf8).write(to: list)
    let output = try assertCleanFailure(
      ["data", "stats", list.path, "--format", "rvlcdip"], mentions: [list.path, "line 1", "…"])
    XCTAssertLessThan(output.utf8.count, 2_000, "the error must not echo the whole line")
  }

  func testDuplicateSeedsAreRefused() throws {
    let spec = try place("spec-duplicate-seeds.json5", at: "dup.json5")
    try assertCleanFailure(["plan", spec.path], mentions: [spec.path, "seeds[2]"])
  }

  func testFourHundredThousandSeedsAreRefusedQuickly() throws {
    let spec = folder.appendingPathComponent("many.json5")
    let seeds = (1...400_000).map(String.init).joined(separator: ",")
    try Data("{ name: 'many', seeds: [\(seeds)] }\n".utf8).write(to: spec)
    try assertCleanFailure(
      ["plan", spec.path], mentions: [spec.path, "at most 100000 runs", "400000 seeds"],
      seconds: 5)
  }
}
