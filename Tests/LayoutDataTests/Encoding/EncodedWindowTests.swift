import XCTest

@testable import LayoutData

final class EncodedWindowTests: XCTestCase {
  func pieced(_ lengths: [Int]) -> [PiecedWord] {
    lengths.enumerated().map { index, count in
      PiecedWord(
        wordIndex: index, pieces: [Int32](repeating: 7, count: count), box: .zeros, label: 0)
    }
  }

  func testRangesCoverEveryWordAndRespectCapacity() {
    let words = pieced([2, 3, 1, 4, 2, 2])
    let (ranges, truncated) = windowRanges(words, capacity: 5, stride: 0)
    XCTAssertEqual(ranges, [0..<2, 2..<4, 4..<6])
    XCTAssertEqual(truncated, 0)
    let (overlapping, _) = windowRanges(words, capacity: 5, stride: 2)
    // The last words (3 and 4 pieces) are wider than the stride, so nothing overlaps here.
    XCTAssertEqual(overlapping, [0..<2, 2..<4, 4..<6])
    let (wide, _) = windowRanges(pieced([1, 1, 1, 1, 1]), capacity: 3, stride: 2)
    XCTAssertEqual(wide, [0..<3, 1..<4, 2..<5])
  }

  func testWordLongerThanAWindowIsCutAndCounted() {
    let (ranges, truncated) = windowRanges(pieced([1, 9, 1]), capacity: 4, stride: 0)
    XCTAssertEqual(ranges, [0..<1, 1..<2, 2..<3])
    XCTAssertEqual(truncated, 1)
    XCTAssertEqual(windowRanges([], capacity: 4, stride: 0).ranges, [])
  }
}
