// LayoutLab — the source digest: stable, changed by any source edit, blind to other files, and
// absent where there is no checkout.

import Foundation
import XCTest

@testable import Experiments

final class SourceDigestTests: XCTestCase {
  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("ll-digest-\(UUID())")
    try write("Package.swift", "// swift-tools-version: 6.0\n")
    try write("Sources/Experiments/A.swift", "let a = 1\n")
    try write("Sources/Reporting/B.swift", "let b = 2\n")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  func write(_ path: String, _ text: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func testDigestIsStableAndCoversEverySourceFileOnly() throws {
    let digest = try XCTUnwrap(SourceDigest.compute(packageRoot: root))
    XCTAssertEqual(digest.count, 64)
    XCTAssertEqual(SourceDigest.compute(packageRoot: root), digest)
    XCTAssertEqual(
      SourceDigest.sourceFiles(packageRoot: root),
      ["Package.swift", "Sources/Experiments/A.swift", "Sources/Reporting/B.swift"])
    // Files that are not Swift sources do not count.
    try write("Sources/Experiments/notes.md", "notes")
    try write("README.md", "readme")
    XCTAssertEqual(SourceDigest.compute(packageRoot: root), digest)
    // An edit, a new file or a renamed file does.
    try write("Sources/Reporting/B.swift", "let b = 3\n")
    let edited = try XCTUnwrap(SourceDigest.compute(packageRoot: root))
    XCTAssertNotEqual(edited, digest)
    try write("Sources/Reporting/C.swift", "")
    let added = try XCTUnwrap(SourceDigest.compute(packageRoot: root))
    XCTAssertNotEqual(added, edited)
    try FileManager.default.moveItem(
      at: root.appendingPathComponent("Sources/Reporting/C.swift"),
      to: root.appendingPathComponent("Sources/Reporting/D.swift"))
    XCTAssertNotEqual(SourceDigest.compute(packageRoot: root), added)
  }

  func testAFolderThatIsNotACheckoutHasNoDigest() throws {
    let empty = root.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    XCTAssertNil(SourceDigest.compute(packageRoot: empty))
    XCTAssertEqual(SourceDigest.packageRoot(repository: root), root)
  }

  func testAModuleDigestChangesOnlyWithThatModulesSources() throws {
    let module = try XCTUnwrap(SourceDigest.compute(packageRoot: root, module: "Reporting"))
    XCTAssertNotEqual(module, SourceDigest.compute(packageRoot: root))
    try write("Sources/Experiments/A.swift", "let a = 2\n")
    XCTAssertEqual(SourceDigest.compute(packageRoot: root, module: "Reporting"), module)
    try write("Sources/Reporting/B.swift", "let b = 4\n")
    XCTAssertNotEqual(SourceDigest.compute(packageRoot: root, module: "Reporting"), module)
    // The running tests' own package has a SyntheticData module.
    XCTAssertEqual(SourceDigest.module("SyntheticData").count, 64)
  }
}
