// LayoutLab — tests of the oracle features and classifiers.

import LayoutData
import XCTest

@testable import SyntheticData

final class CueFeaturesTests: XCTestCase {
  func testGridMeansAndNearestCentroid() {
    var pixels = [UInt8](repeating: 255, count: 20 * 10)
    for y in 0..<10 { for x in 0..<10 { pixels[y * 20 + x] = 0 } }
    let page = GrayImage(width: 20, height: 10, pixels: pixels)
    XCTAssertEqual(
      CueFeatures.gridMeans(page, x0: 0, y0: 0, x1: 20, y1: 10, rows: 1, columns: 2), [0, 1])
    let train: [([Double], Int)] = [([0, 0], 0), ([0.1, 0], 0), ([1, 1], 1), ([0.9, 1], 1)]
    XCTAssertEqual(
      CueFeatures.nearestCentroidAccuracy(
        train: train, test: [([0.2, 0.1], 0), ([0.8, 0.7], 1)], classes: 2), 1)
  }

  func testNaiveBayesAndNearestNeighbour() {
    let train: [([String], Int)] = [(["invoice", "total"], 0), (["memo", "to"], 1)]
    XCTAssertEqual(
      CueFeatures.naiveBayesAccuracy(
        train: train, test: [(["total"], 0), (["memo"], 1)], classes: 2), 1)
    let views = [
      (CueFeatures.EntityView(text: "Date:", geometry: [0.1, 0.1]), 1),
      (CueFeatures.EntityView(text: "9/3/92", geometry: [0.5, 0.1]), 2),
    ]
    let query = CueFeatures.EntityView(text: "Date:", geometry: [0.4, 0.1])
    XCTAssertEqual(CueFeatures.nearestNeighbourLabel(query, train: views, k: 1, classes: 4), 1)
  }

  func testPageTokensCarryWordsPositionsAndHeights() {
    let document = Document(
      id: "d", pageWidth: 800, pageHeight: 800,
      words: [Word(text: "Memo", box: BoundingBox(x0: 0, y0: 0, x1: 40, y1: 16))])
    XCTAssertEqual(CueFeatures.pageTokens(document), ["memo", "@0,0", "#4"])
  }
}
