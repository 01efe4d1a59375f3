// LayoutLab — the real `layoutlab` executable, for tests that run it as a subprocess.

import Foundation

/// The `layoutlab` executable built beside the test bundle (`swift build` builds it).
/// - Throws: `MissingExecutable` (a failure, not a skip) when it is not there.
public func builtLayoutlab() throws -> URL {
  let url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("layoutlab")
  guard FileManager.default.isExecutableFile(atPath: url.path) else {
    throw MissingExecutable(path: url.path)
  }
  return url
}

/// The executable is not where `swift build` puts it.
public struct MissingExecutable: Error, CustomStringConvertible {
  /// Where it was looked for.
  public var path: String
  public var description: String { "\(path) is not built (swift build builds it)" }
}
