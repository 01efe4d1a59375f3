// LayoutLab — sinusoidal position tables: only those five tables change, and they hold sinusoids.

import Foundation
import TensorCore
import XCTest
import _TestSupport

@testable import LayoutModels

final class PositionInitializationTests: XCTestCase {
  func testSinusoidalChangesOnlyThePositionTablesAndEqualPositionsAreMostAlike() throws {
    var config = TinyModels.configuration(v2: false)
    let plain = LayoutLMForTask(config, task: .questionAnswering, seed: 4)
    config.positionInitialization = .sinusoidal
    let model = LayoutLMForTask(config, task: .questionAnswering, seed: 4)
    let before = Dictionary(
      uniqueKeysWithValues: plain.namedParameters().map { ($0.0, $0.1.array) })
    var changed: [String] = []
    for (name, parameter) in model.namedParameters() where before[name] != parameter.array {
      changed.append(name.components(separatedBy: ".").suffix(2).joined(separator: "."))
    }
    XCTAssertEqual(
      Set(changed),
      [
        "position_embeddings.weight", "x_position_embeddings.weight",
        "y_position_embeddings.weight", "h_position_embeddings.weight",
        "w_position_embeddings.weight",
      ])
    let table = try XCTUnwrap(
      model.namedParameters().first { $0.0.hasSuffix(".y_position_embeddings.weight") }?.1)
    let width = table.shape[1]
    let values = table.array
    func row(_ p: Int) -> [Float] { Array(values[(p * width)..<((p + 1) * width)]) }
    XCTAssertEqual(Double(row(3)[0]), 0.02 * 2.0.squareRoot() * sin(3), accuracy: 1e-6)
    XCTAssertEqual(Double(row(3)[1]), 0.02 * 2.0.squareRoot() * cos(3), accuracy: 1e-6)
    // The dot product with row 100 is largest at row 100 and falls with distance.
    func dot(_ a: Int, _ b: Int) -> Float { zip(row(a), row(b)).map { $0 * $1 }.reduce(0, +) }
    XCTAssertGreaterThan(dot(100, 100), dot(100, 101))
    XCTAssertGreaterThan(dot(100, 101), dot(100, 140))
    // The configuration round-trips through config.json.
    let decoded = try JSONDecoder().decode(
      LayoutLMConfiguration.self, from: JSONEncoder().encode(config))
    XCTAssertEqual(decoded.positionInitialization, .sinusoidal)
  }
}
