// LayoutLab — paths named by lists and question files: a folder is an error naming the list line.

import Foundation
import XCTest

@testable import LayoutData

final class ListedFilesTests: XCTestCase {
  var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("listed-\(UUID())")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("images/sub"), withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  func testKinds() throws {
    let file = folder.appendingPathComponent("a.txt")
    try Data("x".utf8).write(to: file)
    XCTAssertEqual(listedFileKind(file), .regularFile)
    XCTAssertEqual(listedFileKind(folder), .other("a folder"))
    XCTAssertEqual(listedFileKind(folder.appendingPathComponent("none")), .missing)
    XCTAssertFalse(try listedFileExists(folder.appendingPathComponent("none"), what: "an image"))
    XCTAssertThrowsError(try listedFileExists(folder, what: "a page image")) {
      XCTAssertEqual("\($0)", "\(folder.path): expected a page image file, found a folder")
    }
  }

  func testARVLCDIPLineNamingAFolderIsAnErrorNamingTheListAndLine() throws {
    let list = folder.appendingPathComponent("train.txt")
    for line in [". 15", "images 3", "sub 2"] {
      try Data("\(line)\n".utf8).write(to: list)
      XCTAssertThrowsError(
        try RVLCDIP.readLabels(list)
      ) {
        let message = "\($0)"
        XCTAssertTrue(message.hasPrefix("\(list.path): line 1 '"), message)
        XCTAssertTrue(message.contains("found a folder"), message)
      }
    }
  }

  func testImageHeaderOfAFolderThrows() {
    XCTAssertThrowsError(try ImageHeader.pixelSize(of: folder)) {
      XCTAssertTrue("\($0)".contains("found a folder"), "\($0)")
    }
  }

  func testADocVQAImageThatIsAFolderNamesTheQuestionFileAndEntry() throws {
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("documents"), withIntermediateDirectories: true)
    let questions = folder.appendingPathComponent("val_v1.0.json")
    try Data(
      #"{"dataset_split": "val", "data": [{"questionId": 1, "question": "q?", "image": "documents", "answers": ["a"]}]}"#
        .utf8
    ).write(to: questions)
    XCTAssertThrowsError(try DocVQADataset.read(questions)) {
      let message = "\($0)"
      XCTAssertTrue(message.hasPrefix("\(questions.path): data[0].image 'documents'"), message)
      XCTAssertTrue(message.contains("found a folder"), message)
    }
  }
}
