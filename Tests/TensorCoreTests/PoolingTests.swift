import XCTest

@testable import TensorCore

final class PoolingTests: XCTestCase {
  func testMaxPoolMatchesDirectComputation() throws {
    var rng = TestRandom(seed: 21)
    for (h, w, k, s, p) in [(1, 1, 1, 1, 0), (7, 9, 3, 2, 1), (8, 5, 2, 2, 0), (11, 4, 4, 3, 2)] {
      let g = try MaxPool2DGeometry(
        planes: 3, inHeight: h, inWidth: w, kernelSize: k, stride: s, padding: p)
      let x = rng.floats(3 * h * w)
      let outCount = 3 * g.outHeight * g.outWidth
      var y = [Float](repeating: 0, count: outCount)
      var index = [Int32](repeating: -1, count: outCount)
      maxPool2dForward(g, input: x, output: &y, indices: &index)
      let dy = rng.floats(outCount)
      var dx = [Float](repeating: .nan, count: x.count)
      maxPool2dBackward(g, gradOutput: dy, indices: index, gradInput: &dx)
      var expectedDx = [Float](repeating: 0, count: x.count)
      for plane in 0..<3 {
        for oh in 0..<g.outHeight {
          for ow in 0..<g.outWidth {
            var best = -Float.infinity
            var bestAt = -1
            for i in 0..<k {
              for j in 0..<k {
                let hi = oh * s - p + i
                let wi = ow * s - p + j
                guard hi >= 0, hi < h, wi >= 0, wi < w else { continue }
                if x[plane * h * w + hi * w + wi] > best {
                  best = x[plane * h * w + hi * w + wi]
                  bestAt = hi * w + wi
                }
              }
            }
            let o = (plane * g.outHeight + oh) * g.outWidth + ow
            XCTAssertEqual(y[o], best)
            XCTAssertEqual(Int(index[o]), bestAt)
            expectedDx[plane * h * w + bestAt] += dy[o]
          }
        }
      }
      assertClose(dx, expectedDx, "maxpool backward \(h)×\(w) k\(k) s\(s) p\(p)")
    }
    XCTAssertThrowsError(
      try MaxPool2DGeometry(
        planes: 1, inHeight: 4, inWidth: 4, kernelSize: 3, stride: 1, padding: 2)
    ) { XCTAssert("\($0)".contains("padding"), "\($0)") }
  }

  func testAdaptiveWindowsFollowPyTorch() {
    // 19 → 7: starts floor(i·19/7), ends ceil((i+1)·19/7).
    let windows = (0..<7).map { adaptiveWindow($0, inSize: 19, outSize: 7) }
    XCTAssertEqual(windows.map(\.lowerBound), [0, 2, 5, 8, 10, 13, 16])
    XCTAssertEqual(windows.map(\.upperBound), [3, 6, 9, 11, 14, 17, 19])
    XCTAssertEqual(adaptiveWindow(0, inSize: 3, outSize: 5), 0..<1)
    XCTAssertThrowsError(
      try validateAdaptiveAvgPool2d(planes: 1, inHeight: 0, inWidth: 3, outHeight: 1, outWidth: 1))
  }

  func testAdaptiveAvgPoolBackwardIsTheAdjoint() {
    // ⟨pool(x), dy⟩ = ⟨x, poolᵀ(dy)⟩ for random x and dy, in float64.
    var rng = TestRandom(seed: 22)
    let (planes, h, w, oh, ow) = (4, 13, 6, 5, 4)
    let x = rng.floats(planes * h * w)
    let dy = rng.floats(planes * oh * ow)
    var y = [Float](repeating: 0, count: dy.count)
    var dx = [Float](repeating: 0, count: x.count)
    adaptiveAvgPool2dForward(
      planes: planes, inHeight: h, inWidth: w, outHeight: oh, outWidth: ow, input: x, output: &y)
    adaptiveAvgPool2dBackward(
      planes: planes, inHeight: h, inWidth: w, outHeight: oh, outWidth: ow, gradOutput: dy,
      gradInput: &dx)
    let left = zip(y, dy).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    let right = zip(x, dx).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    XCTAssertEqual(left, right, accuracy: 1e-5)
  }

  func testMatchesHFReferenceCases() throws {
    let ops = try opsFixture()
    let x = try ops.floats("adaptivepool7.x")
    var y = [Float](repeating: 0, count: 2 * 6 * 49)
    adaptiveAvgPool2dForward(
      planes: 12, inHeight: 19, inWidth: 15, outHeight: 7, outWidth: 7, input: x, output: &y)
    assertClose(y, try ops.floats("adaptivepool7.y"), "adaptivepool7.y")
    var dx = x
    adaptiveAvgPool2dBackward(
      planes: 12, inHeight: 19, inWidth: 15, outHeight: 7, outWidth: 7,
      gradOutput: try ops.floats("adaptivepool7.gy"), gradInput: &dx)
    assertClose(dx, try ops.floats("adaptivepool7.gx"), "adaptivepool7.gx")

    let g = try MaxPool2DGeometry(
      planes: 12, inHeight: 19, inWidth: 15, kernelSize: 3, stride: 2, padding: 1)
    XCTAssertEqual([2, 6, g.outHeight, g.outWidth], try ops.shape("maxpool3s2.y"))
    var my = [Float](repeating: 0, count: 12 * g.outHeight * g.outWidth)
    var index = [Int32](repeating: 0, count: my.count)
    maxPool2dForward(g, input: try ops.floats("maxpool3s2.x"), output: &my, indices: &index)
    assertClose(my, try ops.floats("maxpool3s2.y"), "maxpool3s2.y")
    var mdx = [Float](repeating: 0, count: 12 * 19 * 15)
    maxPool2dBackward(
      g, gradOutput: try ops.floats("maxpool3s2.gy"), indices: index, gradInput: &mdx)
    assertClose(mdx, try ops.floats("maxpool3s2.gx"), "maxpool3s2.gx")
  }
}
