// LayoutLab — `layoutlab run SPEC`: the spec's graph, planned once, run by one scheduler: in
// this process (one job), or by up to N worker processes (`--jobs N`), each running a unit file.

import Foundation
import TensorCore

/// What `runExperiment` did.
public struct ExperimentSummary {
  public var spec: ExperimentSpec
  public var ran: [RunPlan]
  public var skipped: [RunPlan]
  /// Cells whose run failed, with the error; the others went on.
  public var failed: [(RunPlan, String)] = []
  /// Pre-training stages built by this call (not found cached).
  public var stagesRan: [String] = []
  /// Cached cells made by other sources that were reused (without `--rerun-stale`).
  public var staleReused: [RunPlan] = []
}

/// Runs every unfinished unit of the spec at `url`: the corpora and pre-training stages the
/// cells to run read (once per distinct setting, shared through `results/.stages/`), then the
/// cells, each writing its `result.json` atomically.
///
/// All spec errors (unknown keys, wrong types, bad variant references or axes, missing data
/// paths, architecture settings that contradict an `initFrom` checkpoint) are found before any
/// work. A cell whose `result.json` has the same configuration hash is skipped; delete the
/// file to run it again. A unit that fails records why (a cell's `failed.json`), the units that
/// read it fail with it, and the others go on; a cell another live process is running is left
/// to it. With `options.jobs > 1` each unit runs in a worker process from its unit file
/// (`results/<name>/units/`).
public func runExperiment(
  specURL url: URL, options: RunnerOptions, log: (String) -> Void = { print($0) }
) throws -> ExperimentSummary {
  let plan = try planExperiment(specURL: url, options: options)
  let cells = plan.cells
  var summary = ExperimentSummary(
    spec: plan.spec, ran: [], skipped: cells.filter { $0.state == .done }.map(\.run))
  summary.staleReused = cells.filter { $0.state == .done && $0.origin?.isStale == true }
    .map(\.run)
  let stages = plan.stages
  log(
    "\(plan.spec.name): \(cells.count) runs, \(summary.skipped.count) cached, "
      + "\(cells.count - summary.skipped.count) to run; \(stages.count) pre-training stage(s), "
      + "\(stages.filter { $0.state == .done }.count) cached")
  logStaleWork(plan, reused: summary.staleReused.count, log: log)
  try writeBaselines(
    cells.map(\.run).filter { [.entities, .classification].contains($0.configuration.task) },
    store: ResultStore(root: options.resultsRoot), experiment: plan.spec.name,
    cache: ResultStore(root: options.resultsRoot).experimentDirectory(plan.spec.name)
      .appendingPathComponent("cache"),
    repository: options.repository, log: log)
  let work = plan.work(log: log)
  var workers: (executable: URL, threads: Int)?
  var jobs = 1
  if options.jobs > 1 {
    guard let executable = options.executable else { throw SchedulerError.noExecutable }
    let threads = ThreadPool.configuredThreadCount()
    let split = JobSplit(requested: options.jobs, threads: threads)
    if split.jobs < options.jobs {
      log("--jobs \(options.jobs) on \(threads) thread(s): running \(split.jobs) at once")
    }
    log("\(split.jobs) jobs of \(split.threadsPerJob) thread(s) each")
    jobs = split.jobs
    workers = (executable, split.threadsPerJob)
  }
  try schedule(work, jobs: jobs, summary: &summary, log: log) { unit in
    let file = try writeUnitFile(unit)
    guard let workers else { return InProcessUnit(unit, log: log) }
    return try Worker(
      unit: unit, file: file, executable: workers.executable, threads: workers.threads)
  }
  return summary
}

extension ExperimentPlan {
  /// The units to run, in graph order: the cells not done (a cell a live process is running is
  /// left to it), the stages they read that are not done, and the corpora those read.
  func work(log: (String) -> Void) -> [WorkUnit] {
    var needed = Set<String>()
    var picked = Set<String>()
    for planned in units.reversed() where planned.state != .done {
      let unit = planned.unit
      if unit.cell != nil, planned.state == .running, let pid = planned.activity?.pid {
        log("\(unit.label): running in process \(pid); left to it")
        continue
      }
      guard unit.cell != nil || needed.contains(unit.key) else { continue }
      picked.insert(unit.key)
      needed.formUnion(unit.inputs)
    }
    return units.map(\.unit).filter { picked.contains($0.key) }
  }
}

/// A unit the scheduler started: finished at once (in this process) or later (a worker).
protocol RunningUnit: AnyObject {
  var unit: WorkUnit { get }
  /// Whether it has finished (and all its output has been read).
  var isDone: Bool { get }
  /// Its outcome once done: the log line's note, or the failure.
  var outcome: Result<UnitOutcome, UnitFailed> { get }
  /// The lines it printed since the last call.
  func takeLines() -> [String]
}

/// A unit run in this process, to the end, when it starts.
final class InProcessUnit: RunningUnit {
  let unit: WorkUnit
  let outcome: Result<UnitOutcome, UnitFailed>
  var isDone: Bool { true }

  init(_ unit: WorkUnit, log: (String) -> Void) {
    self.unit = unit
    outcome = perform(unit, log: log)
  }

  func takeLines() -> [String] { [] }
}

/// Runs `units` (in graph order) with up to `jobs` at once: each as soon as the units it reads
/// are done, first in order first. A failed unit fails the units that read it (recorded like
/// their own failure); the others go on. Stops running workers if it is interrupted.
func schedule(
  _ units: [WorkUnit], jobs: Int, summary: inout ExperimentSummary, log: (String) -> Void,
  start: (WorkUnit) throws -> RunningUnit
) throws {
  var queue = units
  let total = queue.count
  let keys = Set(units.map(\.key))
  var done = Set<String>()
  var failed: [String: String] = [:]
  var finished = 0
  var running: [(unit: RunningUnit, since: Date)] = []
  defer { for case let worker as Worker in running.map(\.unit) { worker.stop() } }
  // Every outcome ends here: a failure not yet recorded since the unit started (a killed
  // worker, a unit whose input failed) is recorded now.
  func finish(_ unit: WorkUnit, _ outcome: Result<UnitOutcome, UnitFailed>, since: Date) throws {
    finished += 1
    switch outcome {
    case .success(let result):
      done.insert(unit.key)
      log("[\(finished)/\(total)] \(unit.label): \(result.note)")
      if let cell = unit.cell { summary.ran.append(cell.run) }
      if case .pretraining(let stage) = unit.work, result.ran {
        summary.stagesRan.append(stage.key)
      }
    case .failure(let failure):
      let message = unit.recordedFailure(since: since) ?? failure.message
      if unit.recordedFailure(since: since) == nil { try unit.recordFailure(message) }
      failed[unit.key] = "\(unit.label) failed: \(message)"
      log("[\(finished)/\(total)] \(unit.label): FAILED: \(message)")
      if let cell = unit.cell { summary.failed.append((cell.run, message)) }
    }
  }
  while !queue.isEmpty || !running.isEmpty {
    // Units that read a failed unit fail without running.
    while let index = queue.firstIndex(where: { $0.inputs.contains { failed[$0] != nil } }) {
      let unit = queue.remove(at: index)
      let message = unit.inputs.compactMap { failed[$0] }.joined(separator: "; ")
      try finish(unit, .failure(UnitFailed(message: message)), since: Date())
    }
    while running.count < jobs,
      let index = queue.firstIndex(where: { unit in
        unit.inputs.allSatisfy { done.contains($0) || !keys.contains($0) }
      })
    {
      let unit = queue.remove(at: index)
      let since = Date()
      let started = try start(unit)
      running.append((started, since))
      if !started.isDone {
        log("started \(unit.label) (\(running.count) running, \(queue.count) waiting)")
      }
    }
    if running.contains(where: { !$0.unit.isDone }) { usleep(200_000) }
    for (unit, _) in running {
      for line in unit.takeLines() { log("  \(line)") }
    }
    for (unit, since) in running where unit.isDone {
      for line in unit.takeLines() { log("  \(line)") }
      running.removeAll { $0.unit === unit }
      try finish(unit.unit, unit.outcome, since: since)
    }
  }
}

/// The scheduler cannot start.
enum SchedulerError: Error, CustomStringConvertible {
  case noExecutable

  var description: String { "--jobs needs the layoutlab executable to start its workers" }
}

/// Says how many cached cells and stages made by other sources `run` reuses, and how many
/// stale cells it reruns (`--rerun-stale`).
func logStaleWork(_ plan: ExperimentPlan, reused: Int, log: (String) -> Void) {
  let rerun = plan.cells.filter { $0.state == .stale }.count
  let stages = plan.stages.filter { $0.origin?.isStale == true }.count
  if reused > 0 {
    log(
      "reused \(reused) stale cell result(s) made by other code (see `layoutlab status`); "
        + "`run --rerun-stale` reruns them")
  }
  if rerun > 0 { log("rerunning \(rerun) stale cell(s) made by other code (--rerun-stale)") }
  if stages > 0 { log("reused \(stages) stale pre-training stage(s) made by other code") }
}

extension RunResult {
  /// The run's main scores in one line: `dev F1 0.5123, test F1 0.4987`.
  var headline: String {
    func line(_ name: String, _ dev: Double, _ test: Double?) -> String {
      "dev \(name) \(String(format: "%.4f", dev))"
        + (test.map { String(format: ", test \(name) %.4f", $0) } ?? "")
    }
    if let entities = fineTuning {
      return line("F1", entities.dev.overall.f1, entities.test?.overall.f1)
    } else if let classes = classification {
      return line("accuracy", classes.dev.accuracy, classes.test?.accuracy)
    } else if let qa {
      return line("ANLS", qa.dev.anls, qa.test?.anls)
    }
    return "finished"
  }
}
