// LayoutLab — golden-file (snapshot) assertions: generated text against a committed fixture.

import Foundation
import XCTest

/// Asserts that `text` equals the committed fixture at `Tests/<relativePath>`, byte for byte.
///
/// With `LAYOUTLAB_UPDATE_GOLDEN=1` in the environment the fixture is first (re)written from
/// `text`: run the tests that way after a deliberate change, then read the diff before
/// committing it (`LAYOUTLAB_UPDATE_GOLDEN=1 swift test --filter ReportingTests`).
public func assertMatchesGolden(
  _ text: String, fixture relativePath: String, file: StaticString = #filePath, line: UInt = #line
) throws {
  let url = TestPaths.fixture(relativePath)
  if ProcessInfo.processInfo.environment["LAYOUTLAB_UPDATE_GOLDEN"] == "1" {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }
  let expected = try String(contentsOf: url, encoding: .utf8)
  XCTAssertEqual(
    text, expected, "differs from \(relativePath) (LAYOUTLAB_UPDATE_GOLDEN=1 rewrites it)",
    file: file, line: line)
}
