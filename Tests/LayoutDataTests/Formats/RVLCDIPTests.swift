import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

final class RVLCDIPTests: XCTestCase {
  func testClassOrder() {
    XCTAssertEqual(RVLCDIP.classNames.count, 16)
    XCTAssertEqual(RVLCDIP.classNames[0], "letter")
    XCTAssertEqual(RVLCDIP.classNames[3], "handwritten")
    XCTAssertEqual(RVLCDIP.classNames[11], "invoice")
    XCTAssertEqual(RVLCDIP.classNames[15], "memo")
  }

  func testSampleSplitsRead() throws {
    let documents = try RVLCDIP.readAll(try TestPaths.shared("data/rvl-cdip-sample"))
    XCTAssertEqual(documents.map(\.id), ["80035521", "2024525661", "503210033+-0034"])
    XCTAssertEqual(documents.map(\.classLabel), [15, 11, 3])
    for document in documents {
      XCTAssertNotNil(document.imagePath)
      XCTAssertGreaterThan(document.pageWidth, 0)
      XCTAssertGreaterThan(document.pageHeight, 0)
    }
  }

  func testCueSideFileRoundTripAndStandardLinesStayTwoColumns() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rvl-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let documents = [
      Document(id: "a/one", pageWidth: 0, pageHeight: 0, classLabel: 2, cue: "visual"),
      Document(id: "two", pageWidth: 0, pageHeight: 0, classLabel: 15),
    ]
    let list = folder.appendingPathComponent("train.txt")
    try RVLCDIP.writeLabels(documents, to: list)
    XCTAssertEqual(try String(contentsOf: list, encoding: .utf8), "a/one.tif 2\ntwo.tif 15\n")
    let read = try RVLCDIP.readLabels(list)
    XCTAssertEqual(read.map(\.id), ["a/one", "two"])
    XCTAssertEqual(read.map(\.classLabel), [2, 15])
    XCTAssertEqual(read.map(\.cue), ["visual", nil])
  }

  func testThirdColumnIsTheCue() throws {
    let list = FileManager.default.temporaryDirectory.appendingPathComponent("cue-\(UUID()).txt")
    defer { try? FileManager.default.removeItem(at: list) }
    try Data("x.tif 3 layout\ny.tif 4\n".utf8).write(to: list)
    let documents = try RVLCDIP.readLabels(list)
    XCTAssertEqual(documents.map(\.cue), ["layout", nil])
    XCTAssertEqual(documents.map(\.imagePath), [nil, nil], "missing images stay unset")
  }

  func testBadLabelLineNamesFileAndLine() throws {
    let list = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID()).txt")
    defer { try? FileManager.default.removeItem(at: list) }
    try Data("x.tif 3\ny.tif 16\n".utf8).write(to: list)
    XCTAssertThrowsError(try RVLCDIP.readLabels(list)) { error in
      XCTAssertTrue("\(error)".contains(list.lastPathComponent), "\(error)")
      XCTAssertTrue("\(error)".contains("line 2 'y.tif 16'"), "\(error)")
    }
  }
}
