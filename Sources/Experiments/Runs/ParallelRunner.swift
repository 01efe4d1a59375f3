// LayoutLab — `layoutlab run SPEC --jobs N`: independent stages and cells at once, each in its
// own worker process (`layoutlab run SPEC --unit …`) with an equal share of the threads.

import Foundation
import Synchronization
import TensorCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One unit of a run plan that a worker process runs alone.
public enum WorkUnit: Equatable, Sendable {
  /// A pre-training stage, by key.
  case stage(key: String)
  /// A fine-tuning cell: a variant at a seed.
  case cell(variant: String, seed: Int)

  /// Parses `stage:KEY` or `cell:VARIANT@SEED` (the `--unit` value).
  public init(parsing text: String) throws {
    if text.hasPrefix("stage:"), text.count > "stage:".count {
      self = .stage(key: String(text.dropFirst("stage:".count)))
      return
    }
    if text.hasPrefix("cell:"), let at = text.lastIndex(of: "@"),
      let seed = Int(text[text.index(after: at)...])
    {
      let variant = String(text[text.index(text.startIndex, offsetBy: 5)..<at])
      if !variant.isEmpty {
        self = .cell(variant: variant, seed: seed)
        return
      }
    }
    throw WorkUnitError.malformed(text)
  }

  /// The `--unit` value naming this unit.
  public var argument: String {
    switch self {
    case .stage(let key): return "stage:\(key)"
    case .cell(let variant, let seed): return "cell:\(variant)@\(seed)"
    }
  }
}

/// A `--unit` that cannot run.
public enum WorkUnitError: Error, CustomStringConvertible {
  case malformed(String)
  case notInPlan(unit: String, spec: String)
  case noExecutable

  public var description: String {
    switch self {
    case .malformed(let text):
      return "--unit '\(text)': expected stage:KEY or cell:VARIANT@SEED"
    case .notInPlan(let unit, let spec):
      return "--unit \(unit): no such stage or cell in the plan of \(spec) (see `layoutlab plan`)"
    case .noExecutable:
      return "--jobs needs the layoutlab executable to start its workers"
    }
  }
}

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
final class Worker: @unchecked Sendable {
  let unit: WorkUnit
  let name: String
  let process = Process()
  private let pending = Mutex<(buffer: [UInt8], lines: [String], finished: Bool)>(
    ([], [], false))
  /// The last `error: …` line it printed.
  private(set) var lastError: String?

  init(unit: WorkUnit, name: String) {
    self.unit = unit
    self.name = name
  }

  /// Starts `executable` with `arguments`, its output (stdout and stderr) read line by line.
  /// It records `sourceDigest` as the code that made its work, as its parent planned.
  func start(executable: URL, arguments: [String], threads: Int, sourceDigest: String) throws {
    let pipe = Pipe()
    process.executableURL = executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["LAYOUTLAB_THREADS"] = "\(threads)"
    environment[SourceDigest.environmentVariable] = sourceDigest
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

  /// Why it failed, or nil when it exited with status 0.
  var failure: String? {
    if process.terminationReason == .uncaughtSignal {
      return "worker killed by signal \(process.terminationStatus)"
    }
    if process.terminationStatus == 0 { return nil }
    return lastError ?? "worker exited with status \(process.terminationStatus)"
  }
}

/// Runs the pending stages and cells of `context.plan` in up to `options.jobs` worker processes
/// at once: every stage first as it is free, each cell once its stage is finished. A failed
/// stage fails its cells; the others go on. Stops its workers if it is interrupted.
func runInParallel(_ context: RunContext, summary: ExperimentSummary, log: (String) -> Void)
  throws -> ExperimentSummary
{
  guard let executable = context.options.executable else { throw WorkUnitError.noExecutable }
  var summary = summary
  let threads = ThreadPool.configuredThreadCount()
  let split = JobSplit(requested: context.options.jobs, threads: threads)
  if split.jobs < context.options.jobs {
    log("--jobs \(context.options.jobs) on \(threads) thread(s): running \(split.jobs) at once")
  }
  log("\(split.jobs) jobs of \(split.threadsPerJob) thread(s) each")
  let plan = context.plan
  // Corpus stages are shared by pre-training stages: built here first, never by two workers.
  for stage in plan.stages where stage.state != .done {
    _ = try ensureCorpusStages(
      stage.stage, store: context.stageStore, specHash: context.specHash,
      sourceDigest: context.options.sourceDigest, repository: context.options.repository,
      log: log)
  }
  var doneStages = Set(plan.stages.filter { $0.state == .done }.map(\.key))
  var failedStages: [String: String] = [:]
  var queue: [WorkUnit] = plan.stages.filter { $0.state != .done }.map { .stage(key: $0.key) }
  for cell in plan.cells where cell.state != .done {
    if cell.state == .running, let pid = cell.activity?.pid {
      log("\(cell.run.variant) seed \(cell.run.seed): running in process \(pid); left to it")
      continue
    }
    queue.append(.cell(variant: cell.run.variant, seed: cell.run.seed))
  }
  let total = queue.count
  var finished = 0
  var running: [Worker] = []
  func cell(_ variant: String, _ seed: Int) -> CellPlan? {
    plan.cells.first { $0.run.variant == variant && $0.run.seed == seed }
  }
  func name(_ unit: WorkUnit) -> String {
    switch unit {
    case .stage(let key):
      return plan.stages.first { $0.key == key }?.label ?? "stage \(key.prefix(12))"
    case .cell(let variant, let seed): return "\(variant) seed \(seed)"
    }
  }
  let baseArguments =
    ["run", context.specURL.path, "--results", context.options.resultsRoot.path]
    + context.options.overrides.flatMap { ["--set", $0] }
    + (context.options.rerunStale ? ["--rerun-stale"] : [])
  defer {
    for worker in running where worker.process.isRunning { worker.process.terminate() }
  }
  while !queue.isEmpty || !running.isEmpty {
    // Cells of a failed stage fail without a worker.
    for case .cell(let variant, let seed) in queue {
      guard let cell = cell(variant, seed), let key = cell.stageKey,
        let failure = failedStages[key]
      else { continue }
      queue.removeAll { $0 == .cell(variant: variant, seed: seed) }
      try context.recordFailure(of: cell, message: failure)
      finished += 1
      log("[\(finished)/\(total)] \(name(.cell(variant: variant, seed: seed))): FAILED: \(failure)")
      summary.failed.append((cell.run, failure))
    }
    while running.count < split.jobs,
      let index = queue.firstIndex(where: { unit in
        guard case .cell(let variant, let seed) = unit, let key = cell(variant, seed)?.stageKey
        else { return true }
        return doneStages.contains(key)
      })
    {
      let unit = queue.remove(at: index)
      let worker = Worker(unit: unit, name: name(unit))
      try worker.start(
        executable: executable, arguments: baseArguments + ["--unit", unit.argument],
        threads: split.threadsPerJob, sourceDigest: context.options.sourceDigest)
      running.append(worker)
      log("started \(worker.name) (\(running.count) running, \(queue.count) waiting)")
    }
    usleep(200_000)
    for worker in running {
      for line in worker.takeLines() { log("  \(line)") }
    }
    for worker in running where worker.isDone {
      for line in worker.takeLines() { log("  \(line)") }
      running.removeAll { $0 === worker }
      finished += 1
      let failure = worker.failure
      log("[\(finished)/\(total)] \(worker.name): \(failure.map { "FAILED: \($0)" } ?? "done")")
      switch worker.unit {
      case .stage(let key):
        if let failure {
          failedStages[key] = "\(worker.name) failed: \(failure)"
        } else {
          doneStages.insert(key)
          summary.stagesRan.append(key)
        }
      case .cell(let variant, let seed):
        guard let cell = cell(variant, seed) else { continue }
        if let failure {
          // The worker records its own failures; a killed one could not.
          let recorded = CellFailure.read(in: context.directory(of: cell))
          if recorded?.configurationHash != cell.hash {
            try context.recordFailure(of: cell, message: failure)
          }
          summary.failed.append((cell.run, recorded?.error ?? failure))
        } else {
          summary.ran.append(cell.run)
        }
      }
    }
  }
  return summary
}
