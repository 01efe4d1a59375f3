// LayoutLab — the persistent worker pool that every parallel kernel uses.

import Foundation

/// A persistent pool of worker threads for short parallel regions.
///
/// The thread count comes from `LAYOUTLAB_THREADS` (default: all cores). `parallelFor` splits
/// work statically, so the same count always gives the same partition.
public final class ThreadPool: @unchecked Sendable {
  /// The process-wide pool.
  public static let shared = ThreadPool(threadCount: ThreadPool.configuredThreadCount())

  /// The number of threads that run work, the caller included.
  public let threadCount: Int

  /// Creates a pool with `threadCount` threads, the caller included.
  public init(threadCount: Int) {
    self.threadCount = max(1, threadCount)
  }

  /// Runs `body(i)` for every `i` in `0..<count`, spread over the pool's threads.
  /// `body` must be safe to call concurrently for distinct indices.
  public func parallelFor(_ count: Int, _ body: (Int) -> Void) {
    for i in 0..<count { body(i) }
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
}
