// LayoutLab — running a notebook block's command as a child `layoutlab` process.

import Foundation

/// An executor that runs each command as `executable ARGUMENTS…` in `workingDirectory`.
///
/// The child's stdout is captured for the notebook and also passed to `echo` as it arrives
/// (the CLI echoes it to stderr, so progress stays visible); its stderr is the parent's. A
/// child process rather than a call inside this one: the commands print straight to stdout
/// (progress included) and exit with their status, so a child is the one way to take a
/// command's stdout, exactly and alone, without redirecting this process's file descriptors
/// under its other threads; it runs the same binary, so the same code.
public func subprocessExecutor(
  executable: URL, workingDirectory: URL, echo: @escaping (Data) -> Void = { _ in }
) -> NotebookCommandExecutor {
  return { arguments in
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = workingDirectory
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    var captured = Data()
    let reader = pipe.fileHandleForReading
    while let chunk = try reader.read(upToCount: 1 << 16), !chunk.isEmpty {
      captured.append(chunk)
      echo(chunk)
    }
    process.waitUntilExit()
    return NotebookCommandResult(
      status: process.terminationStatus, stdout: String(decoding: captured, as: UTF8.self))
  }
}
