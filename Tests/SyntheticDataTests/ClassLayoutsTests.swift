// LayoutLab — tests of the 16 arrangements: all draw words on the page, and they differ.

import Seeding
import XCTest

@testable import SyntheticData

final class ClassLayoutsTests: XCTestCase {
  func testEveryArrangementDrawsWordsInsideThePageAndArrangementsDiffer() {
    var signatures = Set<[Int]>()
    for layoutClass in 0..<16 {
      var page = PageBuilder(width: 762, height: 1000, generator: SeededGenerator(seed: 9))
      ClassLayouts(source: PhraseSource(classLabel: 0, neutral: true), variant: 0).draw(
        layoutClass, on: &page)
      XCTAssertGreaterThanOrEqual(page.words.count, 2, "layout \(layoutClass)")
      var grid = [Int](repeating: 0, count: 16)
      for word in page.words {
        XCTAssertTrue(word.box.x0 >= 0 && word.box.x1 <= 762, "layout \(layoutClass): \(word)")
        XCTAssertTrue(word.box.y0 >= 0 && word.box.y1 <= 1000, "layout \(layoutClass): \(word)")
        grid[min(3, Int(word.box.y0 / 250)) * 4 + min(3, Int(word.box.x0 / 191))] += 1
      }
      signatures.insert(grid.map { $0 > 0 ? 1 : 0 } + [page.words.count / 40])
    }
    XCTAssertGreaterThanOrEqual(signatures.count, 10)
  }
}
