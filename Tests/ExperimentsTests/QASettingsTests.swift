// LayoutLab — a spec's `qa` section: typed, range-checked, hashed only for QA runs.

import Foundation
import JSONValues
import XCTest

@testable import Experiments

final class QASettingsTests: XCTestCase {
  func parse(_ base: String, overrides: [String] = []) throws -> ExperimentSpec {
    var tree = try JSONValue.parseJSON5(
      Data("{ name: 'q', base: \(base), variants: { a: {} }, seeds: [1] }".utf8))
    for override in overrides { tree = try applyOverride(override, to: tree) }
    return try ExperimentSpec.parse(tree, file: "q.json5")
  }

  let qaBase = "{ task: 'qa', model: { preset: 'tiny' }, data: { source: 'synthetic-qa' } }"

  func testQASectionIsReadWithDefaultsAndOverrides() throws {
    let spec = try parse(qaBase, overrides: ["qa.nBest=5", "qa.clsFallback=true"])
    let configuration = try spec.configuration(of: "a")
    XCTAssertEqual(configuration.task, .qa)
    XCTAssertEqual(configuration.qa.nBest, 5)
    XCTAssertTrue(configuration.qa.clsFallback)
    XCTAssertEqual(configuration.qa.maxAnswerTokens, 30)
    XCTAssertEqual(configuration.qa.maxAnswerEditRatio, 0.2)
  }

  func testQuestionMatchAndStepBudgetAreReadAndReachTheModel() throws {
    let spec = try parse(
      qaBase, overrides: ["model.questionMatch=true", "training.maxSteps=500"])
    let configuration = try spec.configuration(of: "a")
    XCTAssertEqual(configuration.model.questionMatch, true)
    XCTAssertEqual(configuration.training.maxSteps, 500)
    XCTAssertTrue(
      try configuration.model.configuration(vocabularySize: 100, labels: 2).questionMatch)
    let plain = try parse(qaBase).configuration(of: "a")
    XCTAssertNil(plain.model.questionMatch)
    XCTAssertNil(plain.training.maxSteps)
    XCTAssertThrowsError(
      try parse(qaBase, overrides: ["training.maxSteps=0"]).configuration(of: "a")
    ) {
      XCTAssertTrue("\($0)".contains("training.maxSteps"), "\($0)")
    }
  }

  func testWindowRulesAreCheckedWhenTheSpecIsRead() throws {
    // QA windows reserve qa.maxQuestionLength (64) + 3 pieces: with 96, strides up to 28 fit.
    XCTAssertNoThrow(
      try parse(qaBase, overrides: ["data.maxLength=96", "data.stride=28"]).configuration(of: "a"))
    XCTAssertThrowsError(
      try parse(qaBase, overrides: ["data.maxLength=96", "data.stride=29"]).configuration(of: "a")
    ) {
      XCTAssertTrue("\($0)".contains("data.stride"), "\($0)")
      XCTAssertTrue("\($0)".contains("0..<29"), "\($0)")
    }
    XCTAssertThrowsError(
      try parse(qaBase, overrides: ["data.maxLength=60"]).configuration(of: "a")
    ) {
      XCTAssertTrue("\($0)".contains("data.maxLength"), "\($0)")
    }
    // Entity windows reserve only their two separators.
    let forms = "{ model: { preset: 'tiny' }, data: { source: 'synthetic-forms' } }"
    XCTAssertNoThrow(
      try parse(forms, overrides: ["data.maxLength=16", "data.stride=13"]).configuration(of: "a"))
    XCTAssertThrowsError(
      try parse(forms, overrides: ["data.maxLength=16", "data.stride=14"]).configuration(of: "a"))
  }

  func testUnknownKeysAndOutOfRangeValuesNameTheirPath() {
    XCTAssertThrowsError(try parse(qaBase, overrides: ["qa.nbest=5"]).configuration(of: "a")) {
      XCTAssertTrue("\($0)".contains("qa.nbest"), "\($0)")
    }
    XCTAssertThrowsError(
      try parse(qaBase, overrides: ["qa.maxAnswerEditRatio=0.9"]).configuration(of: "a")
    ) {
      XCTAssertTrue("\($0)".contains("qa.maxAnswerEditRatio"), "\($0)")
    }
  }

  func testDocVQANeedsARootAndQASourcesNeedTheQATask() {
    XCTAssertThrowsError(
      try parse("{ task: 'qa', model: { preset: 'tiny' }, data: { source: 'docvqa' } }")
        .configuration(of: "a")
    ) {
      XCTAssertTrue("\($0)".contains("data.root"), "\($0)")
    }
    XCTAssertThrowsError(
      try parse("{ model: { preset: 'tiny' }, data: { source: 'synthetic-qa' } }")
        .configuration(of: "a")
    ) {
      XCTAssertTrue("\($0)".contains("need task 'qa'"), "\($0)")
    }
  }

  func testQASettingsAreHashedOnlyForQARuns() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let entities = String(
      decoding: try encoder.encode(
        try parse("{ model: { preset: 'tiny' } }").configuration(of: "a")), as: UTF8.self)
    XCTAssertFalse(entities.contains("\"qa\""), entities)
    let qa = String(
      decoding: try encoder.encode(try parse(qaBase).configuration(of: "a")), as: UTF8.self)
    XCTAssertTrue(qa.contains("\"qa\":{"), qa)
  }
}
