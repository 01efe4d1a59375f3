// LayoutLab — every default written once: decoding `{}` gives the defaults, and the visual grid
// keeps its encoded forms (`[Gh, Gw]` in the spec settings, `[Gh, Gw, C]` in config.json).

import Foundation
import LayoutModels
import XCTest

final class ConfigurationDefaultsTests: XCTestCase {
  private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(json.utf8))
  }

  private func encoded<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  func testEmptyConfigDecodesToTheDefaultConfiguration() throws {
    let config = try decode(LayoutLMConfiguration.self, "{}")
    XCTAssertEqual(config, LayoutLMConfiguration())
    XCTAssertEqual(config.version, .v1)
    XCTAssertEqual(config.visualTokenCount, 0)
  }

  func testV2ModelTypeAloneTurnsOnTheV2Architecture() throws {
    let config = try decode(LayoutLMConfiguration.self, #"{"model_type": "layoutlmv2"}"#)
    XCTAssertEqual(config, .defaults(modelType: "layoutlmv2"))
    XCTAssertTrue(config.visualTokens && config.fastQKV && config.hasRelativeAttentionBias)
    XCTAssertTrue(config.hasSpatialAttentionBias)
    XCTAssertEqual(config.layoutEmbedding, .concatenated)
    XCTAssertEqual(config.grid, .standard)
    XCTAssertEqual(config.visualChannels, 256)
  }

  func testEmptyModelSettingsDecodeToTheDefaults() throws {
    XCTAssertEqual(try decode(ModelSettings.self, "{}"), ModelSettings())
  }

  func testPoolShapeIsTheGridAndChannelsInConfigJSON() throws {
    var config = LayoutLMConfiguration.v2(hidden: 64, layers: 2, heads: 2)
    config.grid = VisualGrid(height: 4, width: 3)!
    let text = try encoded(config)
    XCTAssertTrue(text.contains(#""image_feature_pool_shape":[4,3,64]"#), text)
    XCTAssertEqual(try decode(LayoutLMConfiguration.self, text), config)
    let twoSides = try decode(
      LayoutLMConfiguration.self,
      #"{"model_type": "layoutlmv2", "image_feature_pool_shape": [2, 5]}"#)
    XCTAssertEqual(twoSides.grid, VisualGrid(height: 2, width: 5))
    XCTAssertEqual(twoSides.visualChannels, 256)
    let pool = try decode(
      LayoutLMConfiguration.self,
      #"{"model_type": "layoutlmv2", "image_feature_pool_shape": [7, 7, 3]}"#)
    XCTAssertEqual(pool.visualBackbone, .pool)
    XCTAssertThrowsError(
      try decode(
        LayoutLMConfiguration.self,
        #"{"model_type": "layoutlmv2", "image_feature_pool_shape": [15, 7, 256]}"#))
  }

  func testGridIsCheckedOnceAndEncodesAsTwoSides() throws {
    XCTAssertNil(VisualGrid(height: 0, width: 4))
    XCTAssertNil(VisualGrid(height: 4, width: 15))
    XCTAssertThrowsError(try VisualGrid([4]))
    XCTAssertEqual(VisualGrid(height: 4, width: 3)?.description, "4×3")
    var settings = ModelSettings()
    settings.grid = VisualGrid(height: 4, width: 4)
    // The encoded settings are part of every run's configuration hash: `grid` stays `[4, 4]`.
    XCTAssertEqual(try encoded(settings), #"{"grid":[4,4],"preset":"small","version":"v2"}"#)
    XCTAssertEqual(try decode(ModelSettings.self, try encoded(settings)), settings)
    XCTAssertThrowsError(try decode(ModelSettings.self, #"{"grid": [4, 0]}"#))
    let config = try settings.configuration(vocabularySize: 100, labels: 2)
    XCTAssertEqual(config.grid, settings.grid)
    XCTAssertEqual(config.visualChannels, 64)
  }

  /// LayoutLab's own checkpoints (`results/pretrain/*/config.json`, and the local pre-training
  /// stages when present) decode and write back every field they have, unchanged; the HF
  /// fixtures are checked by `ParityTests`.
  func testWrittenCheckpointsKeepEveryField() throws {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let manager = FileManager.default
    var files: [URL] = []
    for folder in ["results/pretrain", "results/.stages/pretraining"] {
      let url = repository.appendingPathComponent(folder)
      guard let enumerator = manager.enumerator(at: url, includingPropertiesForKeys: nil) else {
        continue
      }
      for case let file as URL in enumerator where file.lastPathComponent == "config.json" {
        files.append(file)
      }
    }
    XCTAssertFalse(files.isEmpty)
    for file in files {
      let data = try Data(contentsOf: file)
      let written = try JSONEncoder().encode(LayoutLMConfiguration.read(contentsOf: file))
      let before = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? NSDictionary)
      let after = try XCTUnwrap(JSONSerialization.jsonObject(with: written) as? NSDictionary)
      for case let key as String in before.allKeys {
        XCTAssertEqual(
          before[key] as? NSObject, after[key] as? NSObject, "\(file.path): \(key)")
      }
    }
  }
}
