// LayoutLab — the majority-class and nearest-centroid baselines on tiny hand-made pages.

import Foundation
import LayoutData
import XCTest

@testable import Tasks

final class ClassificationBaselinesTests: XCTestCase {
  /// A page of class `label` whose words are `text` split on spaces.
  func page(_ id: String, _ label: Int, _ text: String) -> Document {
    let box = BoundingBox(x0: 0, y0: 0, x1: 10, y1: 10)
    return Document(
      id: id, pageWidth: 100, pageHeight: 100,
      words: text.split(separator: " ").map { Word(text: String($0), box: box) }, classLabel: label)
  }

  func testMajorityClassPredictsTheMostFrequentTrainingClassAndBreaksTiesLow() {
    let train = [page("a", 4, "x"), page("b", 11, "y"), page("c", 11, "z"), page("d", 2, "w")]
    let majority = MajorityClassBaseline(training: train)
    XCTAssertEqual(majority.majority, 11)
    XCTAssertEqual(majority.predict(page("e", 4, "anything")), 11)
    let tied = MajorityClassBaseline(training: [page("a", 9, "x"), page("b", 3, "y")])
    XCTAssertEqual(tied.majority, 3)
  }

  func testNearestCentroidFollowsTheWordsAndIgnoresCase() {
    let train = [
      page("i1", 11, "invoice total amount due"), page("i2", 11, "invoice amount tax"),
      page("m1", 15, "memo to from subject"), page("m2", 15, "memo subject date"),
      page("m3", 15, "memo to date"),
    ]
    let centroid = NearestCentroidBaseline(training: train)
    XCTAssertEqual(centroid.predict(page("t1", 11, "INVOICE Amount")), 11)
    XCTAssertEqual(centroid.predict(page("t2", 15, "Subject: from")), 15)
    // No training word at all: the majority class (memo, 3 of 5 pages).
    XCTAssertEqual(centroid.predict(page("t3", 11, "zebra")), 15)
    // "memo" appears on 3 of 5 training pages, "invoice" on 2: rarer words weigh more.
    XCTAssertGreaterThan(centroid.idf["invoice"] ?? 0, centroid.idf["memo"] ?? 0)
  }

  func testBaselinesScoreDevAndTest() {
    let documents = PreparedDocuments(
      train: [
        page("a", 11, "invoice total"), page("b", 15, "memo subject"), page("c", 15, "memo"),
      ],
      dev: [page("d", 11, "invoice"), page("e", 15, "subject")],
      test: [
        page("f", 11, "total invoice"), page("g", 15, "nothing known"), page("h", 11, "memo"),
      ],
      testSource: nil)
    let scores = computeClassificationBaselines(documents)
    XCTAssertEqual(scores.map(\.name), ["majority class", "nearest centroid"])
    // Majority (15): dev 1 of 2, test 1 of 3.
    XCTAssertEqual(scores[0].dev.accuracy, 0.5, accuracy: 1e-12)
    XCTAssertEqual(scores[0].test?.accuracy ?? -1, 1.0 / 3, accuracy: 1e-12)
    // Centroid: dev both right; test: f right, g (no known word → 15) right, h wrong.
    XCTAssertEqual(scores[1].dev.accuracy, 1, accuracy: 1e-12)
    XCTAssertEqual(scores[1].test?.accuracy ?? -1, 2.0 / 3, accuracy: 1e-12)
    XCTAssertEqual(scores[1].test?.documents, 3)
    let noTest = computeClassificationBaselines(
      PreparedDocuments(train: documents.train, dev: documents.dev, test: [], testSource: nil))
    XCTAssertNil(noTest[0].test)
  }
}
