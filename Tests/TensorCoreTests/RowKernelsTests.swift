import Foundation
import XCTest

@testable import TensorCore

final class RowKernelsTests: XCTestCase {
  private let columnCounts = [1, 7, 15, 16, 17, 33, 64, 100, 1031]

  func testVectorExpAndErfAreAccurate() {
    var worstExp = 0.0
    var worstErf = 0.0
    var x: Float = -86
    while x < 88.3 {
      let v = SIMD16<Float>((0..<16).map { min(88.36, x + Float($0) * 0.0037) })
      let e = vectorExp(v)
      let f = vectorErf(v * 0.05)
      for lane in 0..<16 {
        let ref = Foundation.exp(Double(v[lane]))
        worstExp = max(worstExp, abs(Double(e[lane]) - ref) / ref)
        let erfRef = Foundation.erf(Double(v[lane] * 0.05))
        if erfRef != 0 { worstErf = max(worstErf, abs(Double(f[lane]) - erfRef) / abs(erfRef)) }
      }
      x += 0.0591
    }
    XCTAssertLessThan(worstExp, 1e-6)
    XCTAssertLessThan(worstErf, 1e-6)
    let edges = vectorExp(SIMD16<Float>(repeating: -.infinity))
    XCTAssertEqual(edges[0], 0)
    XCTAssertEqual(vectorExp(SIMD16<Float>(repeating: 100))[3], .infinity)
    XCTAssertEqual(vectorExp(SIMD16<Float>(repeating: 0))[5], 1)
  }

  func testSoftmaxWithMaskMatchesFloat64() {
    var rng = TestRandom(seed: 3)
    for cols in columnCounts {
      let rows = 6
      let x = rng.floats(rows * cols, scale: 8)
      let mask = (0..<(3 * cols)).map { $0 % 5 == 0 ? Float(-10000) : 0 }
      var y = [Float](repeating: .nan, count: rows * cols)
      softmaxRows(x, &y, rows: rows, cols: cols, mask: mask, rowsPerMaskRow: 2)
      var expected = [Float](repeating: 0, count: rows * cols)
      for r in 0..<rows {
        let logits = (0..<cols).map { Double(x[r * cols + $0]) + Double(mask[(r / 2) * cols + $0]) }
        let top = logits.max()!
        let e = logits.map { Foundation.exp($0 - top) }
        let s = e.reduce(0, +)
        for j in 0..<cols { expected[r * cols + j] = Float(e[j] / s) }
      }
      assertClose(y, expected, "softmax cols \(cols)")
      // In place gives the same bits.
      var inPlace = x
      inPlace.withUnsafeMutableBufferPointer { p in
        softmaxRows(
          p.baseAddress!, p.baseAddress!, rows: rows, cols: cols, mask: mask, rowsPerMaskRow: 2)
      }
      XCTAssertEqual(bits(inPlace), bits(y))
    }
  }

  func testSoftmaxBackwardMatchesFloat64() {
    var rng = TestRandom(seed: 4)
    for cols in columnCounts {
      let rows = 5
      var y = rng.floats(rows * cols)
      softmaxRows(y, &y, rows: rows, cols: cols)
      let dy = rng.floats(rows * cols)
      var dx = [Float](repeating: 0, count: rows * cols)
      softmaxBackwardRows(output: y, gradOutput: dy, gradInput: &dx, rows: rows, cols: cols)
      var expected = [Float](repeating: 0, count: rows * cols)
      for r in 0..<rows {
        var dot = 0.0
        for j in 0..<cols { dot += Double(y[r * cols + j]) * Double(dy[r * cols + j]) }
        for j in 0..<cols {
          expected[r * cols + j] = Float(Double(y[r * cols + j]) * (Double(dy[r * cols + j]) - dot))
        }
      }
      assertClose(dx, expected, "softmax backward cols \(cols)")
    }
  }

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
    for cols in columnCounts where cols > 1 {
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

  func testGeluForwardAndBackwardMatchFloat64() {
    var rng = TestRandom(seed: 7)
    for count in [1, 15, 16, 17, 100, 4099] {
      var x = rng.floats(count, scale: 6)
      if count > 10 { x[0] = -20; x[1] = 20; x[2] = 0; x[3] = -9; x[4] = 1e-8 }
      let dy = rng.floats(count)
      var y = [Float](repeating: 0, count: count)
      var dx = y
      geluForward(x, &y, count: count)
      geluBackward(input: x, gradOutput: dy, gradInput: &dx, count: count)
      let cdf = x.map { 0.5 * Foundation.erfc(-Double($0) / 2.0.squareRoot()) }
      let pdf = x.map {
        Foundation.exp(-0.5 * Double($0) * Double($0)) / (2 * Double.pi).squareRoot()
      }
      assertClose(y, (0..<count).map { Float(Double(x[$0]) * cdf[$0]) }, "gelu \(count)")
      assertClose(
        dx, (0..<count).map { Float(Double(dy[$0]) * (cdf[$0] + Double(x[$0]) * pdf[$0])) },
        "gelu backward \(count)")
    }
  }

  func testMatchesHFReferenceCases() throws {
    let ops = try opsFixture()
    // softmax over the last dimension of [3, 5, 17].
    let sx = try ops.floats("softmax.x")
    var sy = [Float](repeating: 0, count: sx.count)
    softmaxRows(sx, &sy, rows: 15, cols: 17)
    assertClose(sy, try ops.floats("softmax.y"), "softmax.y")
    var sgx = sy
    softmaxBackwardRows(
      output: sy, gradOutput: try ops.floats("softmax.gy"), gradInput: &sgx, rows: 15, cols: 17)
    assertClose(sgx, try ops.floats("softmax.gx"), "softmax.gx")
    // LayerNorm over the last dimension of [4, 10, 16], eps 1e-12.
    let ln = runLayerNorm(
      x: try ops.floats("layernorm.x"), gamma: try ops.floats("layernorm.w"),
      beta: try ops.floats("layernorm.b"), dy: try ops.floats("layernorm.gy"), rows: 40, cols: 16,
      eps: 1e-12)
    assertClose(ln.y, try ops.floats("layernorm.y"), "layernorm.y")
    assertClose(ln.dx, try ops.floats("layernorm.gx"), "layernorm.gx")
    assertClose(ln.dgamma, try ops.floats("layernorm.gw"), "layernorm.gw")
    assertClose(ln.dbeta, try ops.floats("layernorm.gb"), "layernorm.gb")
    // GELU on [64, 33].
    let gx = try ops.floats("gelu.x")
    var gy = [Float](repeating: 0, count: gx.count)
    geluForward(gx, &gy, count: gx.count)
    assertClose(gy, try ops.floats("gelu.y"), "gelu.y")
    var ggx = gy
    geluBackward(input: gx, gradOutput: try ops.floats("gelu.gy"), gradInput: &ggx, count: gx.count)
    assertClose(ggx, try ops.floats("gelu.gx"), "gelu.gx")
  }
}
