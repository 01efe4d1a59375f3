// LayoutLab — tests of the 16 visual signatures: coarse and distinct at the 7×7 grid.

import LayoutData
import Seeding
import XCTest

@testable import SyntheticData

final class ClassVisualsTests: XCTestCase {
  func testSignaturesAreDistinctOnThePooledGrid() {
    var grids: [[Double]] = []
    for visualClass in 0..<16 {
      var canvas = PageCanvas(width: 762, height: 1000)
      var generator = SeededGenerator(seed: 1)
      ClassVisuals.draw(visualClass, on: &canvas, generator: &generator)
      let small = PageImageFiles.grayImage(canvas).resizedBilinear(width: 224, height: 224)
      grids.append(CueFeatures.pagePixels(small))
    }
    XCTAssertEqual(ClassVisuals.descriptions.count, 16)
    for a in 0..<16 {
      XCTAssertLessThan(grids[a].min() ?? 1, 0.95, "class \(a) must darken some 7×7 cell by 5 %")
      for b in (a + 1)..<16 {
        let distance = zip(grids[a], grids[b]).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        XCTAssertGreaterThan(distance, 0.01, "classes \(a) and \(b) look alike at 7×7")
      }
    }
  }
}
