// LayoutLab — strict spec decoding: key paths, suggestions, types, variants, overrides.

import Foundation
import JSONValues
import LayoutModels
import XCTest

@testable import Experiments

final class ExperimentSpecTests: XCTestCase {
  func parse(_ text: String, overrides: [String] = []) throws -> ExperimentSpec {
    var tree = try JSONValue.parseJSON5(Data(text.utf8))
    for override in overrides { tree = try applyOverride(override, to: tree) }
    return try ExperimentSpec.parse(tree, file: "test.json5")
  }

  let valid = """
    // a comment
    {
      name: 'demo',
      base: { model: { preset: 'tiny' }, training: { epochs: 2, }, },
      variants: { v1: { model: { version: 'v1' } }, v2: {}, v2pool: { extends: 'v2', model: { backbone: 'pool' } } },
      seeds: [1, 2],
    }
    """

  func testExpandsVariantsTimesSeeds() throws {
    let spec = try parse(valid)
    let plans = try spec.plans()
    XCTAssertEqual(plans.count, 6)
    XCTAssertEqual(Set(plans.map(\.variant)), ["v1", "v2", "v2pool"])
    let pool = try spec.configuration(of: "v2pool")
    XCTAssertEqual(pool.model.backbone, .pool)
    XCTAssertEqual(pool.model.preset, .tiny)
    XCTAssertEqual(pool.training.epochs, 2)
    XCTAssertEqual(try spec.configuration(of: "v1").model.version, .v1)
  }

  func testUnknownKeyNamesPathAndSuggests() {
    let text = valid.replacingOccurrences(of: "epochs: 2", with: "epohcs: 2")
    XCTAssertThrowsError(try parse(text)) { error in
      XCTAssertEqual(
        error as? SpecError,
        .unknownKey(
          file: "test.json5", path: "variants.v1.training.epohcs",
          suggestion: "variants.v1.training.epochs"))
    }
  }

  func testWrongTypeNamesPath() {
    let text = valid.replacingOccurrences(of: "epochs: 2", with: "epochs: 'two'")
    XCTAssertThrowsError(try parse(text)) { error in
      XCTAssertTrue("\(error)".contains("training.epochs' must be an integer"), "\(error)")
    }
  }

  func testBadVariantReference() {
    let text = valid.replacingOccurrences(of: "extends: 'v2'", with: "extends: 'v3'")
    XCTAssertThrowsError(try parse(text)) { error in
      guard case .badVariantReference(_, let path, let name, _) = error as? SpecError else {
        return XCTFail("\(error)")
      }
      XCTAssertEqual(path, "variants.v2pool.extends")
      XCTAssertEqual(name, "v3")
    }
  }

  func testBadChoiceAndMissingName() {
    XCTAssertThrowsError(
      try parse(valid.replacingOccurrences(of: "preset: 'tiny'", with: "preset: 'huge'"))
    ) {
      XCTAssertTrue("\($0)".contains("one of 'tiny', 'small', 'base'"), "\($0)")
    }
    XCTAssertThrowsError(try parse("{ seeds: [1] }")) {
      XCTAssertEqual($0 as? SpecError, .missingKey(file: "test.json5", path: "name"))
    }
  }

  func testOverridesAreTypedAndRelativeToBase() throws {
    let spec = try parse(valid, overrides: ["training.epochs=5", "data.root=/tmp/x", "seeds=[7]"])
    let config = try spec.configuration(of: "v2")
    XCTAssertEqual(config.training.epochs, 5)
    XCTAssertEqual(config.data.root, "/tmp/x")
    XCTAssertEqual(spec.seeds, [7])
    XCTAssertThrowsError(try parse(valid, overrides: ["training.epochs=five"])) {
      XCTAssertTrue("\($0)".contains("training.epochs"), "\($0)")
    }
    XCTAssertThrowsError(try parse(valid, overrides: ["noequals"]))
  }

  func testCanonicalTextIsStable() throws {
    let a = try JSONValue.parseJSON5(Data("{b: 1, a: [true, 'x', 0.5]}".utf8))
    let b = try JSONValue.parseJSON5(Data("{ a: [true, \"x\", 0.5], b: 1.0 }".utf8))
    XCTAssertEqual(a.canonicalText, b.canonicalText)
    XCTAssertEqual(a.canonicalText, #"{"a":[true,"x",0.5],"b":1}"#)
  }

  func testProbeAndTrainingSubsetAreStoredOnlyWhenSet() throws {
    let spec = try parse(
      valid,
      overrides: [
        "variants.v2pool.training.trainEncoder=false", "variants.v2pool.data.trainDocuments=40",
      ])
    let probe = try spec.configuration(of: "v2pool")
    XCTAssertEqual(probe.training.trainEncoder, false)
    XCTAssertEqual(probe.data.trainDocuments, 40)
    // The defaults leave both keys out of the stored configuration, so cached runs keep their hash.
    let plain = try spec.configuration(of: "v2")
    XCTAssertTrue(plain.training.trainEncoder)
    XCTAssertNil(plain.data.trainDocuments)
    let text = String(decoding: try JSONEncoder().encode(plain), as: UTF8.self)
    XCTAssertFalse(text.contains("trainEncoder") || text.contains("trainDocuments"), text)
    XCTAssertThrowsError(try parse(valid, overrides: ["base.data.trainDocuments=-1"]))
    XCTAssertEqual(plain.training.probeEpochs, 0)
    XCTAssertFalse(text.contains("probe"), text)
    let lpft = try parse(valid, overrides: ["training.probeEpochs=3"]).configuration(of: "v2")
    XCTAssertEqual(lpft.training.probeEpochs, 3)
    XCTAssertEqual(lpft.training.probeLearningRate, 1e-2)
  }

  func testComparisonsNameKnownVariants() throws {
    let spec = try parse(valid, overrides: ["compare=[[\"v2pool\", \"v1\"]]"])
    XCTAssertEqual(spec.comparisons, [VariantComparison("v2pool", "v1")])
    XCTAssertEqual(try parse(valid).comparisons, [])
    XCTAssertThrowsError(try parse(valid, overrides: ["compare=[[\"v2\", \"v9\"]]"])) { error in
      XCTAssertTrue("\(error)".contains("compare[0]"), "\(error)")
      XCTAssertTrue("\(error)".contains("v9"), "\(error)")
    }
    XCTAssertThrowsError(try parse(valid, overrides: ["compare=[[\"v2\"]]"]))
    XCTAssertThrowsError(try parse(valid, overrides: ["compare=[[\"v2\", \"v2\"]]"]))
  }
}
