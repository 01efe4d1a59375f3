// LayoutLab — the persistent worker pool that every parallel kernel uses.

import Dispatch
import Foundation
import Synchronization

/// A persistent pool of worker threads for short parallel regions.
///
/// The thread count comes from `LAYOUTLAB_THREADS` (default: all cores). Workers spin on an
/// atomic generation counter for a while after each region (so back-to-back regions start in
/// well under a microsecond), then park on a semaphore.
///
/// Kernels split their work into a number of parts that depends only on the shape and on
/// `threadCount`, and each part does a fixed computation, so results are bit-identical between
/// runs whichever thread happens to run which part.
///
/// A `parallelFor` issued while the pool is already running a region (from inside a worker, or
/// from a second caller thread) runs serially on the calling thread, so nesting never deadlocks.
public final class ThreadPool: @unchecked Sendable {
  /// The process-wide pool.
  public static let shared = ThreadPool(threadCount: ThreadPool.configuredThreadCount())

  /// The number of threads that run work, the caller included.
  public let threadCount: Int

  private let state: PoolState

  /// Creates a pool with `threadCount` threads, the caller included (values below 1 mean 1).
  /// The `threadCount - 1` workers live until the pool is released.
  public init(threadCount: Int) {
    self.threadCount = max(1, threadCount)
    state = PoolState(workerCount: self.threadCount - 1)
    for index in 0..<(self.threadCount - 1) {
      let state = self.state
      let thread = Thread { state.workerLoop(index: index) }
      thread.name = "layoutlab-worker-\(index + 1)"
      thread.stackSize = 1 << 20
      thread.start()
    }
  }

  deinit {
    state.stop()
  }

  /// Runs `body(i)` for every `i` in `0..<count`, spread over the pool's threads.
  /// `body` must be safe to call concurrently for distinct indices. Returns after every call
  /// has finished.
  public func parallelFor(_ count: Int, _ body: (Int) -> Void) {
    if count <= 0 { return }
    if count == 1 || threadCount == 1 || !state.tryAcquire() {
      for i in 0..<count { body(i) }
      return
    }
    withoutActuallyEscaping(body) { escapingBody in
      state.run(count: count, body: escapingBody)
    }
    state.release()
  }

  /// The thread count from `LAYOUTLAB_THREADS`, or the number of active cores.
  public static func configuredThreadCount() -> Int {
    if let text = ProcessInfo.processInfo.environment["LAYOUTLAB_THREADS"], let n = Int(text),
      n > 0
    {
      return n
    }
    return ProcessInfo.processInfo.activeProcessorCount
  }

  /// Runs `body` with a temporary pool of `threadCount` threads (for benchmarks and tests).
  public static func withThreadCount<R>(_ threadCount: Int, _ body: (ThreadPool) throws -> R)
    rethrows -> R
  {
    let pool = ThreadPool(threadCount: threadCount)
    return try body(pool)
  }
}

/// The state shared between a pool and its workers; workers keep it alive until they exit.
final class PoolState: @unchecked Sendable {
  /// Idle polls before a worker parks (a few milliseconds of spinning).
  static let spinLimit = 1 << 21

  let workerCount: Int
  /// Incremented to publish a new region (or a stop request) to the workers.
  let generation = Atomic<Int>(0)
  /// The next index of the current region to claim.
  let nextIndex = Atomic<Int>(0)
  /// Workers that have finished the current region.
  let finishedWorkers = Atomic<Int>(0)
  /// 1 while a region runs; guards against concurrent and nested regions.
  let busy = Atomic<Int>(0)
  let stopping = Atomic<Bool>(false)
  let slots: [WorkerSlot]

  /// The current region; written by the caller before `generation` is published.
  nonisolated(unsafe) var count = 0
  nonisolated(unsafe) var body: ((Int) -> Void)?

  init(workerCount: Int) {
    self.workerCount = workerCount
    slots = (0..<workerCount).map { _ in WorkerSlot() }
  }

  func tryAcquire() -> Bool {
    busy.compareExchange(expected: 0, desired: 1, ordering: .acquiring).exchanged
  }

  func release() {
    busy.store(0, ordering: .releasing)
  }

  /// Publishes a region, takes part in it, and waits until every worker has finished it.
  func run(count: Int, body: @escaping (Int) -> Void) {
    self.count = count
    self.body = body
    nextIndex.store(0, ordering: .relaxed)
    finishedWorkers.store(0, ordering: .relaxed)
    generation.wrappingAdd(1, ordering: .sequentiallyConsistent)
    wakeSleepers()
    drain(count: count, body: body)
    while finishedWorkers.load(ordering: .acquiring) < workerCount {}
    self.body = nil
  }

  func stop() {
    stopping.store(true, ordering: .sequentiallyConsistent)
    generation.wrappingAdd(1, ordering: .sequentiallyConsistent)
    wakeSleepers()
  }

  private func wakeSleepers() {
    for w in 0..<workerCount
    where slots[w].sleeping.exchange(0, ordering: .sequentiallyConsistent) == 1 {
      slots[w].semaphore.signal()
    }
  }

  private func drain(count: Int, body: (Int) -> Void) {
    while true {
      let i = nextIndex.wrappingAdd(1, ordering: .relaxed).oldValue
      if i >= count { return }
      body(i)
    }
  }

  func workerLoop(index: Int) {
    var seen = 0
    while true {
      var current = generation.load(ordering: .acquiring)
      var polls = 0
      while current == seen {
        polls += 1
        if polls >= PoolState.spinLimit {
          park(index: index, seen: seen)
          polls = 0
        }
        current = generation.load(ordering: .acquiring)
      }
      seen = current
      if stopping.load(ordering: .acquiring) { return }
      if let body = body { drain(count: count, body: body) }
      finishedWorkers.wrappingAdd(1, ordering: .releasing)
    }
  }

  /// Parks worker `index` unless a new generation arrived; never loses a wake-up.
  private func park(index: Int, seen: Int) {
    let slot = slots[index]
    slot.sleeping.store(1, ordering: .sequentiallyConsistent)
    if generation.load(ordering: .sequentiallyConsistent) != seen {
      // A region arrived. If the publisher already cleared our flag it also signalled us,
      // so consume that signal to keep the semaphore balanced.
      if slot.sleeping.exchange(0, ordering: .sequentiallyConsistent) == 0 {
        slot.semaphore.wait()
      }
      return
    }
    slot.semaphore.wait()
  }
}

/// One worker's parking place.
final class WorkerSlot: @unchecked Sendable {
  /// 1 while the worker is parked (or about to park) on `semaphore`.
  let sleeping = Atomic<Int>(0)
  let semaphore = DispatchSemaphore(value: 0)
}
