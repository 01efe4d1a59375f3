import Foundation
import XCTest

@testable import LayoutData

final class OCRProvenanceTests: XCTestCase {
  func testSidecarRoundTripsAndIsAbsentWhenNotWritten() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ocr-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    XCTAssertNil(try OCRProvenance.read(folder: folder))
    let written = OCRProvenance(
      engine: .tesseract, engineVersion: "tesseract 5.3.0", pageSegmentationMode: 4, pages: 3,
      pagesWithOCR: 3)
    try written.write(folder: folder)
    XCTAssertEqual(try OCRProvenance.read(folder: folder), written)
  }

  func testCorruptSidecarNamesTheFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ocr-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("{ \"engine\": \"abacus\" }".utf8).write(
      to: folder.appendingPathComponent(OCRProvenance.sidecarName))
    XCTAssertThrowsError(try OCRProvenance.read(folder: folder)) {
      XCTAssertTrue("\($0)".contains(OCRProvenance.sidecarName), "\($0)")
    }
  }

  func testABadFieldIsNamedByKeyPathNotRawDecodingErrorText() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ocr-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let sidecar = folder.appendingPathComponent(OCRProvenance.sidecarName)
    try Data(
      #"{"engine": "tesseract", "boxLevel": "word", "pages": "three", "pagesWithOCR": 3}"#.utf8
    ).write(
      to: sidecar)
    XCTAssertThrowsError(try OCRProvenance.read(folder: folder)) {
      XCTAssertEqual("\($0)", "\(sidecar.path): pages: expected an integer")
    }
    try Data(#"{"engine": "tesseract", "boxLevel": "word", "pages": 3}"#.utf8).write(to: sidecar)
    XCTAssertThrowsError(try OCRProvenance.read(folder: folder)) {
      XCTAssertEqual(
        "\($0)", "\(sidecar.path): pagesWithOCR: expected a value (the key is missing)")
    }
  }
}
