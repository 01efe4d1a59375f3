import XCTest

@testable import LayoutData

final class NormalizedBoxTests: XCTestCase {
  func testTruncatesTowardZeroInFloat64() throws {
    var normalizer = try BoxNormalizer(pageWidth: 762, pageHeight: 1000, source: "t")
    let box = normalizer.normalize(BoundingBox(x0: 292, y0: 91, x1: 376, y1: 175))
    XCTAssertEqual(box, NormalizedBox(x0: 383, y0: 91, x1: 493, y1: 175))
    XCTAssertEqual(
      normalizer.normalize(BoundingBox(x0: 0, y0: 0, x1: 762, y1: 1000)).coordinates,
      [0, 0, 1000, 1000])
    XCTAssertEqual(normalizer.counts, BoxClampCounts())
  }

  func testClampsAndCounts() throws {
    var normalizer = try BoxNormalizer(pageWidth: 100, pageHeight: 100, source: "t")
    XCTAssertEqual(
      normalizer.normalize(BoundingBox(x0: -1, y0: 0, x1: 101, y1: 50)).coordinates,
      [0, 0, 1000, 500])
    XCTAssertEqual(
      normalizer.normalize(BoundingBox(x0: 50, y0: 60, x1: 40, y1: 10)).coordinates,
      [500, 600, 500, 600])
    XCTAssertEqual(
      normalizer.normalize(BoundingBox(x0: .infinity, y0: .nan, x1: 1, y1: 1)).coordinates,
      [1000, 0, 1000, 10])
    XCTAssertEqual(normalizer.counts.outOfPage, 2)
    XCTAssertEqual(normalizer.counts.inverted, 2)
    XCTAssertThrowsError(try BoxNormalizer(pageWidth: 0, pageHeight: 10, source: "page-7")) {
      XCTAssertTrue("\($0)".contains("page-7"), "\($0)")
    }
  }
}
