// LayoutLab — the configuration table shows the visual grid by the spec's key path.

import Experiments
import Foundation
import LayoutModels
import Tasks
import XCTest

@testable import Reporting

final class ConfigurationSectionTests: XCTestCase {
  /// A stored run of `variant` whose model configuration is `config` (the spec set `grid`).
  func run(_ variant: String, config: LayoutLMConfiguration, grid: String?) throws -> RunRecord {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let model = String(decoding: try encoder.encode(config), as: UTF8.self)
    let setting = grid.map { #", "grid": \#($0)"# } ?? ""
    let json = ReportTests.runJSON(variant, seed: 1, f1: 0.5, learningRate: 1e-3)
      .replacingOccurrences(
        of: #""model": {"version": "\#(ReportTests.modelVersion(variant))"}"#,
        with: #""model": {"version": "\#(variant.prefix(2))"\#(setting)}"#
      )
      .replacingOccurrences(
        of: #""parameterCount""#, with: #""modelConfiguration": \#(model), "parameterCount""#)
    return try RecordFixture.decode(json)
  }

  func testGridRowUsesTheSpecKeyAndSkipsModelsWithoutVisualTokens() throws {
    // v1 keeps the configuration's 256 channels and v2 has 64: no visual tokens, no difference.
    var v1 = LayoutLMConfiguration.v1(hidden: 64, layers: 2, heads: 2)
    v1.grid = VisualGrid(height: 1, width: 1)!
    var v2Small = LayoutLMConfiguration.v2(hidden: 64, layers: 2, heads: 2)
    v2Small.grid = VisualGrid(height: 1, width: 1)!
    var v2Large = v2Small
    v2Large.grid = VisualGrid(height: 4, width: 4)!
    let byVariant = [
      "v1-grid1": [try run("v1-grid1", config: v1, grid: "[1, 1]")],
      "v2-grid1": [try run("v2-grid1", config: v2Small, grid: "[1, 1]")],
      "v2-grid4": [try run("v2-grid4", config: v2Large, grid: "[4, 4]")],
    ]
    let lines = configurationSection(
      variants: ["v1-grid1", "v2-grid1", "v2-grid4"], byVariant: byVariant)
    let text = lines.joined(separator: "\n")
    XCTAssertTrue(text.contains("| model.grid | — | 1×1 | 4×4 |"), text)
    XCTAssertFalse(text.contains("image_feature_pool_shape"), text)
    XCTAssertFalse(text.contains("visualChannels"), text)
    XCTAssertFalse(text.contains("256"), text)

    // Without a model configuration (older results) the spec's grid shows the same way.
    let older = ["a": [try run("v2-a", config: v2Small, grid: "[2, 3]")]]
    XCTAssertEqual(flattenedSettings(older["a"]![0].settings)["model.grid"], "2×3")
  }
}
