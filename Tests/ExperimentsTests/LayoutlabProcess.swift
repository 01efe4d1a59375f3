// LayoutLab — the real `layoutlab` executable, run as a subprocess by the runner tests.

import Foundation
import _TestSupport

/// Runs `layoutlab arguments…` to the end with `environment` added to this process's; returns
/// its exit status, everything it printed (stdout and stderr), and whether a signal ended it
/// (a trap) rather than an exit.
func runLayoutlab(_ arguments: [String], environment: [String: String] = [:]) throws -> (
  status: Int32, output: String, signaled: Bool
) {
  let process = Process()
  process.executableURL = try builtLayoutlab()
  process.arguments = arguments
  process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
  let output = FileManager.default.temporaryDirectory.appendingPathComponent("ll-out-\(UUID())")
  _ = FileManager.default.createFile(atPath: output.path, contents: nil)
  defer { try? FileManager.default.removeItem(at: output) }
  let handle = try FileHandle(forWritingTo: output)
  process.standardOutput = handle
  process.standardError = handle
  try process.run()
  process.waitUntilExit()
  try handle.close()
  return (
    process.terminationStatus, String(decoding: try Data(contentsOf: output), as: UTF8.self),
    process.terminationReason == .uncaughtSignal
  )
}
