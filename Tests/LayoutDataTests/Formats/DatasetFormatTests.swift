// LayoutLab — detecting a dataset's layout and loading its documents.

import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

final class DatasetFormatTests: XCTestCase {
  func testDetectsTheSharedLayouts() throws {
    XCTAssertEqual(
      try DatasetFormat.detect(try TestPaths.shared("data/funsd/training_data")), .funsd)
    XCTAssertEqual(try DatasetFormat.detect(try TestPaths.shared("data/docvqa-sample")), .docvqa)
    XCTAssertEqual(
      try DatasetFormat.detect(try TestPaths.shared("data/docvqa-sample/val_v1.0.json")), .docvqa)
    XCTAssertEqual(try DatasetFormat.detect(try TestPaths.shared("data/rvl-cdip-sample")), .rvlcdip)
    XCTAssertEqual(
      try DatasetFormat.detect(try TestPaths.shared("data/rvl-cdip-sample/test.txt")), .rvlcdip)
  }

  func testMissingPathNamesIt() {
    XCTAssertThrowsError(try DatasetFormat.detect(URL(fileURLWithPath: "/no/such/dataset"))) {
      XCTAssertEqual("\($0)", "/no/such/dataset does not exist")
    }
  }

  func testLoadDocumentsPerFormat() throws {
    let rvl = try loadDocuments(try TestPaths.shared("data/rvl-cdip-sample"), format: .rvlcdip)
    XCTAssertEqual(rvl.count, 3)
    let docvqa = try loadDocuments(try TestPaths.shared("data/docvqa-sample"), format: .docvqa)
    XCTAssertEqual(docvqa.count, 3)
  }
}
