// LayoutLab — `data.source: 'rvlcdip'`: splits, the per-class sample, OCR sources and errors.

import Foundation
import LayoutData
import XCTest
import _TestSupport

@testable import Tasks

final class RVLCDIPPreparationTests: XCTestCase {
  var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("rvlprep-\(UUID())")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: folder)
  }

  /// Writes a 40×30 page image `images/<name>.tif` and, in `ocr`, its TSV with `words`.
  func addPage(_ name: String, words: [String], ocr: URL?) throws {
    try TIFFEncoder.write(
      RasterImage(
        width: 40, height: 30, mode: .gray, pixels: [UInt8](repeating: 255, count: 40 * 30)),
      to: folder.appendingPathComponent("images/\(name).tif"))
    guard let ocr else { return }
    var document = Document(id: name, pageWidth: 40, pageHeight: 30)
    for (index, word) in words.enumerated() {
      document.words.append(
        Word(text: word, box: BoundingBox(x0: Double(index), y0: 1, x1: Double(index) + 1, y1: 2)))
    }
    try TesseractTSV.write(document, to: ocr.appendingPathComponent("\(name).tsv"))
  }

  func write(_ lines: [String], to name: String) throws {
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(
      to: folder.appendingPathComponent(name))
  }

  func settings(ocr: URL?) -> DataSettings {
    var data = DataSettings()
    data.source = .rvlcdip
    data.root = folder.path
    data.ocr = ocr?.path
    return data
  }

  func testSplitsComeFromTheListsAndWordsFromTheOCRFolder() throws {
    let ocr = folder.appendingPathComponent("ocr")
    try addPage("a", words: ["Invoice", "total"], ocr: ocr)
    try addPage("b", words: ["memo"], ocr: ocr)
    try addPage("c", words: ["dear", "sir"], ocr: ocr)
    try write(["a.tif 11", "b.tif 15"], to: "train.txt")
    try write(["c.tif 0"], to: "val.txt")
    try write(["b.tif 15"], to: "test.txt")
    let prepared = try prepareRVLCDIPDocuments(
      settings(ocr: ocr), cache: folder.appendingPathComponent("cache"))
    XCTAssertEqual(prepared.train.map(\.id), ["a", "b"])
    XCTAssertEqual(prepared.dev.map(\.id), ["c"])
    XCTAssertEqual(prepared.test.map(\.classLabel), [15])
    XCTAssertEqual(prepared.train[0].words.map(\.text), ["Invoice", "total"])
    XCTAssertEqual(prepared.train[0].pageWidth, 40)
    XCTAssertEqual(
      prepared.ocr, OCRProvenance(engine: .files, pages: 4, pagesWithOCR: 4))
  }

  func testListsUnderLabelsWithoutValCarveDevAndPerClassSamples() throws {
    let ocr = folder.appendingPathComponent("ocr")
    var lines: [String] = []
    for index in 0..<12 {
      try addPage("p\(index)", words: ["w\(index)"], ocr: ocr)
      lines.append("p\(index).tif \(index % 2 == 0 ? 4 : 9)")
    }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("labels"), withIntermediateDirectories: true)
    try write(lines, to: "labels/train.txt")
    var data = settings(ocr: ocr)
    data.devEvery = 4
    let cache = folder.appendingPathComponent("cache")
    let all = try prepareRVLCDIPDocuments(data, cache: cache)
    // Sorted ids p0, p1, p10, p11, p2, …: every 4th (index 3, 7, 11) is dev.
    XCTAssertEqual(all.dev.map(\.id), ["p11", "p5", "p9"])
    XCTAssertEqual(all.train.count, 9)
    XCTAssertTrue(all.test.isEmpty)
    data.perClass = 2
    let sample = try prepareRVLCDIPDocuments(data, cache: cache)
    XCTAssertEqual(sample.train.count, 4)
    XCTAssertEqual(sample.train.filter { $0.classLabel == 4 }.count, 2)
    XCTAssertEqual(sample.train.filter { $0.classLabel == 9 }.count, 2)
    XCTAssertEqual(sample.dev.map(\.id), all.dev.map(\.id))
    XCTAssertEqual(
      try prepareRVLCDIPDocuments(data, cache: cache).train.map(\.id), sample.train.map(\.id),
      "the sample depends only on the generator seed")
    data.generatorSeed = 2
    let other = try prepareRVLCDIPDocuments(data, cache: cache)
    XCTAssertEqual(other.train.count, 4)
    XCTAssertTrue(Set(other.train.map(\.id)).isSubset(of: Set(all.train.map(\.id))))
  }

  func testMissingImageAndBadLineNameTheListAndLine() throws {
    try addPage("a", words: ["x"], ocr: folder)
    try write(["a.tif 1", "gone.tif 2"], to: "train.txt")
    XCTAssertThrowsError(
      try prepareRVLCDIPDocuments(settings(ocr: nil), cache: folder.appendingPathComponent("c"))
    ) {
      let message = "\($0)"
      XCTAssertTrue(message.contains("train.txt"), message)
      XCTAssertTrue(message.contains("line 2 'gone.tif'"), message)
    }
    try write(["a.tif 1", "a.tif nineteen"], to: "train.txt")
    XCTAssertThrowsError(
      try prepareRVLCDIPDocuments(settings(ocr: nil), cache: folder.appendingPathComponent("c"))
    ) {
      XCTAssertTrue("\($0)".contains("line 2"), "\($0)")
    }
  }

  func testWithoutOCRAndWithoutTesseractTheErrorSaysHowToGetIt() throws {
    try addPage("a", words: [], ocr: nil)
    try write(["a.tif 1"], to: "train.txt")
    XCTAssertThrowsError(
      try prepareRVLCDIPDocuments(
        settings(ocr: nil), cache: folder.appendingPathComponent("cache"),
        tesseract: TesseractOptions(executable: "/nonexistent/tesseract"))
    ) {
      let message = "\($0)"
      XCTAssertTrue(message.contains("apt-get install -y tesseract-ocr"), message)
      XCTAssertTrue(message.contains("data.ocr"), message)
      XCTAssertTrue(message.contains("a.tif"), message)
    }
  }

  /// Tesseract OCRs the real sample once into the cache; the next preparation reuses it without
  /// running tesseract (a missing executable does not matter then).
  func testSampleOCRIsCachedAndReused() throws {
    let sample = try TestPaths.shared("data/rvl-cdip-sample")
    do {
      _ = try TesseractOCR.locateExecutable()
    } catch {
      print("skipped: tesseract is not installed (\(error))")
      throw XCTSkip("tesseract is not installed")
    }
    var data = DataSettings()
    data.source = .rvlcdip
    data.root = sample.path
    let cache = folder.appendingPathComponent("cache")
    let first = try prepareRVLCDIPDocuments(data, cache: cache)
    XCTAssertEqual(first.train.count + first.dev.count + first.test.count, 3)
    XCTAssertEqual(first.ocr?.engine, .tesseract)
    XCTAssertEqual(first.ocr?.pageSegmentationMode, 4)
    XCTAssertEqual(first.ocr?.pagesWithOCR, 3)
    XCTAssertTrue(first.ocr?.engineVersion?.hasPrefix("tesseract ") ?? false, "\(first.ocr!)")
    XCTAssertGreaterThan(first.dev[0].words.count + first.test[0].words.count, 20)
    let again = try prepareRVLCDIPDocuments(
      data, cache: cache, tesseract: TesseractOptions(executable: "/nonexistent/tesseract"))
    XCTAssertEqual(again.test[0].words, first.test[0].words)
    XCTAssertEqual(again.ocr, first.ocr)
  }
}
