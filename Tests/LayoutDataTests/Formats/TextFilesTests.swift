// LayoutLab — list and TSV text: invalid UTF-8 is named by line and byte offset.

import Foundation
import XCTest

@testable import LayoutData

final class TextFilesTests: XCTestCase {
  func testValidTextDecodes() throws {
    XCTAssertEqual(try decodeUTF8(Data("a b\nc é\n".utf8), file: "f.txt"), "a b\nc é\n")
  }

  func testInvalidUTF8NamesLineAndByteOffset() {
    let bytes = Data("a.tif 1\nb".utf8) + Data([0xFF, 0x41]) + Data(" 2\n".utf8)
    XCTAssertThrowsError(try decodeUTF8(bytes, file: "list.txt")) {
      XCTAssertEqual(
        "\($0)",
        "list.txt: line 2, byte offset 9: expected UTF-8 text, found an invalid sequence of 1 byte(s)"
      )
    }
  }

  func testALabelListWithInvalidUTF8IsNamed() throws {
    let list = FileManager.default.temporaryDirectory.appendingPathComponent("utf8-\(UUID()).txt")
    defer { try? FileManager.default.removeItem(at: list) }
    try (Data("x.tif 1\n".utf8) + Data([0xC3, 0x28])).write(to: list)
    XCTAssertThrowsError(try RVLCDIP.readLabels(list)) {
      XCTAssertTrue("\($0)".hasPrefix("\(list.path): line 2, byte offset 8"), "\($0)")
    }
  }

  func testQuotedCutsLongText() {
    XCTAssertEqual(DataFormatError.quoted("abc"), "'abc'")
    let long = String(repeating: "é", count: 500)
    XCTAssertEqual(
      DataFormatError.quoted(long), "'" + String(repeating: "é", count: 200) + "…'")
  }
}
