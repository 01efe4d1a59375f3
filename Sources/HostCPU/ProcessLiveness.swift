// LayoutLab — whether a process still runs, and the temporary files of those that died.

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Processes of this machine, for files that name the process writing them.
public enum HostProcess {
  /// Whether process `pid` exists on this machine.
  public static func isAlive(_ pid: Int32) -> Bool {
    pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
  }

  /// The suffix of a file or folder that process `pid` is writing in place of `name`:
  /// `name.partial-<pid>`, renamed to `name` when complete.
  public static func partialName(_ name: String, pid: Int32 = getpid()) -> String {
    "\(name).partial-\(pid)"
  }

  /// Removes the `url.partial-<pid>` siblings of `url` whose process is gone (killed before it
  /// could rename or remove them); those of live processes stay.
  public static func removeOrphanedPartials(of url: URL) {
    let folder = url.deletingLastPathComponent()
    let prefix = url.lastPathComponent + ".partial-"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for name in names where name.hasPrefix(prefix) {
      guard let pid = Int32(name.dropFirst(prefix.count)), !isAlive(pid) else { continue }
      try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
    }
  }
}
