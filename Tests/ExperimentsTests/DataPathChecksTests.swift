// LayoutLab — a spec's data paths are checked before any training, each error naming its key.

import Foundation
import Tasks
import XCTest

@testable import Experiments

final class DataPathChecksTests: XCTestCase {
  var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("datapaths-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: folder)
  }

  func testCheckDataPathsNamesTheSpecField() throws {
    var data = DataSettings()
    data.source = .rvlcdip
    data.root = folder.path
    XCTAssertThrowsError(try checkDataPaths(data, file: "s.json5", path: "variants.v")) {
      XCTAssertEqual(
        ($0 as? SpecError).map {
          if case .missingPath(_, let path, _) = $0 { return path } else { return "" }
        }, "variants.v.data.root")
    }
    try Data("a.tif 1\n".utf8).write(to: folder.appendingPathComponent("train.txt"))
    data.ocr = folder.appendingPathComponent("no-such-ocr").path
    XCTAssertThrowsError(try checkDataPaths(data, file: "s.json5", path: "variants.v")) {
      XCTAssertTrue("\($0)".contains("variants.v.data.ocr"), "\($0)")
    }
    data.ocr = nil
    XCTAssertNoThrow(try checkDataPaths(data, file: "s.json5", path: "variants.v"))
  }
}
