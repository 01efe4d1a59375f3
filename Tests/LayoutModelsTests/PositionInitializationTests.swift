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
    // Column order and signs differ per table; the values are the sinusoids' (sin 3 and cos 3
    // for the first pair of columns).
    let scale = 0.02 * 2.0.squareRoot()
    let magnitudes = Set(row(3).map { (Double(abs($0)) / scale * 1e5).rounded() })
    XCTAssertTrue(magnitudes.contains((abs(sin(3.0)) * 1e5).rounded()), "\(magnitudes)")
    XCTAssertTrue(magnitudes.contains((abs(cos(3.0)) * 1e5).rounded()), "\(magnitudes)")
    // x and y tables differ, so (x, y) and (y, x) no longer sum to the same vector.
    let x = try XCTUnwrap(
      model.namedParameters().first { $0.0.hasSuffix(".x_position_embeddings.weight") }?.1)
    XCTAssertNotEqual(Array(x.array[(3 * width)..<(4 * width)]), row(3))
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
