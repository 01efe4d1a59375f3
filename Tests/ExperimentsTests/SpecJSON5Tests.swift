// LayoutLab — specs through the JSON5 parser: variant order, syntax errors with line and column,
// and the repository's specs with the same canonical text as through JSONDecoder.

import Foundation
import JSONValues
import XCTest

@testable import Experiments

final class SpecJSON5Tests: XCTestCase {
  func parse(_ text: String) throws -> JSONValue { try JSONValue.parseJSON5(Data(text.utf8)) }

  /// The old path: Foundation's JSON5 decoder through `init(from:)`.
  func decodeWithFoundation(_ data: Data) throws -> JSONValue {
    let decoder = JSONDecoder()
    decoder.allowsJSON5 = true
    return try decoder.decode(JSONValue.self, from: data)
  }

  func testSpecVariantsKeepTheirWrittenOrder() throws {
    let tree = try parse(
      "{ name: 'demo', base: { model: { preset: 'tiny' } }, variants: { z: {}, a: {} }, seeds: [2, 1] }"
    )
    let spec = try ExperimentSpec.parse(tree, file: "test.json5")
    XCTAssertEqual(spec.variants.map(\.name), ["z", "a"])
    XCTAssertEqual(
      try spec.plans().map { "\($0.variant)/\($0.seed)" }, ["z/2", "z/1", "a/2", "a/1"])
  }

  func testSpecSyntaxErrorNamesLineAndColumn() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ll-json5-\(UUID()).json5")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data("{\n  name: 'demo'\n  seeds: [1],\n}\n".utf8).write(to: url)
    XCTAssertThrowsError(try ExperimentSpec.load(contentsOf: url)) { error in
      guard case .syntax(let file, let reason)? = error as? SpecError else {
        return XCTFail("\(error)")
      }
      XCTAssertEqual(file, url.path)
      XCTAssertEqual(
        reason, "line 3, column 3: expected ',' or '}' after an object member, found 's'")
      XCTAssertTrue("\(error)".hasSuffix("not valid JSON5 (\(reason))"), "\(error)")
    }
  }

  /// Every spec in the repository's `experiments/` has the same canonical text as before.
  func testRepositorySpecsHaveTheSameCanonicalTextAsJSONDecoder() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let folder = root.appendingPathComponent("experiments")
    let specs = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".json5") }.sorted()
    XCTAssertFalse(specs.isEmpty, "no specs in \(folder.path)")
    for name in specs {
      let data = try Data(contentsOf: folder.appendingPathComponent(name))
      let ours = try JSONValue.parseJSON5(data)
      XCTAssertEqual(ours.canonicalText, try decodeWithFoundation(data).canonicalText, name)
      XCTAssertEqual(try ExperimentSpec.parse(ours, file: name).canonicalText, ours.canonicalText)
    }
  }
}
