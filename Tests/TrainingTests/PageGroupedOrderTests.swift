// LayoutLab — batches by page: pages shuffled, each page's windows kept together.

import LayoutData
import Seeding
import XCTest

@testable import Training

final class PageGroupedOrderTests: XCTestCase {
  func testPagesStayTogetherAndEveryWindowComesOnce() throws {
    let pageOf = ["a", "a", "a", "b", "c", "c", "d", "d", "d", "d"]
    let windows = WindowList(
      pageOf.enumerated().map { EncodedWindow(documentId: $1, windowIndex: $0) })
    let pages = try pageOrdinals(of: windows)
    XCTAssertEqual(pages, [0, 0, 0, 1, 2, 2, 3, 3, 3, 3])
    var generator = SeededGenerator(seed: 3)
    let order = pageGroupedOrder(pages, generator: &generator)
    XCTAssertEqual(order.sorted(), Array(0..<10))
    // Each page's windows are consecutive and in their stored order.
    var seen: [String] = []
    for index in order where seen.last != pageOf[index] {
      XCTAssertFalse(seen.contains(pageOf[index]), "page \(pageOf[index]) split")
      seen.append(pageOf[index])
    }
    for page in Set(pageOf) {
      let positions = order.filter { pageOf[$0] == page }
      XCTAssertEqual(positions, positions.sorted())
    }
    // The pages are shuffled, and the same seed gives the same order.
    var again = SeededGenerator(seed: 3)
    XCTAssertEqual(pageGroupedOrder(pages, generator: &again), order)
    let firsts = (1...8).map { seed -> Int in
      var g = SeededGenerator(seed: UInt64(seed))
      return pageGroupedOrder(pages, generator: &g)[0]
    }
    XCTAssertGreaterThan(Set(firsts.map { pageOf[$0] }).count, 1)
  }
}
