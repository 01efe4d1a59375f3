// LayoutLab — a spec planned once into a graph of units: `--jobs 2` and the serial run give
// byte-identical metrics, a unit file runs without its spec, and a bad unit file says which
// file and which field.

import Foundation
import XCTest

@testable import Experiments

final class UnitGraphTests: SpecFolderTestCase {
  func testTheGraphHoldsTypedUnitsInRunOrder() throws {
    let spec = try writeSweep()
    let options = RunnerOptions(
      resultsRoot: root.appendingPathComponent("results"), repository: root)
    let plan = try planExperiment(specURL: spec, options: options)
    let kinds = plan.units.map(\.unit.work.kind)
    // One corpus, three stages (v1 mvlm, v2 mvlm, v2 mvlm+tia), three cells; each stage just
    // before the first cell that reads it.
    XCTAssertEqual(
      kinds, ["corpus", "pretraining", "cell", "pretraining", "cell", "pretraining", "cell"])
    let keys = plan.units.map(\.unit.key)
    XCTAssertEqual(Set(keys).count, keys.count, "unique keys")
    for (index, planned) in plan.units.enumerated() {
      for input in planned.unit.inputs {
        let reads = try XCTUnwrap(keys.firstIndex(of: input), "\(planned.unit.key) → \(input)")
        XCTAssertLessThan(reads, index, "\(planned.unit.key) comes after \(input)")
      }
    }
    // A unit round-trips through its file, typed settings and all.
    for planned in plan.units {
      let file = try writeUnitFile(planned.unit)
      XCTAssertEqual(file.deletingLastPathComponent().lastPathComponent, "units")
      XCTAssertEqual(try readUnitFile(at: file), planned.unit)
    }
    let cell = try XCTUnwrap(plan.units.last?.unit.cell)
    XCTAssertEqual(cell.run.configuration.model.version, .v2)
    XCTAssertEqual(plan.cells.map(\.run.variant), ["v1-mvlm", "v2-mvlm", "v2-mvlm+tia"])
    XCTAssertEqual(plan.stages.map(\.variants), [["v1-mvlm"], ["v2-mvlm"], ["v2-mvlm+tia"]])
  }

  func testTwoJobsAndTheSerialRunWriteByteIdenticalMetrics() throws {
    let spec = try writeSweep()
    let serial = root.appendingPathComponent("serial")
    let parallel = root.appendingPathComponent("parallel")
    // One source digest for both, whatever happens to the checkout meanwhile.
    let code = [SourceDigest.environmentVariable: "test-code"]
    let one = try runLayoutlab(
      ["run", spec.path, "--results", serial.path],
      environment: code.merging(["LAYOUTLAB_THREADS": "1"]) { $1 })
    XCTAssertEqual(one.status, 0, one.output)
    let two = try runLayoutlab(
      ["run", spec.path, "--results", parallel.path, "--jobs", "2"],
      environment: code.merging(["LAYOUTLAB_THREADS": "2"]) { $1 })
    XCTAssertEqual(two.status, 0, two.output)
    XCTAssertTrue(two.output.contains("2 jobs of 1 thread(s) each"), two.output)
    var options = RunnerOptions(resultsRoot: parallel, repository: root)
    options.sourceDigest = "test-code"
    let plan = try planExperiment(specURL: spec, options: options)
    XCTAssertEqual(plan.cells.count, 3)
    XCTAssertTrue(plan.units.allSatisfy { $0.state == .done }, plan.statusText)
    for cell in plan.cells {
      let expected = ResultStore(root: serial).resultURL(
        experiment: "sweep", variant: cell.run.variant, seed: cell.run.seed)
      let found = ResultStore(root: parallel).resultURL(
        experiment: "sweep", variant: cell.run.variant, seed: cell.run.seed)
      let bytes = try metricsBytes(found)
      XCTAssertEqual(bytes, try metricsBytes(expected), cell.run.variant)
      XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("\"f1\""))
    }
    // Each worker ran a unit file the scheduler wrote under the results folder.
    let units = parallel.appendingPathComponent("sweep/units")
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: units.path).count, 7,
      "one corpus, three stages, three cells")
  }

  func testAUnitFileRunsWithoutItsSpec() throws {
    let spec = try writePlain()
    let results = root.appendingPathComponent("results")
    let options = RunnerOptions(resultsRoot: results, repository: root)
    let plan = try planExperiment(specURL: spec, options: options)
    let unit = try XCTUnwrap(plan.units.first { $0.unit.cell?.run.seed == 2 }?.unit)
    let file = try writeUnitFile(unit)
    try FileManager.default.removeItem(at: spec)
    let run = try runLayoutlab(["unit", "run", file.path])
    XCTAssertEqual(run.status, 0, run.output)
    XCTAssertTrue(run.output.contains("default seed 2: dev F1 "), run.output)
    let store = ResultStore(root: results)
    let result = try XCTUnwrap(store.read(experiment: "plain", variant: "default", seed: 2))
    XCTAssertEqual(result.provenance.configurationHash, unit.cell?.configurationHash)
    XCTAssertEqual(result.provenance.sourceDigest, options.sourceDigest)
    XCTAssertNil(try store.read(experiment: "plain", variant: "default", seed: 1))
  }

  func testABadUnitFileNamesTheFileAndTheField() throws {
    let spec = try writePlain()
    let options = RunnerOptions(
      resultsRoot: root.appendingPathComponent("results"), repository: root)
    let unit = try XCTUnwrap(planExperiment(specURL: spec, options: options).units.first?.unit)
    let good = try writeUnitFile(unit)
    let text = try String(contentsOf: good, encoding: .utf8)
    func check(_ name: String, _ contents: String, _ expected: [String]) throws {
      let file = root.appendingPathComponent(name)
      try Data(contents.utf8).write(to: file)
      XCTAssertThrowsError(try readUnitFile(at: file), name) { error in
        for part in [file.path] + expected {
          XCTAssertTrue("\(error)".contains(part), "\(name): \(error)")
        }
      }
    }
    try check("truncated.json", String(text.prefix(40)), ["valid JSON"])
    // A result.json (or any other JSON) is not a unit.
    try check(
      "foreign.json", #"{ "experiment": "plain", "seed": 1 }"#,
      ["format: expected 'layoutlab-unit-1'", "not a unit file"])
    try check(
      "other-format.json", text.replacingOccurrences(of: WorkUnit.format, with: "layoutlab-unit-9"),
      ["format", "layoutlab-unit-1", "layoutlab-unit-9"])
    try check(
      "kind.json", text.replacingOccurrences(of: #""kind" : "cell""#, with: #""kind" : "cel""#),
      ["kind", "'cel'"])
    try check(
      "seed.json", text.replacingOccurrences(of: #""seed" : 1"#, with: #""seed" : "one""#),
      ["cell.run.seed", "an integer"])
    try check(
      "edited.json",
      text.replacingOccurrences(of: #""epochs" : 1"#, with: #""epochs" : 2"#),
      ["cell.configurationHash"])
    // The command says the same and fails.
    let run = try runLayoutlab(["unit", "run", root.appendingPathComponent("seed.json").path])
    XCTAssertEqual(run.status, 1, run.output)
    XCTAssertTrue(run.output.contains("seed.json: cell.run.seed: expected an integer"), run.output)
  }
}
