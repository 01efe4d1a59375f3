import XCTest

@testable import TensorCore

final class ConvolutionTests: XCTestCase {
  /// Direct float64 convolution and its gradients.
  private func reference(
    _ g: Conv2DGeometry, x: [Float], w: [Float], bias: [Float]?, dy: [Float]
  ) -> (y: [Float], dx: [Float], dw: [Float], db: [Float]) {
    var y = [Double](repeating: 0, count: g.batch * g.outChannels * g.outputPositions)
    var dx = [Double](repeating: 0, count: x.count)
    var dw = [Double](repeating: 0, count: w.count)
    var db = [Double](repeating: 0, count: g.outChannels)
    for b in 0..<g.batch {
      for co in 0..<g.outChannels {
        for oh in 0..<g.outHeight {
          for ow in 0..<g.outWidth {
            let yIndex = ((b * g.outChannels + co) * g.outHeight + oh) * g.outWidth + ow
            var s = Double(bias?[co] ?? 0)
            let gy = Double(dy[yIndex])
            db[co] += gy
            for ci in 0..<g.inChannels {
              for ki in 0..<g.kernelHeight {
                for kj in 0..<g.kernelWidth {
                  let hi = oh * g.strideHeight - g.paddingHeight + ki
                  let wi = ow * g.strideWidth - g.paddingWidth + kj
                  guard hi >= 0, hi < g.inHeight, wi >= 0, wi < g.inWidth else { continue }
                  let xIndex = ((b * g.inChannels + ci) * g.inHeight + hi) * g.inWidth + wi
                  let wIndex = ((co * g.inChannels + ci) * g.kernelHeight + ki) * g.kernelWidth + kj
                  s += Double(x[xIndex]) * Double(w[wIndex])
                  dx[xIndex] += gy * Double(w[wIndex])
                  dw[wIndex] += gy * Double(x[xIndex])
                }
              }
            }
            y[yIndex] = s
          }
        }
      }
    }
    let f = { (v: [Double]) in v.map { Float($0) } }
    return (f(y), f(dx), f(dw), f(db))
  }

  private func run(
    _ g: Conv2DGeometry, x: [Float], w: [Float], bias: [Float]?, dy: [Float],
    pool: ThreadPool = .shared
  ) -> (y: [Float], dx: [Float], dw: [Float], db: [Float]) {
    var y = [Float](repeating: .nan, count: g.batch * g.outChannels * g.outputPositions)
    var dx = [Float](repeating: .nan, count: x.count)
    var dw = [Float](repeating: 0.5, count: w.count)
    var db = [Float](repeating: 0.5, count: g.outChannels)
    bias.withOptionalPointer { biasPointer in
      conv2dForward(g, input: x, weight: w, bias: biasPointer, output: &y, pool: pool)
    }
    conv2dBackward(
      g, input: x, weight: w, gradOutput: dy, gradInput: &dx, gradWeight: &dw, gradBias: &db,
      pool: pool)
    // Gradients of weight and bias accumulate on top of the initial 0.5.
    return (y, dx, dw.map { $0 - 0.5 }, db.map { $0 - 0.5 })
  }

  func testOddShapesMatchFloat64() throws {
    var rng = TestRandom(seed: 11)
    let cases: [(Int, Int, Int, Int, Int, Int, Int, Int, Int)] = [
      // batch, cin, h, w, cout, kh, kw, stride, pad
      (1, 1, 1, 1, 1, 1, 1, 1, 0),
      (3, 2, 9, 7, 5, 3, 3, 1, 1),
      (2, 3, 13, 11, 7, 7, 5, 2, 3),
      (1, 4, 8, 8, 3, 2, 2, 2, 0),
      (5, 1, 6, 10, 2, 3, 1, 3, 2),
    ]
    for (batch, cin, h, w, cout, kh, kw, stride, pad) in cases {
      let g = try Conv2DGeometry(
        batch: batch, inChannels: cin, inHeight: h, inWidth: w, outChannels: cout,
        kernelHeight: kh, kernelWidth: kw, strideHeight: stride, strideWidth: stride,
        paddingHeight: pad, paddingWidth: pad)
      let x = rng.floats(batch * cin * h * w)
      let weight = rng.floats(cout * cin * kh * kw)
      let bias = rng.floats(cout)
      let dy = rng.floats(batch * cout * g.outputPositions)
      let got = run(g, x: x, w: weight, bias: bias, dy: dy)
      let ref = reference(g, x: x, w: weight, bias: bias, dy: dy)
      let what = "conv \(batch)×\(cin)×\(h)×\(w) → \(cout) k\(kh)×\(kw) s\(stride) p\(pad)"
      assertClose(got.y, ref.y, "\(what) y")
      assertClose(got.dx, ref.dx, "\(what) dx")
      assertClose(got.dw, ref.dw, "\(what) dw")
      assertClose(got.db, ref.db, "\(what) db")
      // Same bits on one thread and on three.
      let single = run(g, x: x, w: weight, bias: bias, dy: dy, pool: ThreadPool(threadCount: 1))
      let triple = run(g, x: x, w: weight, bias: bias, dy: dy, pool: ThreadPool(threadCount: 3))
      for other in [single, triple] {
        XCTAssertEqual(bits(got.y), bits(other.y), what)
        XCTAssertEqual(bits(got.dx), bits(other.dx), what)
        XCTAssertEqual(bits(got.dw), bits(other.dw), what)
        XCTAssertEqual(bits(got.db), bits(other.db), what)
      }
    }
  }

  func testInvalidGeometryThrows() {
    XCTAssertThrowsError(
      try Conv2DGeometry(
        batch: 1, inChannels: 0, inHeight: 4, inWidth: 4, outChannels: 1, kernelHeight: 1,
        kernelWidth: 1)
    ) { XCTAssert("\($0)".contains("inChannels"), "\($0)") }
    XCTAssertThrowsError(
      try Conv2DGeometry(
        batch: 1, inChannels: 1, inHeight: 4, inWidth: 4, outChannels: 1, kernelHeight: 7,
        kernelWidth: 7, paddingHeight: 1, paddingWidth: 1)
    ) { XCTAssert("\($0)".contains("larger than the padded input"), "\($0)") }
    XCTAssertThrowsError(
      try Conv2DGeometry(
        batch: 1, inChannels: 1, inHeight: 4, inWidth: 4, outChannels: 1, kernelHeight: 1,
        kernelWidth: 1, strideHeight: 0)
    ) { XCTAssert("\($0)".contains("strideHeight"), "\($0)") }
  }

  func testMatchesHFReferenceCases() throws {
    let ops = try opsFixture()
    for (name, stride, pad, hasBias) in [("conv7s2", 2, 3, true), ("conv3s1", 1, 1, false)] {
      let xShape = try ops.shape("\(name).x")
      let wShape = try ops.shape("\(name).w")
      let g = try Conv2DGeometry(
        batch: xShape[0], inChannels: xShape[1], inHeight: xShape[2], inWidth: xShape[3],
        outChannels: wShape[0], kernelHeight: wShape[2], kernelWidth: wShape[3],
        strideHeight: stride, strideWidth: stride, paddingHeight: pad, paddingWidth: pad)
      XCTAssertEqual([xShape[0], wShape[0], g.outHeight, g.outWidth], try ops.shape("\(name).y"))
      let got = run(
        g, x: try ops.floats("\(name).x"), w: try ops.floats("\(name).w"),
        bias: hasBias ? try ops.floats("\(name).b") : nil, dy: try ops.floats("\(name).gy"))
      assertClose(got.y, try ops.floats("\(name).y"), "\(name).y")
      assertClose(got.dx, try ops.floats("\(name).gx"), "\(name).gx")
      assertClose(got.dw, try ops.floats("\(name).gw"), "\(name).gw")
      if hasBias { assertClose(got.db, try ops.floats("\(name).gb"), "\(name).gb") }
    }
  }
}

extension Optional where Wrapped == [Float] {
  /// Calls `body` with a pointer to the array's elements, or nil.
  func withOptionalPointer<R>(_ body: (UnsafePointer<Float>?) -> R) -> R {
    switch self {
    case .some(let array): return array.withUnsafeBufferPointer { body($0.baseAddress) }
    case .none: return body(nil)
    }
  }
}
