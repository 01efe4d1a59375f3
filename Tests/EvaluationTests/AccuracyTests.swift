// LayoutLab — accuracy, per-class scores and the confusion matrix, checked by hand.

import Evaluation
import XCTest

final class AccuracyTests: XCTestCase {
  func testReportOnStringLabels() throws {
    let report = try classificationReport(
      gold: ["cat", "cat", "dog", "dog", "dog", "eel"],
      predicted: ["cat", "dog", "dog", "dog", "cat", "cat"])
    XCTAssertEqual(report.labels, ["cat", "dog", "eel"])
    XCTAssertEqual(report.confusion, [1, 1, 0, 1, 2, 0, 1, 0, 0])
    XCTAssertEqual(report.correct, 3)
    XCTAssertEqual(report.accuracy, 0.5)
    let cat = report.perClass[0]
    XCTAssertEqual(cat.scores.precision, 1.0 / 3.0, accuracy: 1e-15)
    XCTAssertEqual(cat.scores.recall, 0.5)
    XCTAssertEqual(cat.scores.f1, 0.4, accuracy: 1e-15)
    XCTAssertEqual(cat.support, 2)
    XCTAssertEqual(cat.predicted, 3)
    let dog = report.perClass[1]
    XCTAssertEqual(dog.scores.precision, 2.0 / 3.0, accuracy: 1e-15)
    XCTAssertEqual(dog.scores.recall, 2.0 / 3.0, accuracy: 1e-15)
    XCTAssertEqual(report.perClass[2].scores, PrecisionRecallF1(precision: 0, recall: 0, f1: 0))
    XCTAssertEqual(report.macro.recall, (0.5 + 2.0 / 3.0 + 0) / 3, accuracy: 1e-15)
    XCTAssertEqual(
      report.weighted.precision, (2 * (1.0 / 3.0) + 3 * (2.0 / 3.0)) / 6, accuracy: 1e-15)
    XCTAssertEqual(report.count(gold: 1, predicted: 0), 1)
  }

  func testIndexLabelsAndEmptyInput() throws {
    let report = try classificationReport(
      gold: [0, 1, 2, 2], predicted: [0, 1, 2, 1], labels: ["a", "b", "c", "d"])
    XCTAssertEqual(report.accuracy, 0.75)
    XCTAssertEqual(report.perClass[3].support, 0)
    XCTAssertEqual(report.confusion.reduce(0, +), 4)
    let empty = try classificationReport(gold: [Int](), predicted: [], labels: ["a"])
    XCTAssertEqual(empty.accuracy, 0)
    XCTAssertEqual(empty.weighted, PrecisionRecallF1(precision: 0, recall: 0, f1: 0))
  }

  func testBadIndicesAndLengthsThrow() {
    XCTAssertThrowsError(
      try classificationReport(gold: [0, 5], predicted: [0, 1], labels: ["a", "b"])
    ) {
      XCTAssertEqual("\($0)", "gold: item 1: class index 5 outside 0..<2")
    }
    XCTAssertThrowsError(try classificationReport(gold: ["a"], predicted: ["a", "b"])) {
      XCTAssertEqual("\($0)", "predicted: 2 items, but gold has 1")
    }
  }
}
