// LayoutLab — axes: cartesian expansion, exclude rules, cell names and errors with key paths.

import Foundation
import JSONValues
import LayoutModels
import XCTest

@testable import Experiments

final class SpecAxesTests: XCTestCase {
  func parse(_ text: String) throws -> ExperimentSpec {
    try ExperimentSpec.parse(try JSONValue.parseJSON5(Data(text.utf8)), file: "sweep.json5")
  }

  func sweep(axes: String, exclude: String) -> String {
    """
    {
      name: 'sweep',
      base: {
        model: { preset: 'tiny' },
        pretraining: { corpus: [{ synthetic: 30, seed: 3 }], steps: 4 },
      },
      axes: { \(axes) },
      exclude: [\(exclude)],
      seeds: [1, 2],
    }
    """
  }

  let fullAxes = """
    'model.version': ['v1', 'v2'],
    'model.grid': [[1, 1], [2, 2], [4, 4], [7, 7]],
    'pretraining.tasks': [['mvlm'], ['mvlm', 'tia'], ['mvlm', 'tia', 'tim']]
    """
  let v1Rules = """
    { 'model.version': 'v1', 'model.grid': { not: [1, 1] } },
    { 'model.version': 'v1', 'pretraining.tasks': { not: ['mvlm'] } }
    """

  func testVersionByGridByTasksWithV1ExclusionsGivesThirteenCellsAndThirteenStages() throws {
    let spec = try parse(sweep(axes: fullAxes, exclude: v1Rules))
    XCTAssertEqual(spec.variants.count, 1 + 4 * 3)
    XCTAssertEqual(spec.variants.first?.name, "v1-grid1x1-mvlm")
    XCTAssertEqual(spec.variants[1].name, "v2-grid1x1-mvlm")
    XCTAssertEqual(spec.variants.last?.name, "v2-grid7x7-mvlm+tia+tim")
    let plans = try spec.plans()
    XCTAssertEqual(plans.count, 26)
    let v2Grid4 = try spec.configuration(of: "v2-grid4x4-mvlm+tia")
    XCTAssertEqual(v2Grid4.model.grid, VisualGrid(height: 4, width: 4))
    XCTAssertEqual(v2Grid4.pretraining?.taskNames, ["mvlm", "tia"])
    let repository = URL(fileURLWithPath: "/tmp")
    let keys = Set(
      try plans.map {
        try PretrainingStagePlan(XCTUnwrap($0.configuration.pretraining), repository: repository)
          .key
      })
    XCTAssertEqual(keys.count, 13, "one pre-training stage per distinct setting, not per seed")
  }

  func testEmptyTaskListMeansNoPretraining() throws {
    let spec = try parse(
      sweep(axes: "'pretraining.tasks': [[], ['mvlm']]", exclude: "{ 'pretraining.tasks': [] }")
        .replacingOccurrences(of: "exclude: [{ 'pretraining.tasks': [] }],", with: ""))
    XCTAssertEqual(spec.variants.map(\.name), ["scratch", "mvlm"])
    XCTAssertNil(try spec.configuration(of: "scratch").pretraining)
    XCTAssertNotNil(try spec.configuration(of: "mvlm").pretraining)
  }

  func testV1WithTIAIsAnErrorUnlessExcluded() throws {
    XCTAssertThrowsError(try parse(sweep(axes: fullAxes, exclude: ""))) {
      XCTAssertTrue("\($0)".contains("pretraining.tasks"), "\($0)")
      XCTAssertTrue("\($0)".contains("v1"), "\($0)")
    }
  }

  func testAnExcludeRuleThatMatchesNothingIsNamed() throws {
    let rules = v1Rules + ", { 'model.grid': [3, 3] }"
    XCTAssertThrowsError(try parse(sweep(axes: fullAxes, exclude: rules))) {
      XCTAssertTrue("\($0)".contains("'exclude[2]'"), "\($0)")
      XCTAssertTrue("\($0)".contains("matches at least one cell"), "\($0)")
    }
  }

  func testAnExcludeRuleOnANonAxisIsNamed() throws {
    XCTAssertThrowsError(
      try parse(sweep(axes: fullAxes, exclude: v1Rules + ", { 'training.epochs': 3 }"))
    ) {
      XCTAssertTrue("\($0)".contains("exclude[2].'training.epochs'"), "\($0)")
    }
  }

  func testABadAxisPathIsNamedWithASuggestion() throws {
    XCTAssertThrowsError(try parse(sweep(axes: "'model.grdi': [[2, 2]]", exclude: ""))) {
      XCTAssertTrue("\($0)".contains("axes.'model.grdi'[0]"), "\($0)")
      XCTAssertTrue("\($0)".contains("did you mean 'model.grid'"), "\($0)")
    }
  }

  func testAWrongValueTypeIsNamedWithItsIndex() throws {
    XCTAssertThrowsError(try parse(sweep(axes: "'model.grid': [[2, 2], 'four']", exclude: ""))) {
      XCTAssertTrue("\($0)".contains("axes.'model.grid'[1]"), "\($0)")
    }
    XCTAssertThrowsError(try parse(sweep(axes: "'model.grid': [2, 2]", exclude: ""))) {
      XCTAssertTrue("\($0)".contains("axes.'model.grid'[0]"), "\($0)")
    }
  }

  func testAnExtendsCycleIsNamed() throws {
    let text = """
      { name: 'c', variants: { a: { extends: 'b' }, b: { extends: 'a' } } }
      """
    XCTAssertThrowsError(try parse(text)) {
      XCTAssertTrue("\($0)".contains("extends"), "\($0)")
      XCTAssertTrue("\($0)".contains("circular"), "\($0)")
    }
  }

  func testCellLabels() {
    XCTAssertEqual(cellLabel(path: "model.version", value: .string("v2")), "v2")
    XCTAssertEqual(
      cellLabel(path: "model.grid", value: .array([.number(4), .number(3)])), "grid4x3")
    XCTAssertEqual(cellLabel(path: "model.spatialBias2D", value: .bool(false)), "no-spatialBias2D")
    XCTAssertEqual(
      cellLabel(path: "training.learningRate", value: .number(0.001)), "learningRate0.001")
    XCTAssertEqual(cellLabel(path: "pretraining.tasks", value: .array([])), "scratch")
  }

  func testGlobMatching() {
    XCTAssertTrue(globMatches("v2-grid*", "v2-grid4x4-mvlm"))
    XCTAssertTrue(globMatches("*tia*", "v2-grid4x4-mvlm+tia"))
    XCTAssertTrue(globMatches("v?-grid1x1-mvlm", "v1-grid1x1-mvlm"))
    XCTAssertFalse(globMatches("v1*", "v2-grid4x4-mvlm"))
    XCTAssertFalse(globMatches("v2", "v2-grid4x4"))
  }

  func testAnAxisErrorIsFoundByItsKeyPathNotItsText() {
    func error(_ path: String) -> SpecError {
      .invalidValue(file: "f", path: path, expected: "x")
    }
    XCTAssertTrue(error("model.grid").isAbout("model.grid"))
    XCTAssertTrue(error("model.grid.height").isAbout("model.grid"))
    XCTAssertTrue(error("pretraining.tasks[0]").isAbout("pretraining.tasks"))
    XCTAssertFalse(error("model.gridHeight").isAbout("model.grid"))
    XCTAssertFalse(error("data.note").isAbout("model.grid"))
    XCTAssertFalse(
      SpecError.badOverride(text: "model.grid=1", reason: "'model.grid'").isAbout("model.grid"))
  }
}
