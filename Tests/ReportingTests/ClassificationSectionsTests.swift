// LayoutLab — the classification report's baselines, OCR and per-page sections.

import Experiments
import Foundation
import Tasks
import XCTest

@testable import Reporting

final class ClassificationSectionsTests: XCTestCase {
  /// A classification run as result.json holds it; `ocr` and the train fields are optional.
  func run(_ variant: String, predicted: [Int], withNewFields: Bool) throws -> RunRecord {
    let train = #"{"id": "t1", "gold": 3, "predicted": \#(predicted[0])}"#
    let dev = #"{"id": "d1", "gold": 15, "predicted": \#(predicted[1])}"#
    let test = #"{"id": "x1", "gold": 11, "predicted": \#(predicted[2])}"#
    func accuracy(_ right: Bool) -> String { right ? "1" : "0" }
    let newFields =
      withNewFields
      ? #", "train": {"accuracy": \#(accuracy(predicted[0] == 3)), "perCue": {}, "documents": 1}, "trainPredictions": [\#(train)]"#
      : ""
    let ocr =
      withNewFields
      ? #", "ocr": {"engine": "tesseract", "engineVersion": "tesseract 5.3.0", "pageSegmentationMode": 4, "boxLevel": "word", "pages": 3, "pagesWithOCR": 3}"#
      : ""
    let json = """
      {"experiment": "demo", "variant": "\(variant)", "seed": 1,
       "configuration": {"model": {"version": "\(variant)"}},
       "classification": {"bestEpoch": 2,
         "dev": {"accuracy": \(accuracy(predicted[1] == 15)), "perCue": {}, "documents": 1},
         "test": {"accuracy": \(accuracy(predicted[2] == 11)), "perCue": {}, "documents": 1},
         "devPredictions": [\(dev)], "testPredictions": [\(test)]\(newFields)},
       "timings": {"totalSeconds": 5, "trainSeconds": 4},
       "provenance": {"gitCommit": "0123456789abcdef", "gitDirty": false, "threads": 2,
                      "specHash": "feedface", "toolchain": "Swift 6.3"},
       "data": {"trainDocuments": 1, "devDocuments": 1, "testDocuments": 1, "source": "rvlcdip"\(ocr)},
       "parameterCount": 99}
      """
    return try RecordFixture.decode(json)
  }

  func baseline(_ name: String, dev: Double, test: Double) throws -> ClassificationBaselineScores {
    let json = """
      {"name": "\(name)", "description": "what \(name) does",
       "dev": {"accuracy": \(dev), "perCue": {}, "documents": 1},
       "test": {"accuracy": \(test), "perCue": {}, "documents": 1}}
      """
    return try JSONDecoder().decode(ClassificationBaselineScores.self, from: Data(json.utf8))
  }

  func testReportListsBaselinesOCRTrainAccuracyAndEveryPage() throws {
    var results = ExperimentResults(
      experiment: "demo",
      runs: [
        try run("v1", predicted: [3, 3, 11], withNewFields: true),
        try run("v2", predicted: [3, 15, 3], withNewFields: true),
      ], baselines: [])
    results.classificationBaselines = [
      try baseline("majority class", dev: 0, test: 0),
      try baseline("nearest centroid", dev: 1, test: 0),
    ]
    let text = try renderReport(results, title: "Demo", description: "")
    XCTAssertTrue(text.contains("| test accuracy (mean ± sd) | train accuracy |"), text)
    XCTAssertTrue(text.contains("## Baselines on the same splits"), text)
    XCTAssertTrue(
      text.contains("| nearest centroid | what nearest centroid does | 1.000 | 0.000 |"), text)
    XCTAssertTrue(
      text.contains(
        "## OCR\n\n- tesseract (tesseract 5.3.0), --psm 4, word boxes; 3 of 3 pages with OCR\n"),
      text)
    XCTAssertTrue(text.contains("| page | split | gold class | v1 seed 1 | v2 seed 1 |"), text)
    XCTAssertTrue(text.contains("| t1 | train | 3 | 3 | 3 |"), text)
    XCTAssertTrue(text.contains("| d1 | dev | 15 | 3 | 15 |"), text)
    XCTAssertTrue(text.contains("| x1 | test | 11 | 11 | 3 |"), text)
    XCTAssertTrue(text.contains("| all pages |  |  | 2 of 3 | 2 of 3 |"), text)
  }

  func testOlderResultsRenderWithoutTheNewSections() throws {
    let results = ExperimentResults(
      experiment: "demo", runs: [try run("v1", predicted: [3, 3, 11], withNewFields: false)],
      baselines: [])
    let text = try renderReport(results, title: "Demo", description: "")
    XCTAssertFalse(text.contains("train accuracy"), text)
    XCTAssertFalse(text.contains("## OCR"), text)
    XCTAssertFalse(text.contains("## Baselines"), text)
    // Dev and test pages are still listed for a small set.
    XCTAssertTrue(text.contains("| x1 | test | 11 | 11 |"), text)
    XCTAssertFalse(text.contains("| t1 |"), text)
  }
}
