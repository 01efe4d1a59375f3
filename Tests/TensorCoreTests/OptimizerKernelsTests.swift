import XCTest

@testable import TensorCore

final class OptimizerKernelsTests: XCTestCase {
  func testAdamWUpdateIsTorchsFormulaBitForBit() {
    var rng = TestRandom(seed: 31)
    let count = 4 * vectorLanes + 5
    let p = rng.floats(count)
    let g = rng.floats(count)
    let m = rng.floats(count, scale: 0.1)
    let v = rng.floats(count).map { $0 * $0 }
    let step = AdamWStep(
      decay: 1 - 1e-3 * 0.01, beta1: 0.9, beta2: 0.999, stepSize: 1e-3 / (1 - 0.9 * 0.9),
      correction2Root: (1 - 0.999 * 0.999 as Float).squareRoot(), epsilon: 1e-8)
    // The scalar reference, one IEEE operation at a time.
    var (ep, em, ev) = (p, m, v)
    for i in 0..<count {
      ep[i] *= step.decay
      em[i] = em[i] * step.beta1 + (1 - step.beta1) * g[i]
      ev[i] = ev[i] * step.beta2 + (1 - step.beta2) * g[i] * g[i]
      ep[i] -= step.stepSize * em[i] / (ev[i].squareRoot() / step.correction2Root + step.epsilon)
    }
    for threads in [1, 3] {
      var (tp, tm, tv) = (p, m, v)
      adamWUpdate(
        parameters: &tp, gradients: g, firstMoments: &tm, secondMoments: &tv, count: count,
        step: step, pool: ThreadPool(threadCount: threads))
      XCTAssertEqual(bits(tp), bits(ep), "parameters, \(threads) threads")
      XCTAssertEqual(bits(tm), bits(em), "first moments")
      XCTAssertEqual(bits(tv), bits(ev), "second moments")
    }
  }
}
