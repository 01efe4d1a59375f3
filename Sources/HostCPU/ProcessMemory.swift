// LayoutLab — this process's resident memory: the peak so far, and resetting it (Linux).

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The resident set size of this process, as the kernel counts it.
public enum ProcessMemory {
  /// The most resident memory this process has held (since the last `resetPeak()` on Linux),
  /// in bytes: `VmHWM` of `/proc/self/status`, else `getrusage`'s maximum.
  public static func peakResidentBytes() -> Int {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    {
      return kilobytes * 1024
    }
    var usage = rusage()
    #if canImport(Darwin)
      getrusage(RUSAGE_SELF, &usage)
      return Int(usage.ru_maxrss)  // bytes on Darwin
    #else
      getrusage(RUSAGE_SELF.rawValue, &usage)
      return Int(usage.ru_maxrss) * 1024
    #endif
  }

  /// Hands memory freed by this process back to the system (glibc keeps freed small blocks
  /// in its heap otherwise, and they still count as resident). A no-op elsewhere.
  public static func returnFreedMemory() {
    #if canImport(Glibc)
      // malloc.h is not in the Glibc module; look the function up (absent outside glibc).
      typealias MallocTrim = @convention(c) (Int) -> Int32
      if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
      }
    #endif
  }

  /// Starts a new peak at the current resident size (Linux: `/proc/self/clear_refs`); returns
  /// false where the system cannot, and the peak then covers the whole process.
  @discardableResult
  public static func resetPeak() -> Bool {
    guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
    defer { try? handle.close() }
    return (try? handle.write(contentsOf: Data("5".utf8))) != nil
  }
}
