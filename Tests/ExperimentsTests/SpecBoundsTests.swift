// LayoutLab — spec bounds: repeated seeds or axis values, and the ceiling on planned runs.

import Foundation
import JSONValues
import XCTest

@testable import Experiments

final class SpecBoundsTests: XCTestCase {
  func parse(_ text: String) throws -> ExperimentSpec {
    try ExperimentSpec.parse(try JSONValue.parseJSON5(Data(text.utf8)), file: "s.json5")
  }

  func testARepeatedSeedIsNamed() {
    XCTAssertThrowsError(try parse("{ name: 's', seeds: [1, 2, 3, 2] }")) {
      XCTAssertEqual(
        "\($0)", "s.json5: 'seeds[3]' must be a seed not listed before (it repeats seeds[1])")
    }
  }

  func testARepeatedAxisValueIsNamed() {
    let spec = "{ name: 's', axes: { 'model.version': ['v1', 'v2', 'v1'] } }"
    XCTAssertThrowsError(try parse(spec)) {
      XCTAssertEqual(
        "\($0)",
        "s.json5: 'axes.'model.version'[2]' must be a value not listed before "
          + "(it repeats axes.'model.version'[0])")
    }
  }

  func testTooManySeedsAreRefusedQuickly() {
    let seeds = (0...ExperimentSpec.maximumRuns).map(String.init).joined(separator: ",")
    let start = Date()
    XCTAssertThrowsError(try parse("{ name: 's', seeds: [\(seeds)] }")) {
      let message = "\($0)"
      XCTAssertTrue(message.contains("at most 100000 runs"), message)
      XCTAssertTrue(message.contains("split the sweep"), message)
    }
    XCTAssertLessThan(Date().timeIntervalSince(start), 10)
  }

  func testVariantsTimesSeedsOverTheCeilingAreRefused() {
    let seeds = (1...60_000).map(String.init).joined(separator: ",")
    let spec = "{ name: 's', variants: { a: {}, b: {} }, seeds: [\(seeds)] }"
    XCTAssertThrowsError(try parse(spec)) {
      XCTAssertTrue("\($0)".contains("2 variants × 60000 seeds (120000 runs)"), "\($0)")
    }
  }

  func testAHugeAxisProductIsRefusedBeforeExpansion() {
    let values = (1...400).map { "\($0)" }.joined(separator: ",")
    let spec = """
      { name: 's', axes: { 'training.epochs': [\(values)], 'training.evalEveryEpochs': [\(values)] } }
      """
    XCTAssertThrowsError(try parse(spec)) {
      XCTAssertTrue("\($0)".contains("400 × 400 axis values"), "\($0)")
    }
  }
}
