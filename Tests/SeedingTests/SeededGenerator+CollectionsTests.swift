// LayoutLab — tests of seeded shuffles and choices: pinned orders, empty inputs, draw counts.

import Seeding
import XCTest

final class SeededGeneratorCollectionsTests: XCTestCase {
  // Pinned with the generators this one replaced (see `SeededGeneratorTests`).
  func testShufflesArePinned() {
    var inPlace = Array(0..<10)
    var generator = SeededGenerator(seed: 3)
    generator.shuffle(&inPlace)
    XCTAssertEqual(inPlace, [9, 4, 8, 0, 7, 2, 3, 1, 5, 6])
    var copying = SeededGenerator(seed: 3)
    XCTAssertEqual(copying.shuffled(0..<10), [9, 4, 8, 0, 7, 2, 3, 1, 5, 6])
  }

  func testChoicesArePinned() {
    var picks = SeededGenerator(seed: 11)
    XCTAssertEqual(
      (0..<8).map { _ in picks.pick(["a", "b", "c", "d", "e"], or: "") },
      ["b", "a", "b", "c", "a", "b", "c", "e"])
    var weighted = SeededGenerator(seed: 11)
    XCTAssertEqual(
      (0..<10).map { _ in weighted.weightedIndex([1, 0, 2.5, 0.5]) },
      [0, 0, 0, 2, 0, 2, 2, 3, 2, 0])
  }

  func testDegenerateInputsNeedNoDraw() {
    var generator = SeededGenerator(seed: 5)
    var untouched = generator
    XCTAssertEqual(generator.pick([Int](), or: 7), 7)
    XCTAssertEqual(generator.pick([4], or: 7), 4)
    XCTAssertEqual(generator.weightedIndex([0, -1]), 0)
    XCTAssertEqual(generator.shuffled([Int]()), [])
    XCTAssertEqual(generator.shuffled([1]), [1])
    XCTAssertEqual(generator.next(), untouched.next())
    XCTAssertEqual(generator.weightedIndex([0, 0, 5]), 2)
    XCTAssertEqual(generator.shuffled(Array(0..<10)).sorted(), Array(0..<10))
  }
}
