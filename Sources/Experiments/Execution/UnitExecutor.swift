// LayoutLab — the one executor: runs a unit of the graph (a corpus, a pre-training stage or a
// fine-tuning cell) from the unit alone, in this process or in a worker (`layoutlab unit run`).

import Foundation
import JSONValues
import Training

/// What running a unit did.
struct UnitOutcome {
  /// Whether it ran now (false: a stage found cached).
  var ran: Bool
  /// One line for the log: `dev F1 0.5123, test F1 0.4987 in 12s`, `built`, `cached`.
  var note: String
}

/// Runs `unit`: builds its stage (or finds it cached), or trains and scores its cell and writes
/// its `result.json` atomically (clearing any `failed.json`). Everything it needs is in the
/// unit; the stages it reads must be finished.
func execute(_ unit: WorkUnit, log: (String) -> Void) throws -> UnitOutcome {
  let context = unit.context
  let stageStore = context.stageStore
  switch unit.work {
  case .corpus(let corpus):
    let ran = try ensureCorpus(corpus, context: context, log: log).ran
    return UnitOutcome(ran: ran, note: ran ? "built" : "cached")
  case .pretraining(let stage):
    let ran = try ensurePretrainingStage(stage, context: context, log: log).ran
    return UnitOutcome(ran: ran, note: ran ? "built" : "cached")
  case .cell(let cell):
    var pretrained: URL?
    if let key = cell.stageKey {
      guard stageStore.record(.pretraining, key: key) != nil else {
        throw UnitFileError.inputMissing(unit: unit.key, input: "pretraining:\(key)")
      }
      pretrained = stageStore.directory(.pretraining, key: key)
    }
    let store = context.resultStore
    let directory = store.resultURL(
      experiment: context.experiment, variant: cell.run.variant, seed: cell.run.seed
    ).deletingLastPathComponent()
    let tracker = ActivityTracker(directory: directory, label: unit.label)
    defer { tracker.finish() }
    let result = try executeRun(
      cell.run, experiment: context.experiment, specHash: context.specHash,
      configurationHash: cell.configurationHash, sourceDigest: context.sourceDigest,
      cache: store.experimentDirectory(context.experiment).appendingPathComponent("cache"),
      repository: context.repositoryURL, label: unit.label, pretrained: pretrained,
      pageCache: stageStore.root.appendingPathComponent("pages")
    ) { event in
      if case .step(let step, let total, _, _, _) = event {
        tracker.progress(step: step, of: total)
      }
    }
    try store.write(result)
    CellFailure.clear(in: directory)
    return UnitOutcome(
      ran: true, note: "\(result.headline) in \(duration(result.timings.totalSeconds))")
  }
}

/// Runs `unit` and handles its failure: the error is recorded (a cell's `failed.json`) and
/// returned; the outcome is returned on success. What every runner of a unit calls.
func perform(_ unit: WorkUnit, log: (String) -> Void) -> Result<UnitOutcome, UnitFailed> {
  do {
    return .success(try execute(unit, log: log))
  } catch {
    let message = "\(error)"
    do { try unit.recordFailure(message) } catch {
      return .failure(UnitFailed(message: "\(message) (and recording it failed: \(error))"))
    }
    return .failure(UnitFailed(message: message))
  }
}

/// A unit's failure, as recorded.
struct UnitFailed: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

/// `layoutlab unit run UNIT.json`: reads the unit file and runs it (never the spec). Returns the
/// log line of its outcome; a failure is recorded and thrown.
public func runUnitFile(at url: URL, log: (String) -> Void = { print($0) }) throws -> String {
  let unit = try readUnitFile(at: url)
  let outcome = try perform(unit, log: log).get()
  return "\(unit.label): \(outcome.note)"
}

/// Writes `unit` to `units/` of its experiment's results folder, atomically (a temporary file
/// renamed into place), and returns the file.
func writeUnitFile(_ unit: WorkUnit) throws -> URL {
  let folder = unit.context.resultStore.experimentDirectory(unit.context.experiment)
    .appendingPathComponent("units")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let url = folder.appendingPathComponent(unit.fileName)
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
  try encoder.encode(unit).write(to: url, options: .atomic)
  return url
}

/// Reads a unit file, with an error naming the file and the field for anything else: a file
/// that is not JSON, another format, a missing or mistyped field, or a cell whose settings do
/// not give its recorded configuration hash (edited, or written by other code).
func readUnitFile(at url: URL) throws -> WorkUnit {
  let data: Data
  do { data = try Data(contentsOf: url) } catch {
    throw JSONFileError(file: url.path, location: "", expected: "a readable unit file")
  }
  let unit: WorkUnit
  do {
    unit = try JSONDecoder().decode(WorkUnit.self, from: data)
  } catch DecodingError.keyNotFound(let key, let context)
    where key.stringValue == "format" && context.codingPath.isEmpty
  {
    throw JSONFileError(
      file: url.path, location: "format",
      expected: "'\(WorkUnit.format)' (this is not a unit file; `layoutlab run` writes them)")
  } catch let error as DecodingError {
    throw JSONFileError(file: url.path, decoding: error)
  }
  if let cell = unit.cell,
    try configurationHash(cell.run, stageKey: cell.stageKey) != cell.configurationHash
  {
    throw JSONFileError(
      file: url.path, location: "cell.configurationHash",
      expected: "the hash of cell.run (the settings were edited, or other code wrote the file)")
  }
  return unit
}

/// A unit that cannot run from what it holds.
enum UnitFileError: Error, CustomStringConvertible {
  case inputMissing(unit: String, input: String)

  var description: String {
    switch self {
    case .inputMissing(let unit, let input):
      return "\(unit) reads \(input), which is not finished (run its unit first)"
    }
  }
}
