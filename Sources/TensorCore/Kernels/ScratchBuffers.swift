// LayoutLab — reusable scratch memory for kernels (packing panels, im2col columns, partials).

import Synchronization

/// A 64-byte aligned block of floats owned by the scratch cache.
struct ScratchBuffer: @unchecked Sendable {
  let base: UnsafeMutablePointer<Float>
  let capacity: Int
}

/// Free scratch buffers, reused across calls so hot kernels do not fault in fresh pages.
private let scratchCache = Mutex<[ScratchBuffer]>([])

/// Buffers kept for reuse at most; beyond that the smallest is freed.
private let scratchCacheLimit = 8

/// Buffers larger than this (in floats, 64 MB) are freed after use instead of being kept.
private let scratchCacheLargest = 1 << 24

/// Runs `body` with `count` floats of uninitialized scratch memory, 64-byte aligned.
/// The memory is only valid inside `body`. Safe to call from several threads at once.
func withScratch<R>(_ count: Int, _ body: (UnsafeMutablePointer<Float>) throws -> R) rethrows
  -> R
{
  let needed = max(count, 16)
  let taken: ScratchBuffer? = scratchCache.withLock { cache in
    guard let index = cache.firstIndex(where: { $0.capacity >= needed }) else { return nil }
    return cache.remove(at: index)
  }
  let buffer = taken ?? allocateScratch(needed)
  defer { returnScratch(buffer) }
  return try body(buffer.base)
}

private func allocateScratch(_ count: Int) -> ScratchBuffer {
  let raw = UnsafeMutableRawPointer.allocate(byteCount: count * 4, alignment: 64)
  return ScratchBuffer(base: raw.bindMemory(to: Float.self, capacity: count), capacity: count)
}

private func returnScratch(_ buffer: ScratchBuffer) {
  if buffer.capacity > scratchCacheLargest {
    UnsafeMutableRawPointer(buffer.base).deallocate()
    return
  }
  let evicted: ScratchBuffer? = scratchCache.withLock { cache in
    cache.append(buffer)
    cache.sort { $0.capacity < $1.capacity }
    if cache.count > scratchCacheLimit { return cache.removeFirst() }
    return nil
  }
  if let evicted { UnsafeMutableRawPointer(evicted.base).deallocate() }
}
