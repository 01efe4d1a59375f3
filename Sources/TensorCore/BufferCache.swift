// LayoutLab — freed tensor buffers kept for reuse, in size classes, under a byte cap.

import Foundation
import Synchronization

/// Freed tensor buffers kept for reuse, by size class.
///
/// Training allocates and frees the same large buffers every step. Returned to the system,
/// each one comes back as fresh pages that the kernel must fault in and zero; kept here, the
/// next step reuses them. Requests are rounded up to a size class (powers of two up to 4096
/// floats, then four classes per doubling, so at most 25 % is wasted) so that the varying
/// sequence lengths of batches share buffers instead of each keeping its own. The cache keeps
/// at most as many bytes as tensors have held at once so far (one step's worth, which is all a
/// step can reuse; at least 64 MB) and never more than `capacityBytes`
/// (`LAYOUTLAB_BUFFER_CACHE_MB`, default 1024); beyond that buffers are freed. `trim()` frees
/// everything kept (between training and evaluation, say).
public final class BufferCache: Sendable {
  /// The process-wide cache every `TensorStorage` uses.
  public static let shared = BufferCache(
    capacityBytes: (Int(ProcessInfo.processInfo.environment["LAYOUTLAB_BUFFER_CACHE_MB"] ?? "")
      ?? 1024) << 20)

  private struct State {
    var free: [Int: [UnsafeMutableRawPointer]] = [:]
    /// Bytes kept for reuse.
    var keptBytes = 0
    /// Bytes handed out and not yet returned.
    var liveBytes = 0
    /// The most of `keptBytes + liveBytes` at any moment.
    var highWaterBytes = 0
    /// The most of `liveBytes` at any moment.
    var liveHighWaterBytes = 0
  }
  private let state = Mutex(State())
  /// The most bytes kept for reuse.
  public let capacityBytes: Int

  /// What the cache may keep even before tensors have held that much at once.
  static let minimumKept = 64 << 20

  /// Creates a cache that keeps at most `capacityBytes`.
  public init(capacityBytes: Int) { self.capacityBytes = max(0, capacityBytes) }

  /// The size class (in floats) that a request for `count` floats is served from.
  public static func sizeClass(_ count: Int) -> Int {
    let count = max(count, 1)
    if count <= 4096 { return 1 << (Int.bitWidth - (count - 1).leadingZeroBitCount) }
    let octave = 1 << (Int.bitWidth - 1 - count.leadingZeroBitCount)  // ≤ count < 2·octave
    let quarter = octave / 4
    return (count + quarter - 1) / quarter * quarter
  }

  /// A 64-byte aligned buffer for at least `count` floats (contents undefined).
  func take(_ count: Int) -> UnsafeMutablePointer<Float> {
    let capacity = BufferCache.sizeClass(count)
    let bytes = capacity * MemoryLayout<Float>.stride
    let reused: UnsafeMutableRawPointer? = state.withLock { state in
      let pointer = state.free[capacity]?.popLast()
      if pointer != nil { state.keptBytes -= bytes }
      state.liveBytes += bytes
      state.liveHighWaterBytes = max(state.liveHighWaterBytes, state.liveBytes)
      state.highWaterBytes = max(state.highWaterBytes, state.liveBytes + state.keptBytes)
      return pointer
    }
    let raw = reused ?? UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
    return raw.bindMemory(to: Float.self, capacity: capacity)
  }

  /// Returns a buffer from `take(count)`.
  func give(_ pointer: UnsafeMutablePointer<Float>, count: Int) {
    let bytes = BufferCache.sizeClass(count) * MemoryLayout<Float>.stride
    let kept: Bool = state.withLock { state in
      state.liveBytes -= bytes
      let limit = min(capacityBytes, max(state.liveHighWaterBytes, BufferCache.minimumKept))
      guard state.keptBytes + bytes <= limit else { return false }
      state.free[bytes / MemoryLayout<Float>.stride, default: []].append(
        UnsafeMutableRawPointer(pointer))
      state.keptBytes += bytes
      return true
    }
    if !kept { UnsafeMutableRawPointer(pointer).deallocate() }
  }

  /// Frees every buffer kept for reuse.
  public func trim() {
    let buffers = state.withLock { state in
      defer {
        state.free = [:]
        state.keptBytes = 0
      }
      return state.free.values.flatMap { $0 }
    }
    for pointer in buffers { pointer.deallocate() }
  }

  /// Starts a new high-water mark at the current usage.
  public func resetHighWater() {
    state.withLock { $0.highWaterBytes = $0.liveBytes + $0.keptBytes }
  }

  /// Bytes in tensors now, bytes kept for reuse, and the most of both together so far.
  public var usage: (liveBytes: Int, keptBytes: Int, highWaterBytes: Int) {
    state.withLock { ($0.liveBytes, $0.keptBytes, $0.highWaterBytes) }
  }
}
