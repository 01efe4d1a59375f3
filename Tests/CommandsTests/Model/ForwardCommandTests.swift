// LayoutLab — `layoutlab forward` reproduces every fixture from its files alone.

import Commands
import Foundation
import TensorCore
import XCTest
import _TestSupport

final class ForwardCommandTests: XCTestCase {
  func testReproducesEachFixtureFromItsFiles() throws {
    let fixtures = TestPaths.fixture("LayoutModelsTests/Fixtures/hf-parity")
    let names = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted().filter {
      FileManager.default.fileExists(
        atPath: fixtures.appendingPathComponent("\($0)/outputs.safetensors").path)
    }
    XCTAssertGreaterThanOrEqual(names.count, 5)
    for name in names {
      let folder = fixtures.appendingPathComponent(name)
      let out = FileManager.default.temporaryDirectory.appendingPathComponent(
        "ll-fwd-\(UUID()).safetensors")
      defer { try? FileManager.default.removeItem(at: out) }
      _ = try runForward(
        checkpoint: folder, inputs: folder.appendingPathComponent("inputs.safetensors"), out: out,
        backward: true)
      let ours = try SafeTensorsFile(contentsOf: out)
      let reference = try SafeTensorsFile(
        contentsOf: folder.appendingPathComponent("outputs.safetensors"))
      var compared = 0
      for key in reference.names where !key.hasPrefix("adamw.") && key != "visual_features" {
        guard ours.names.contains(key) else {
          XCTFail("\(name): forward did not write \(key)")
          continue
        }
        let strict = !key.hasPrefix("grad.")
        assertClose(
          try ours.floats(key), try reference.floats(key), absolute: strict ? 1e-4 : 1e-5,
          relative: strict ? 0 : 1e-4, "\(name) \(key)")
        compared += 1
      }
      XCTAssertGreaterThan(compared, 10, name)
    }
  }

  func testMissingCheckpointFileIsNamed() {
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent("ll-empty-\(UUID())")
    try? FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: empty) }
    XCTAssertThrowsError(
      try runForward(checkpoint: empty, inputs: empty, out: empty, backward: false)
    ) { error in
      XCTAssertTrue("\(error)".contains("config.json"), "\(error)")
    }
  }
}
