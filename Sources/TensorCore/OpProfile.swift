// LayoutLab — an opt-in per-op time profile of training steps (`layoutlab bench model --profile`).

import Foundation

/// Accumulates wall time per op while enabled: forward time is the time since the previous
/// recorded op (so glue code between ops is charged to the op that follows it), backward time
/// is the op's gradient function. Ops are named by the function that recorded them. Single
/// caller thread only, like the tape.
public enum OpProfile {
  /// One op's totals.
  public struct Entry: Sendable {
    /// The recording function, e.g. `matmul(_:transposeA:transposeB:)`.
    public var name: String
    /// Calls recorded.
    public var calls: Int
    /// Forward seconds.
    public var forward: Double
    /// Backward seconds.
    public var backward: Double
    /// The longest single forward interval, and the op recorded just before it.
    public var longestForward: Double = 0
    public var longestAfter: String = ""
  }

  nonisolated(unsafe) static var enabled = false
  nonisolated(unsafe) static var lastStamp: UInt64 = 0
  nonisolated(unsafe) static var totals: [String: Entry] = [:]
  nonisolated(unsafe) static var previous = ""
  /// True inside a gradient function: ops it calls belong to that op's backward time.
  nonisolated(unsafe) static var inBackward = false

  /// Clears the totals and starts profiling.
  public static func start() {
    totals = [:]
    previous = ""
    inBackward = false
    enabled = true
    lastStamp = DispatchTime.now().uptimeNanoseconds
  }

  /// Marks a point that is not an op (say, the end of a forward pass), so the time before it is
  /// not charged to the next op.
  public static func mark() {
    if enabled { lastStamp = DispatchTime.now().uptimeNanoseconds }
  }

  /// Stops profiling and returns the totals, slowest first.
  public static func stop() -> [Entry] {
    enabled = false
    return totals.values.sorted { $0.forward + $0.backward > $1.forward + $1.backward }
  }

  static func recordForward(_ name: String) {
    if inBackward { return }
    let now = DispatchTime.now().uptimeNanoseconds
    totals[name, default: Entry(name: name, calls: 0, forward: 0, backward: 0)].calls += 1
    let seconds = Double(now &- lastStamp) / 1e9
    totals[name]!.forward += seconds
    if seconds > totals[name]!.longestForward {
      totals[name]!.longestForward = seconds
      totals[name]!.longestAfter = previous
    }
    previous = name
    lastStamp = now
  }

  static func timeBackward<R>(_ name: String, _ body: () -> R) -> R {
    let start = DispatchTime.now().uptimeNanoseconds
    inBackward = true
    let result = body()
    inBackward = false
    totals[name, default: Entry(name: name, calls: 0, forward: 0, backward: 0)].backward +=
      Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9
    return result
  }
}
