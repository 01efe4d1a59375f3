// LayoutLab — why a unit failed: a cell's `failed.json`, written in one place for every way a
// unit can fail (its own error, a killed worker, a unit it reads that failed).

import Foundation

/// Why a cell's last attempt failed: `failed.json` beside where `result.json` would be.
struct CellFailure: Codable {
  var configurationHash: String
  var error: String
  var date: Date

  static func read(in directory: URL) -> CellFailure? {
    guard let data = try? Data(contentsOf: directory.appendingPathComponent("failed.json")) else {
      return nil
    }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try? decoder.decode(CellFailure.self, from: data)
  }

  func write(in directory: URL) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(self).write(
      to: directory.appendingPathComponent("failed.json"), options: .atomic)
  }

  static func clear(in directory: URL) {
    try? FileManager.default.removeItem(at: directory.appendingPathComponent("failed.json"))
  }
}

extension WorkUnit {
  /// The folder of a cell's `result.json`, `failed.json` and `running.json` (nil for a stage).
  var cellDirectory: URL? {
    guard let cell else { return nil }
    return context.resultStore.resultURL(
      experiment: context.experiment, variant: cell.run.variant, seed: cell.run.seed
    ).deletingLastPathComponent()
  }

  /// The failure recorded for this unit's settings since `date` (to the second, as
  /// `failed.json` records it), if any (cells only: a failed
  /// stage leaves its partial folder, which the next attempt resumes).
  func recordedFailure(since date: Date = .distantPast) -> String? {
    guard let cell, let directory = cellDirectory,
      let failure = CellFailure.read(in: directory),
      failure.configurationHash == cell.configurationHash,
      failure.date.timeIntervalSince1970 >= date.timeIntervalSince1970.rounded(.down)
    else { return nil }
    return failure.error
  }

  /// Records why the unit failed (a cell's `failed.json`).
  func recordFailure(_ message: String) throws {
    guard let cell, let directory = cellDirectory else { return }
    try CellFailure(configurationHash: cell.configurationHash, error: message, date: Date())
      .write(in: directory)
  }
}
