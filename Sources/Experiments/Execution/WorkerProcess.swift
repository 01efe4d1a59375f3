// LayoutLab — a `--jobs N` worker: a `layoutlab unit run UNIT.json` process with an equal share
// of the threads, its output read line by line.

import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The thread split of `--jobs`: every worker gets the same count, so a cell's metrics do not
/// depend on which worker ran it (they equal a `LAYOUTLAB_THREADS=threadsPerJob` run's).
struct JobSplit {
  var jobs: Int
  var threadsPerJob: Int

  /// `requested` jobs over `threads` threads: at most one job per thread.
  init(requested: Int, threads: Int) {
    jobs = max(1, min(requested, threads))
    threadsPerJob = max(1, threads / jobs)
  }
}

/// A running worker process and the lines it has printed.
final class Worker: RunningUnit, @unchecked Sendable {
  let unit: WorkUnit
  let process = Process()
  private let pending = Mutex<(buffer: [UInt8], lines: [String], finished: Bool)>(
    ([], [], false))
  /// The last `error: …` line it printed.
  private(set) var lastError: String?

  /// Starts `executable unit run FILE` (the unit's file) with `threads` threads, its output
  /// (stdout and stderr) read line by line.
  init(unit: WorkUnit, file: URL, executable: URL, threads: Int) throws {
    self.unit = unit
    let pipe = Pipe()
    process.executableURL = executable
    process.arguments = ["unit", "run", file.path]
    var environment = ProcessInfo.processInfo.environment
    environment["LAYOUTLAB_THREADS"] = "\(threads)"
    process.environment = environment
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let reader = pipe.fileHandleForReading
    let thread = Thread { [self] in
      // POSIX read, not FileHandle.availableData: that traps on an I/O error.
      let descriptor = reader.fileDescriptor
      var chunk = [UInt8](repeating: 0, count: 64 * 1024)
      while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        if count <= 0 { break }
        let data = chunk[0..<count]
        pending.withLock { state in
          state.buffer.append(contentsOf: data)
          while let newline = state.buffer.firstIndex(of: UInt8(ascii: "\n")) {
            state.lines.append(String(decoding: state.buffer[..<newline], as: UTF8.self))
            state.buffer.removeSubrange(...newline)
          }
        }
      }
      pending.withLock { state in
        if !state.buffer.isEmpty {
          state.lines.append(String(decoding: state.buffer, as: UTF8.self))
          state.buffer = []
        }
        state.finished = true
      }
    }
    thread.start()
  }

  /// The complete lines printed since the last call.
  func takeLines() -> [String] {
    let lines = pending.withLock { state in
      defer { state.lines = [] }
      return state.lines
    }
    if let error = lines.last(where: { $0.hasPrefix("error: ") }) {
      lastError = String(error.dropFirst("error: ".count))
    }
    return lines
  }

  /// Whether the process has exited and all its output has been read.
  var isDone: Bool {
    !process.isRunning && pending.withLock { $0.finished }
  }

  /// Done, or why it failed (its last `error:` line, or how it exited).
  var outcome: Result<UnitOutcome, UnitFailed> {
    if process.terminationReason == .uncaughtSignal {
      return .failure(UnitFailed(message: "worker killed by signal \(process.terminationStatus)"))
    }
    if process.terminationStatus == 0 { return .success(UnitOutcome(ran: true, note: "done")) }
    return .failure(
      UnitFailed(message: lastError ?? "worker exited with status \(process.terminationStatus)"))
  }

  /// Stops the process if it still runs.
  func stop() {
    if process.isRunning { process.terminate() }
  }
}
