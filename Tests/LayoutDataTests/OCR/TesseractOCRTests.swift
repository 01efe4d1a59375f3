import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

final class TesseractOCRTests: XCTestCase {
  func requireTesseract() throws {
    do {
      _ = try TesseractOCR.locateExecutable()
    } catch {
      print("skipped: tesseract is not installed (\(error))")
      throw XCTSkip("tesseract is not installed")
    }
  }

  func testMissingExecutableGivesInstallHint() {
    XCTAssertThrowsError(try TesseractOCR.locateExecutable("/nonexistent/tesseract")) {
      XCTAssertTrue("\($0)".contains("/nonexistent/tesseract"), "\($0)")
    }
    let saved = ProcessInfo.processInfo.environment["PATH"]
    setenv("PATH", "/nonexistent", 1)
    defer { if let saved { setenv("PATH", saved, 1) } }
    XCTAssertThrowsError(try TesseractOCR.locateExecutable()) {
      XCTAssertTrue("\($0)".contains("apt-get install -y tesseract-ocr"), "\($0)")
    }
  }

  /// Acceptance: OCR of the DocVQA sample pages plus QA encoding finds at least 11 of 12 answers.
  func testDocVQASampleOCRAndQAEncoding() throws {
    let sample = try TestPaths.shared("data/docvqa-sample")
    let vocabulary = try TestPaths.shared("data/vocab/bert-base-uncased.txt")
    try requireTesseract()
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("ocr-\(UUID())")
    defer { try? FileManager.default.removeItem(at: out) }
    let images = try FileManager.default.contentsOfDirectory(
      atPath: sample.appendingPathComponent("documents").path
    )
    .filter { $0.hasSuffix(".png") }.sorted().map {
      sample.appendingPathComponent("documents/\($0)").path
    }
    XCTAssertEqual(images.count, 3)
    let summary = try TesseractOCR.run(images: images, outDirectory: out.path)
    XCTAssertEqual(summary.split(separator: "\n").count, 3)
    let provenance = try XCTUnwrap(try OCRProvenance.read(folder: out))
    XCTAssertEqual(provenance.engine, .tesseract)
    XCTAssertTrue(provenance.engineVersion?.hasPrefix("tesseract ") ?? false, "\(provenance)")
    XCTAssertEqual(provenance.pageSegmentationMode, 4)
    XCTAssertEqual(provenance.pages, 3)
    let dataset = try DocVQADataset.read(sample, ocrDirectory: out)
    XCTAssertEqual(dataset.documentsWithOCR.count, 3)
    XCTAssertTrue(dataset.documents.allSatisfy { $0.words.count > 20 })
    let encoder = try QAEncoder(tokenizer: try WordPieceTokenizer(vocabularyFile: vocabulary))
    let result = try encoder.encode(dataset.questions, documents: dataset.documents)
    print(
      "DocVQA sample, tesseract --psm 4: answers found \(result.answersFound) of 12, not found \(result.notFoundQuestionIds)"
    )
    XCTAssertEqual(result.questions, 12)
    XCTAssertGreaterThanOrEqual(result.answersFound, 11)
    XCTAssertEqual(result.answersFound + result.answersNotFound, 12)
    let answered = result.windows.filter { ($0.startPosition ?? 0) > 0 }
    XCTAssertGreaterThanOrEqual(Set(answered.compactMap(\.questionId)).count, 11)
    for window in answered {
      let start = Int(window.startPosition ?? 0)
      let end = Int(window.endPosition ?? 0)
      XCTAssertLessThanOrEqual(start, end)
      XCTAssertEqual(window.tokenTypeIds[start], 1, "answers lie in segment B")
    }
  }
}
