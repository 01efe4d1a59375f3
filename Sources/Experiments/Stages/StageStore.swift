// LayoutLab — the content-addressed stage cache every spec shares: `results/.stages/`.

import Foundation
import HostCPU

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The kinds of stage a run plan holds before its fine-tuning cells.
public enum StageKind: String, Codable, Sendable, CaseIterable {
  /// A synthetic pre-training corpus (`data synth --kind corpus`).
  case corpus
  /// A pre-training run: checkpoint, vocabulary, metrics, held-out evaluation.
  case pretraining

  /// The version of the code that makes this kind of stage: part of every key, bumped by hand
  /// when a change alters what the stage writes (so stale outputs are not reused).
  public var codeVersion: String {
    switch self {
    case .corpus: return "corpus-1"
    case .pretraining: return "pretraining-1"
    }
  }
}

/// What a finished stage records in `stage.json`, written last: a stage folder without it
/// is not finished.
public struct StageRecord: Codable, Sendable {
  public var kind: StageKind
  public var key: String
  /// The keys of the stages it read.
  public var inputs: [String]
  /// The settings the key was hashed from (canonical JSON).
  public var settings: String
  public var provenance: Provenance
  public var seconds: Double
  /// Optimiser steps and their mean time, for the estimates of `plan`.
  public var steps: Int? = nil
  public var secondsPerStep: Double? = nil
  /// The shape the step time belongs to (model, batch, sequence length, tasks).
  public var stepShape: String? = nil
}

/// Who is running a stage or a cell right now, and how far it is: `running.json`, rewritten as
/// the work goes. Read by `layoutlab status` from another terminal.
public struct StageActivity: Codable, Sendable {
  public var pid: Int32
  public var label: String
  public var started: Date
  public var updated: Date
  public var step: Int = 0
  public var totalSteps: Int = 0

  /// Whether the process that wrote this is still alive (on this machine).
  public var isAlive: Bool { HostProcess.isAlive(pid) }

  /// Reads `running.json` in `directory`, if any.
  static func read(in directory: URL) -> StageActivity? {
    let url = directory.appendingPathComponent("running.json")
    guard let data = try? Data(contentsOf: url) else { return nil }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try? decoder.decode(StageActivity.self, from: data)
  }

  /// Writes `running.json` in `directory` atomically.
  func write(in directory: URL) {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try? encoder.encode(self).write(
      to: directory.appendingPathComponent("running.json"), options: .atomic)
  }
}

/// Follows one piece of work in `running.json`, at most every `interval` seconds.
final class ActivityTracker: @unchecked Sendable {
  let directory: URL
  var activity: StageActivity
  var lastWrite = Date.distantPast
  let interval: Double

  init(directory: URL, label: String, interval: Double = 1) {
    self.directory = directory
    self.interval = interval
    let now = Date()
    activity = StageActivity(
      pid: getpid(), label: label, started: now, updated: now)
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    activity.write(in: directory)
  }

  /// Records progress (`step` of `total`).
  func progress(step: Int, of total: Int) {
    activity.step = step
    activity.totalSteps = total
    let now = Date()
    guard now.timeIntervalSince(lastWrite) >= interval || step == total else { return }
    activity.updated = now
    lastWrite = now
    activity.write(in: directory)
  }

  /// Removes `running.json`.
  func finish() {
    try? FileManager.default.removeItem(at: directory.appendingPathComponent("running.json"))
  }
}

/// The stage cache: a finished stage lives in `<root>/<kind>/<key>/` with `stage.json`; one in
/// progress in `<key>.partial/` (with `running.json`), renamed into place when complete, so
/// no reader ever sees a partial output under a finished key.
public struct StageStore: Sendable {
  public var root: URL

  /// Creates a store at `root` (normally `results/.stages`).
  public init(root: URL) { self.root = root }

  /// The folder of a finished stage.
  public func directory(_ kind: StageKind, key: String) -> URL {
    root.appendingPathComponent(kind.rawValue).appendingPathComponent(key)
  }

  /// The folder a stage is built in.
  public func partialDirectory(_ kind: StageKind, key: String) -> URL {
    root.appendingPathComponent(kind.rawValue).appendingPathComponent(key + ".partial")
  }

  /// The record of a finished stage, or nil.
  public func record(_ kind: StageKind, key: String) -> StageRecord? {
    let url = directory(kind, key: key).appendingPathComponent("stage.json")
    guard let data = try? Data(contentsOf: url) else { return nil }
    return try? JSONDecoder().decode(StageRecord.self, from: data)
  }

  /// The activity of a stage in progress, or nil.
  public func activity(_ kind: StageKind, key: String) -> StageActivity? {
    StageActivity.read(in: partialDirectory(kind, key: key))
  }

  /// Every finished stage of `kind` (for step-time estimates).
  public func records(_ kind: StageKind) -> [StageRecord] {
    let folder = root.appendingPathComponent(kind.rawValue)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.sorted().filter { !$0.hasSuffix(".partial") }.compactMap {
      record(kind, key: $0)
    }
  }

  /// The finished stage's folder: `build` runs in the partial folder (where an interrupted
  /// earlier attempt left its checkpoints) unless the stage is already done, and returns the
  /// record; the folder is then renamed into place. Another live process building the same
  /// stage is an error rather than a race.
  func ensure(
    _ kind: StageKind, key: String, label: String,
    build: (URL, ActivityTracker) throws -> StageRecord
  ) throws -> (directory: URL, ran: Bool) {
    let final = directory(kind, key: key)
    if record(kind, key: key) != nil { return (final, false) }
    let partial = partialDirectory(kind, key: key)
    if let other = StageActivity.read(in: partial), other.pid != getpid(), other.isAlive {
      throw StageError.busy(kind: kind, key: key, pid: other.pid)
    }
    try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
    let tracker = ActivityTracker(directory: partial, label: label)
    let record: StageRecord
    do {
      record = try build(partial, tracker)
    } catch {
      tracker.finish()  // a failed build is not running, nor interrupted
      throw error
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(record).write(
      to: partial.appendingPathComponent("stage.json"), options: .atomic)
    tracker.finish()
    // A folder left under the final name without a record (never written by this code) goes.
    try? FileManager.default.removeItem(at: final)
    try FileManager.default.moveItem(at: partial, to: final)
    return (final, true)
  }
}

/// A stage that cannot run now.
public enum StageError: Error, CustomStringConvertible {
  case busy(kind: StageKind, key: String, pid: Int32)

  public var description: String {
    switch self {
    case .busy(let kind, let key, let pid):
      return "\(kind.rawValue) stage \(key.prefix(12)) is being built by process \(pid); "
        + "wait for it, or stop it first"
    }
  }
}
