// LayoutLab — the buffer cache: size classes, reuse across nearby sizes, the cap, trim and the
// high-water mark.

import XCTest

@testable import TensorCore

final class BufferCacheTests: XCTestCase {
  func testSizeClassesCoverTheRequestAndWasteAtMostAQuarter() {
    for count in [1, 2, 3, 5, 100, 4095, 4096, 4097, 5000, 65_537, 1_000_003, 37_748_736] {
      let size = BufferCache.sizeClass(count)
      XCTAssertGreaterThanOrEqual(size, count, "\(count)")
      if count > 4096 {
        XCTAssertLessThanOrEqual(Double(size), Double(count) * 1.25, "\(count)")
      } else {
        XCTAssertEqual(size & (size - 1), 0, "\(count) → \(size) is a power of two")
        XCTAssertLessThan(size, 2 * count + 1, "\(count)")
      }
    }
    XCTAssertEqual(BufferCache.sizeClass(0), 1)
    XCTAssertEqual(BufferCache.sizeClass(5000), 5120)
  }

  func testNearbySizesShareOneBuffer() {
    let cache = BufferCache(capacityBytes: 64 << 20)
    let first = cache.take(100_000)
    cache.give(first, count: 100_000)
    // 100,000 and 101,000 floats fall in the same class (98,304 < n ≤ 114,688).
    let second = cache.take(101_000)
    XCTAssertEqual(first, second, "the freed buffer was reused")
    cache.give(second, count: 101_000)
    XCTAssertEqual(cache.usage.liveBytes, 0)
    XCTAssertEqual(cache.usage.keptBytes, BufferCache.sizeClass(100_000) * 4)
  }

  func testTheCapAndTrimBoundWhatIsKept() {
    let cap = 1 << 20
    let cache = BufferCache(capacityBytes: cap)
    let buffers = (0..<8).map { _ in cache.take(100_000) }  // 8 × 458,752 bytes live
    for buffer in buffers { cache.give(buffer, count: 100_000) }
    XCTAssertLessThanOrEqual(cache.usage.keptBytes, cap, "never more than the cap kept")
    XCTAssertGreaterThan(cache.usage.keptBytes, 0)
    XCTAssertEqual(cache.usage.highWaterBytes, 8 * BufferCache.sizeClass(100_000) * 4)
    cache.trim()
    XCTAssertEqual(cache.usage.keptBytes, 0)
    cache.resetHighWater()
    XCTAssertEqual(cache.usage.highWaterBytes, 0)
    let again = cache.take(10)
    XCTAssertEqual(cache.usage.highWaterBytes, 16 * 4)
    cache.give(again, count: 10)
  }

  func testTensorsWithFreshStorageStartAtZeroAfterReuse() {
    // A reused buffer's old contents never leak into a zero-initialised tensor.
    do { _ = Tensor(repeating: 7, shape: [3, 1000]) }
    let zeros = Tensor(zeros: [3, 1000])
    XCTAssertTrue(zeros.array.allSatisfy { $0 == 0 })
  }
}
