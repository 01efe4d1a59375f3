import Foundation
import XCTest

@testable import TensorCore

final class RowKernelsTests: XCTestCase {
  private let columnCounts = [1, 7, 15, 16, 17, 33, 64, 100, 1031]

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
