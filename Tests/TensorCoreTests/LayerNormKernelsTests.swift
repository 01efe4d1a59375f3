import Foundation
import XCTest

@testable import TensorCore

final class LayerNormKernelsTests: XCTestCase {
  private let columnCounts = [7, 15, 16, 17, 33, 64, 100, 1031]

  private func layerNormReference(
    x: [Float], gamma: [Float], beta: [Float], dy: [Float], rows: Int, cols: Int, eps: Double
  ) -> (y: [Float], dx: [Float], dgamma: [Float], dbeta: [Float]) {
    var y = [Float](repeating: 0, count: rows * cols)
    var dx = y
    var dgamma = [Double](repeating: 0, count: cols)
    var dbeta = dgamma
    for r in 0..<rows {
      let row = (0..<cols).map { Double(x[r * cols + $0]) }
      let mu = row.reduce(0, +) / Double(cols)
      let variance = row.map { ($0 - mu) * ($0 - mu) }.reduce(0, +) / Double(cols)
      let rs = 1 / (variance + eps).squareRoot()
      let xhat = row.map { ($0 - mu) * rs }
      let g = (0..<cols).map { Double(dy[r * cols + $0]) * Double(gamma[$0]) }
      let meanG = g.reduce(0, +) / Double(cols)
      let meanGX = zip(g, xhat).map(*).reduce(0, +) / Double(cols)
      for j in 0..<cols {
        y[r * cols + j] = Float(xhat[j] * Double(gamma[j]) + Double(beta[j]))
        dx[r * cols + j] = Float(rs * (g[j] - meanG - xhat[j] * meanGX))
        dgamma[j] += Double(dy[r * cols + j]) * xhat[j]
        dbeta[j] += Double(dy[r * cols + j])
      }
    }
    return (y, dx, dgamma.map { Float($0) }, dbeta.map { Float($0) })
  }

  private func runLayerNorm(
    x: [Float], gamma: [Float], beta: [Float], dy: [Float], rows: Int, cols: Int, eps: Float,
    pool: ThreadPool = .shared
  ) -> (y: [Float], dx: [Float], dgamma: [Float], dbeta: [Float]) {
    var y = [Float](repeating: 0, count: rows * cols)
    var mean = [Float](repeating: 0, count: rows)
    var rstd = mean
    layerNormRows(
      x, gamma: gamma, beta: beta, &y, mean: &mean, rstd: &rstd, rows: rows, cols: cols, eps: eps,
      pool: pool)
    var dx = [Float](repeating: 0, count: rows * cols)
    var dgamma = [Float](repeating: 1, count: cols)
    var dbeta = [Float](repeating: -1, count: cols)
    layerNormBackwardRows(
      gradOutput: dy, input: x, mean: mean, rstd: rstd, gamma: gamma, gradInput: &dx,
      gradGamma: &dgamma, gradBeta: &dbeta, rows: rows, cols: cols, pool: pool)
    // The backward accumulates on top of the initial 1 and −1.
    return (y, dx, dgamma.map { $0 - 1 }, dbeta.map { $0 + 1 })
  }

  func testLayerNormForwardAndBackwardMatchFloat64() {
    var rng = TestRandom(seed: 5)
    for cols in columnCounts {
      let rows = 70
      let x = rng.floats(rows * cols, scale: 3).map { $0 + 2 }
      let gamma = rng.floats(cols)
      let beta = rng.floats(cols)
      let dy = rng.floats(rows * cols)
      let got = runLayerNorm(
        x: x, gamma: gamma, beta: beta, dy: dy, rows: rows, cols: cols, eps: 1e-5)
      let ref = layerNormReference(
        x: x, gamma: gamma, beta: beta, dy: dy, rows: rows, cols: cols, eps: 1e-5)
      assertClose(got.y, ref.y, "layernorm y cols \(cols)")
      assertClose(got.dx, ref.dx, "layernorm dx cols \(cols)")
      assertClose(got.dgamma, ref.dgamma, "layernorm dgamma cols \(cols)")
      assertClose(got.dbeta, ref.dbeta, "layernorm dbeta cols \(cols)")
    }
  }

  func testLayerNormIsBitIdenticalAcrossThreadCounts() {
    var rng = TestRandom(seed: 6)
    let (rows, cols) = (517, 768)
    let x = rng.floats(rows * cols)
    let gamma = rng.floats(cols)
    let beta = rng.floats(cols)
    let dy = rng.floats(rows * cols)
    let shared = runLayerNorm(
      x: x, gamma: gamma, beta: beta, dy: dy, rows: rows, cols: cols, eps: 1e-12)
    let again = runLayerNorm(
      x: x, gamma: gamma, beta: beta, dy: dy, rows: rows, cols: cols, eps: 1e-12)
    let three = runLayerNorm(
      x: x, gamma: gamma, beta: beta, dy: dy, rows: rows, cols: cols, eps: 1e-12,
      pool: ThreadPool(threadCount: 3))
    for other in [again, three] {
      XCTAssertEqual(bits(shared.y), bits(other.y))
      XCTAssertEqual(bits(shared.dx), bits(other.dx))
      XCTAssertEqual(bits(shared.dgamma), bits(other.dgamma))
      XCTAssertEqual(bits(shared.dbeta), bits(other.dbeta))
    }
  }

  func testMatchesHFReferenceCase() throws {
    let ops = try opsFixture()
    // LayerNorm over the last dimension of [4, 10, 16], eps 1e-12.
    let ln = runLayerNorm(
      x: try ops.floats("layernorm.x"), gamma: try ops.floats("layernorm.w"),
      beta: try ops.floats("layernorm.b"), dy: try ops.floats("layernorm.gy"), rows: 40, cols: 16,
      eps: 1e-12)
    assertClose(ln.y, try ops.floats("layernorm.y"), "layernorm.y")
    assertClose(ln.dx, try ops.floats("layernorm.gx"), "layernorm.gx")
    assertClose(ln.dgamma, try ops.floats("layernorm.gw"), "layernorm.gw")
    assertClose(ln.dbeta, try ops.floats("layernorm.gb"), "layernorm.gb")
  }
}
