// LayoutLab — no source file may call Foundation's non-throwing FileHandle API, which traps on
// any I/O error (a path that names a folder, a full disk, a closed pipe).

import Foundation
import XCTest
import _TestSupport

final class NoTrappingIOTests: XCTestCase {
  /// The non-throwing calls and what to use instead.
  static let forbidden: [(call: String, instead: String)] = [
    ("readData(ofLength", "read(upToCount:)"),
    ("readDataToEndOfFile", "readToEnd()"),
    ("seekToEndOfFile()", "seekToEnd()"),
    ("seek(toFileOffset", "seek(toOffset:)"),
    ("availableData", "read(upToCount:) or POSIX read"),
    ("truncateFile(atOffset", "truncate(atOffset:)"),
    ("synchronizeFile()", "synchronize()"),
    ("closeFile()", "close()"),
    (".standardError.write(Data", "write(contentsOf:)"),
    (".standardOutput.write(Data", "write(contentsOf:)"),
  ]

  /// Every `.swift` file under `Sources`, with its text.
  func sourceFiles() throws -> [(path: String, text: String)] {
    let root = TestPaths.packageRoot.appendingPathComponent("Sources")
    guard let walker = FileManager.default.enumerator(atPath: root.path) else {
      throw CocoaError(.fileReadNoSuchFile)
    }
    var files: [(String, String)] = []
    for case let relative as String in walker where relative.hasSuffix(".swift") {
      let url = root.appendingPathComponent(relative)
      files.append(("Sources/" + relative, try String(contentsOf: url, encoding: .utf8)))
    }
    return files
  }

  func testSourcesUseOnlyTheThrowingFileHandleAPI() throws {
    let files = try sourceFiles()
    XCTAssertGreaterThan(files.count, 100, "the scan must see the whole Sources tree")
    var found: [String] = []
    for (path, text) in files {
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
      {
        let code = line.trimmingCharacters(in: .whitespaces)
        if code.hasPrefix("//") { continue }
        for (call, instead) in Self.forbidden where line.contains(call) {
          found.append("\(path):\(number + 1): \(call) (use \(instead))")
        }
      }
    }
    XCTAssertEqual(found, [], "non-throwing FileHandle calls trap on I/O errors")
  }

  func testTheScanFindsAForbiddenCall() {
    let line = "    let head = handle.readData(ofLength: 8)"
    XCTAssertTrue(Self.forbidden.contains { line.contains($0.call) })
  }
}
