// LayoutLab — a real `layoutlab run` killed with SIGKILL at seeded moments resumes to the
// metrics of an uninterrupted run, never reruns a finished unit and leaves nothing partial.

import Foundation
import Seeding
import XCTest
import _TestSupport

@testable import Experiments

#if canImport(Glibc)
  import Glibc
#endif

final class KillResumeTests: SpecFolderTestCase {
  /// A sweep with a corpus, three pre-training stages that checkpoint on the way, and three
  /// cells: kills land in every kind of unit.
  func writeKillSweep() throws -> URL {
    try writeSweep("kills", documents: 48, corpus: 24, schedule: "steps: 30, checkpointEvery: 10,")
  }

  /// The finished records under `folder` (`result.json`, `stage.json`) and their bytes.
  func records(_ folder: URL) -> [String: Data] {
    var found: [String: Data] = [:]
    let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    while let url = walk?.nextObject() as? URL {
      guard ["result.json", "stage.json"].contains(url.lastPathComponent) else { continue }
      found[url.path] = try? Data(contentsOf: url)
    }
    return found
  }

  /// Paths under `folder` left by an interrupted write or build.
  func partialPaths(_ folder: URL) -> [String] {
    var found: [String] = []
    let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    while let url = walk?.nextObject() as? URL {
      let name = url.lastPathComponent
      if name.contains(".partial") || name.hasPrefix(".tmp") || name.hasSuffix(".tmp") {
        found.append(url.path)
      }
    }
    return found
  }

  /// Starts `layoutlab arguments…` and kills it with SIGKILL after `delay` seconds unless it
  /// ended first; returns whether it was killed.
  func runAndKill(_ arguments: [String], environment: [String: String], after delay: Double)
    throws -> Bool
  {
    let process = Process()
    process.executableURL = try builtLayoutlab()
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(delay)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    guard process.isRunning else { return false }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    return true
  }

  /// `LAYOUTLAB_KILLS` kills (3 by default; the closing check of issue 31 uses 10).
  func testKilledRunsResumeToTheUninterruptedMetrics() throws {
    let kills = Int(ProcessInfo.processInfo.environment["LAYOUTLAB_KILLS"] ?? "") ?? 3
    let spec = try writeKillSweep()
    let environment = [SourceDigest.environmentVariable: "test-code", "LAYOUTLAB_THREADS": "1"]
    let reference = root.appendingPathComponent("reference")
    let started = Date()
    let clean = try runLayoutlab(
      ["run", spec.path, "--results", reference.path], environment: environment)
    XCTAssertEqual(clean.status, 0, clean.output)
    let duration = Date().timeIntervalSince(started)

    let units = 7  // one corpus, three stages, three cells
    var generator = SeededGenerator(seed: 31)
    var killed = 0
    var rounds = 0
    // A round kills runs in one folder until one finishes; the next round starts afresh, until
    // `kills` kills have landed.
    while killed < kills && rounds < kills {
      let results = root.appendingPathComponent("killed-\(rounds)")
      rounds += 1
      var finished: [String: Data] = [:]
      while killed < kills {
        // A seeded moment within what is left of the work, so kills spread over every unit.
        let left = Double(units - min(units - 1, finished.count)) / Double(units)
        let delay =
          0.2 + duration * left * (0.1 + 0.8 * Double(generator.nextInt(below: 1000)) / 1000)
        let wasKilled = try runAndKill(
          ["run", spec.path, "--results", results.path], environment: environment, after: delay)
        let now = records(results)
        for (path, bytes) in finished {
          XCTAssertEqual(now[path], bytes, "kill \(killed): a finished unit changed: \(path)")
        }
        finished = now
        guard wasKilled else { break }
        killed += 1
      }
      let resumed = try runLayoutlab(
        ["run", spec.path, "--results", results.path], environment: environment)
      XCTAssertEqual(resumed.status, 0, resumed.output)
      for (path, bytes) in finished {
        XCTAssertEqual(records(results)[path], bytes, "the resumed run reran \(path)")
      }
      XCTAssertEqual(partialPaths(results), [], "left over after the resumed run")
      try assertSameMetrics(spec: spec, results: results, reference: reference)
    }
    XCTAssertEqual(killed, kills, "kills that landed while a run was working")
    print("kill-resume: \(killed) kills in \(rounds) round(s); reference run \(duration) s")
  }

  /// Every cell of `spec` is done under `results` with the metrics of `reference`.
  func assertSameMetrics(spec: URL, results: URL, reference: URL) throws {
    var options = RunnerOptions(resultsRoot: results, repository: root)
    options.sourceDigest = "test-code"
    let plan = try planExperiment(specURL: spec, options: options)
    XCTAssertTrue(plan.units.allSatisfy { $0.state == .done }, plan.statusText)
    for cell in plan.cells {
      let expected = ResultStore(root: reference).resultURL(
        experiment: "kills", variant: cell.run.variant, seed: cell.run.seed)
      let found = ResultStore(root: results).resultURL(
        experiment: "kills", variant: cell.run.variant, seed: cell.run.seed)
      XCTAssertEqual(try metricsBytes(found), try metricsBytes(expected), cell.run.variant)
    }
  }
}
