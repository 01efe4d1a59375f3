import Foundation
import Synchronization
import XCTest

@testable import TensorCore

final class ThreadPoolTests: XCTestCase {
  func testEveryIndexRunsExactlyOnceAtAnyThreadCount() {
    for threads in [1, 2, 3, 5] {
      let pool = ThreadPool(threadCount: threads)
      XCTAssertEqual(pool.threadCount, threads)
      for count in [0, 1, 2, 7, 100] {
        let hits = UnsafeMutablePointer<Int>.allocate(capacity: max(count, 1))
        hits.initialize(repeating: 0, count: max(count, 1))
        defer { hits.deallocate() }
        // Many back-to-back regions exercise the spin path; a pause exercises parking.
        for _ in 0..<50 {
          pool.parallelFor(count) { i in hits[i] += 1 }
        }
        for i in 0..<count {
          XCTAssertEqual(hits[i], 50, "threads \(threads) count \(count) index \(i)")
        }
      }
    }
    XCTAssertEqual(ThreadPool(threadCount: 0).threadCount, 1)
  }

  func testWorkersRunInParallel() {
    let pool = ThreadPool(threadCount: 2)
    let threadIDs = Mutex<Set<UInt64>>([])
    let arrived = Atomic<Int>(0)
    pool.parallelFor(2) { _ in
      threadIDs.withLock { _ = $0.insert(UInt64(pthread_self())) }
      arrived.wrappingAdd(1, ordering: .sequentiallyConsistent)
      // Each index waits (bounded) for the other: only possible if both run at once.
      let start = DispatchTime.now().uptimeNanoseconds
      while arrived.load(ordering: .sequentiallyConsistent) < 2
        && DispatchTime.now().uptimeNanoseconds - start < 2_000_000_000
      {}
    }
    XCTAssertEqual(arrived.load(ordering: .sequentiallyConsistent), 2)
    XCTAssertEqual(threadIDs.withLock { $0.count }, 2)
  }

  func testWakesAfterParking() {
    let pool = ThreadPool(threadCount: 2)
    pool.parallelFor(4) { _ in }
    // Long enough for the worker to stop spinning and park on its semaphore.
    Thread.sleep(forTimeInterval: 0.15)
    let total = Atomic<Int>(0)
    pool.parallelFor(64) { i in total.wrappingAdd(i, ordering: .relaxed) }
    XCTAssertEqual(total.load(ordering: .relaxed), 64 * 63 / 2)
  }

  func testNestedCallsRunSeriallyWithoutDeadlock() {
    let pool = ThreadPool(threadCount: 3)
    let total = Atomic<Int>(0)
    pool.parallelFor(6) { _ in
      pool.parallelFor(10) { j in total.wrappingAdd(j, ordering: .relaxed) }
    }
    XCTAssertEqual(total.load(ordering: .relaxed), 6 * 45)
  }

  func testConcurrentCallersBothComplete() {
    let pool = ThreadPool(threadCount: 2)
    let total = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      for _ in 0..<200 {
        pool.parallelFor(8) { _ in total.wrappingAdd(1, ordering: .relaxed) }
      }
    }
    XCTAssertEqual(total.load(ordering: .relaxed), 4 * 200 * 8)
  }

  func testConfiguredThreadCountIsPositive() {
    XCTAssertGreaterThanOrEqual(ThreadPool.configuredThreadCount(), 1)
    XCTAssertEqual(ThreadPool.withThreadCount(3) { $0.threadCount }, 3)
  }
}
