// LayoutLab — finite-difference checks for every differentiable op, and tape behaviour.

import Seeding
import TensorCore
import XCTest
import _TestSupport

final class AutodiffTests: XCTestCase {
  var generator = SeededGenerator(seed: 42)

  func leaf(_ shape: [Int], std: Float = 1) -> Tensor {
    Tensor.normal(shape: shape, std: std, generator: &generator, requiresGrad: true)
  }

  func testAddMultiplyScaleWithBroadcast() {
    let a = leaf([2, 3, 4])
    let b = leaf([4])
    let c = leaf([3, 4])
    assertGradientsMatchFiniteDifferences([a, b, c]) { t in (t[0] + t[1]) * t[2] * 0.5 + 1 }
  }

  func testSubtraction() {
    let a = leaf([3, 4])
    let b = leaf([4])
    assertGradientsMatchFiniteDifferences([a, b]) { t in t[0] - t[1] }
  }

  func testMatmulAllTransposes() {
    for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
      let a = leaf(ta ? [2, 5, 3] : [2, 3, 5])
      let b = leaf(tb ? [2, 4, 5] : [2, 5, 4])
      assertGradientsMatchFiniteDifferences([a, b]) { t in
        t[0].matmul(t[1], transposeSelf: ta, transposeOther: tb)
      }
    }
  }

  func testMatmulWithSharedMatrix() {
    for (ta, tb) in [(false, false), (false, true), (true, false)] {
      let a = leaf(ta ? [2, 5, 3] : [2, 3, 5])
      let b = leaf(tb ? [4, 5] : [5, 4])
      assertGradientsMatchFiniteDifferences([a, b]) { t in
        t[0].matmul(t[1], transposeSelf: ta, transposeOther: tb)
      }
    }
  }

  func testLinear() {
    let x = leaf([2, 3, 6])
    let w = leaf([4, 6])
    let b = leaf([4])
    assertGradientsMatchFiniteDifferences([x, w, b]) { t in t[0].linear(weight: t[1], bias: t[2]) }
  }

  func testActivations() {
    let x = leaf([5, 7], std: 2)
    assertGradientsMatchFiniteDifferences([x]) { t in t[0].gelu() }
    assertGradientsMatchFiniteDifferences([x]) { t in t[0].tanh() }
    assertGradientsMatchFiniteDifferences([x]) { t in t[0].sigmoid() }
    // ReLU: keep inputs away from the kink.
    let y = Tensor([-1.5, -0.5, 0.7, 2.0, 1.1, -2.2], shape: [2, 3], requiresGrad: true)
    assertGradientsMatchFiniteDifferences([y]) { t in t[0].relu() }
  }

  func testSoftmaxWithMask() {
    let x = leaf([2, 3, 5])
    let mask = Tensor([0, 0, 0, -10000, -10000, 0, 0, 0, 0, 0], shape: [2, 5])
    assertGradientsMatchFiniteDifferences([x]) { t in t[0].softmax(mask: mask) }
    let y = Tensor([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], shape: [2, 5]).softmax(mask: mask)
    XCTAssertEqual(y.pointer[3], 0, accuracy: 1e-6)
    XCTAssertEqual(y.array[0..<5].reduce(0, +), 1, accuracy: 1e-6)
  }

  func testLayerNorm() {
    let x = leaf([3, 8])
    let gamma = leaf([8])
    let beta = leaf([8])
    assertGradientsMatchFiniteDifferences([x, gamma, beta]) { t in
      t[0].layerNorm(gamma: t[1], beta: t[2], eps: 1e-12)
    }
  }

  func testShapeOps() {
    let x = leaf([2, 3, 4])
    let y = leaf([2, 2, 4])
    assertGradientsMatchFiniteDifferences([x]) { t in t[0].permuted([2, 0, 1]) }
    assertGradientsMatchFiniteDifferences([x]) { t in t[0].reshaped([6, -1]).transposedLastTwo() }
    assertGradientsMatchFiniteDifferences([x]) { t in t[0].sliced(axis: 1, 1..<3) }
    assertGradientsMatchFiniteDifferences([x, y]) { t in Tensor.concatenated([t[0], t[1]], axis: 1)
    }
    assertGradientsMatchFiniteDifferences([x]) { t in t[0].mean(axis: 1) }
    assertGradientsMatchFiniteDifferences([x]) { t in t[0].mean() }
  }

  func testPermuteValues() {
    let x = Tensor((0..<24).map(Float.init), shape: [2, 3, 4])
    let y = x.permuted([0, 2, 1])
    XCTAssertEqual(y.shape, [2, 4, 3])
    XCTAssertEqual(Array(y.array[0..<6]), [0, 4, 8, 1, 5, 9])
  }

  func testEmbeddingScatterAdd() {
    let table = leaf([5, 3])
    let ids: [Int32] = [1, 4, 1, 0]
    assertGradientsMatchFiniteDifferences([table]) { t in t[0].gatherRows(ids, indexShape: [2, 2]) }
    table.zeroGrad()
    table.gatherRows(ids, indexShape: [4]).sum().backward()
    XCTAssertEqual(table.grad?.array[3], 2)  // row 1 used twice
    XCTAssertEqual(table.grad?.array[6], 0)  // row 2 unused
  }

  func testCrossEntropyIgnoresIndex() {
    let logits = leaf([4, 5])
    let targets = [2, -100, 0, 4]
    assertGradientsMatchFiniteDifferences([logits]) { t in t[0].crossEntropy(targets: targets) }
    let fixed = Tensor([0, 0, 0, 0], shape: [2, 2])
    XCTAssertEqual(fixed.crossEntropy(targets: [1, -100]).scalar, Float(log(2.0)), accuracy: 1e-6)
    XCTAssertEqual(fixed.crossEntropy(targets: [-100, -100]).scalar, 0)
  }

  func testBinaryCrossEntropyWithLogits() {
    let logits = leaf([6], std: 3)
    let targets: [Float] = [1, 0, 1, 1, 0, 0]
    let weights: [Float] = [1, 1, 0, 1, 1, 1]
    assertGradientsMatchFiniteDifferences([logits]) { t in
      t[0].binaryCrossEntropyWithLogits(targets: targets, weights: weights)
    }
    let x = Tensor([0], shape: [1])
    XCTAssertEqual(
      x.binaryCrossEntropyWithLogits(targets: [1]).scalar, Float(log(2.0)), accuracy: 1e-6)
  }

  func testPackedSelfAttention() {
    let packed = leaf([2, 5, 3 * 8])
    let bias = leaf([2, 2, 5, 5])
    let mask = Tensor([0, 0, 0, 0, -1e9, 0, 0, 0, 0, 0], shape: [2, 5])
    assertGradientsMatchFiniteDifferences([packed, bias]) { t in
      var generator = SeededGenerator(seed: 1)
      return t[0].packedSelfAttention(heads: 2, mask: mask, bias: t[1], generator: &generator)
    }
    // Against the unfused composition of ops.
    var generator = SeededGenerator(seed: 1)
    let fused = packed.packedSelfAttention(heads: 2, mask: mask, bias: bias, generator: &generator)
    func heads(_ t: Tensor) -> Tensor { t.reshaped([2, 5, 2, 4]).permuted([0, 2, 1, 3]) }
    let q = heads(packed.sliced(axis: 2, 0..<8)) * (1 / Float(2))
    let k = heads(packed.sliced(axis: 2, 8..<16))
    let v = heads(packed.sliced(axis: 2, 16..<24))
    let reference = (q.matmul(k, transposeOther: true) + bias).softmax(mask: mask).matmul(v)
      .permuted([0, 2, 1, 3]).reshaped([2, 5, 8])
    assertClose(fused.array, reference.array, absolute: 1e-5, relative: 0, "fused vs composed")
    let seed = Tensor.normal(shape: [2, 5, 8], std: 1, generator: &generator)
    packed.zeroGrad()
    (fused * seed).sum().backward()
    let fusedGrad = packed.grad?.array ?? []
    packed.zeroGrad()
    (reference * seed).sum().backward()
    let referenceGrad = packed.grad?.array ?? []
    for part in 0..<3 {
      func pick(_ g: [Float]) -> [Float] {
        var out: [Float] = []
        for row in 0..<10 {
          let start = row * 24 + part * 8
          out += g[start..<(start + 8)]
        }
        return out
      }
      assertClose(
        pick(fusedGrad), pick(referenceGrad), absolute: 1e-4, relative: 0, "grad part \(part)")
    }
  }

  func testConvolutionAndPooling() {
    let x = leaf([2, 3, 9, 7])
    let w = leaf([4, 3, 3, 3])
    let b = leaf([4])
    assertGradientsMatchFiniteDifferences([x, w, b]) { t in
      t[0].conv2d(weight: t[1], bias: t[2], stride: 2, padding: 1)
    }
    assertGradientsMatchFiniteDifferences([x]) { t in
      t[0].adaptiveAveragePool2d(height: 2, width: 3)
    }
    // Distinct values keep max-pool away from ties.
    let y = Tensor(
      (0..<(2 * 2 * 6 * 6)).map { Float(($0 * 37) % 144) * 0.1 }, shape: [2, 2, 6, 6],
      requiresGrad: true)
    assertGradientsMatchFiniteDifferences([y], step: 1e-3) { t in
      t[0].maxPool2d(kernelSize: 3, stride: 2, padding: 1)
    }
  }

  func testDropoutKeepsExpectationAndMasksGradient() {
    var stream = SeededGenerator(seed: 1)
    let x = Tensor(repeating: 1, shape: [10_000])
    x.requiresGrad = true
    let y = x.dropout(rate: 0.1, generator: &stream)
    let kept = y.array.filter { $0 != 0 }.count
    XCTAssertEqual(Double(kept) / 10_000, 0.9, accuracy: 0.015)
    XCTAssertEqual(y.array.first { $0 != 0 } ?? 0, 1 / 0.9, accuracy: 1e-6)
    y.sum().backward()
    XCTAssertEqual(x.grad?.array, y.array)
  }

  func testGradientsAccumulateAcrossBackwardCallsAndReuse() {
    let w = Tensor([2], shape: [1], requiresGrad: true)
    // w used twice in one graph: d(w·w)/dw = 2w.
    (w * w).sum().backward()
    XCTAssertEqual(w.grad?.scalar, 4)
    (w * w).sum().backward()
    XCTAssertEqual(w.grad?.scalar, 8)
    w.zeroGrad()
    XCTAssertNil(w.grad)
  }

  func testGraphIsFreedAfterUse() {
    // Ops that need their own output (softmax, tanh, sigmoid) must not keep the graph alive.
    let w = leaf([4, 4])
    weak var softmaxOutput: Tensor?
    weak var tanhOutput: Tensor?
    weak var sigmoidOutput: Tensor?
    do {
      let a = w.softmax()
      let b = a.tanh()
      let c = b.sigmoid()
      (softmaxOutput, tanhOutput, sigmoidOutput) = (a, b, c)
      c.sum().backward()
    }
    XCTAssertNil(softmaxOutput, "softmax's output leaked")
    XCTAssertNil(tanhOutput, "tanh's output leaked")
    XCTAssertNil(sigmoidOutput, "sigmoid's output leaked")
    XCTAssertNotNil(w.grad)
  }

  func testNoGradModeRecordsNothing() {
    let w = Tensor([3], shape: [1], requiresGrad: true)
    let y = Autodiff.withoutRecording { (w * w).sum() }
    y.backward()
    XCTAssertNil(w.grad)
    XCTAssertTrue(Autodiff.isRecording)
  }
}
