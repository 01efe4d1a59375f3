// LayoutLab — the differentiable ops against PyTorch (ops.safetensors): outputs and input gradients.

import TensorCore
import XCTest
import _TestSupport

final class TensorOpsParityTests: XCTestCase {
  func testCrossEntropyMatchesTorchWithIgnoreIndex() throws {
    let file = try SafeTensorsFile(
      contentsOf: TestPaths.fixture("TensorCoreTests/Fixtures/ops.safetensors"))
    let logits = try file.tensor("xent.x")
    logits.requiresGrad = true
    let targets = try file.int64s("xent.target").map { Int($0) }
    XCTAssertTrue(targets.contains(-100))
    let loss = logits.crossEntropy(targets: targets)
    let expected = try file.floats("xent.loss")
    assertClose([loss.scalar], expected, absolute: 1e-5, relative: 1e-4, "xent loss")
    loss.backward()
    assertClose(
      logits.grad?.array ?? [], try file.floats("xent.gx"), absolute: 1e-5, relative: 1e-4,
      "xent gx")
  }

  func testLayerNormGELUAndSoftmaxOpsMatchTorch() throws {
    let file = try SafeTensorsFile(
      contentsOf: TestPaths.fixture("TensorCoreTests/Fixtures/ops.safetensors"))
    let cases: [(String, (Tensor) -> Tensor, [Tensor])] = [
      ("gelu", { $0.gelu() }, []),
      ("softmax", { $0.softmax() }, []),
    ]
    for (name, op, _) in cases {
      let x = try file.tensor("\(name).x")
      x.requiresGrad = true
      let y = op(x)
      assertClose(
        y.array, try file.floats("\(name).y"), absolute: 1e-5, relative: 1e-4, "\(name) y")
      y.backward(seed: try file.tensor("\(name).gy"))
      assertClose(
        x.grad?.array ?? [], try file.floats("\(name).gx"), absolute: 1e-5, relative: 1e-4,
        "\(name) gx")
    }
    let x = try file.tensor("layernorm.x")
    let w = try file.tensor("layernorm.w")
    let b = try file.tensor("layernorm.b")
    for t in [x, w, b] { t.requiresGrad = true }
    let y = x.layerNorm(gamma: w, beta: b, eps: 1e-12)
    assertClose(
      y.array, try file.floats("layernorm.y"), absolute: 1e-5, relative: 1e-4, "layernorm y")
    y.backward(seed: try file.tensor("layernorm.gy"))
    assertClose(
      x.grad?.array ?? [], try file.floats("layernorm.gx"), absolute: 1e-5, relative: 1e-4, "ln gx")
    assertClose(
      w.grad?.array ?? [], try file.floats("layernorm.gw"), absolute: 1e-5, relative: 1e-4, "ln gw")
    assertClose(
      b.grad?.array ?? [], try file.floats("layernorm.gb"), absolute: 1e-5, relative: 1e-4, "ln gb")
  }

  func testConvolutionAndPoolingOpsMatchTorch() throws {
    let file = try SafeTensorsFile(
      contentsOf: TestPaths.fixture("TensorCoreTests/Fixtures/ops.safetensors"))
    let x = try file.tensor("conv7s2.x")
    let w = try file.tensor("conv7s2.w")
    let b = try file.tensor("conv7s2.b")
    for t in [x, w, b] { t.requiresGrad = true }
    let y = x.conv2d(weight: w, bias: b, stride: 2, padding: 3)
    assertClose(y.array, try file.floats("conv7s2.y"), absolute: 1e-5, relative: 1e-4, "conv y")
    y.backward(seed: try file.tensor("conv7s2.gy"))
    assertClose(
      x.grad?.array ?? [], try file.floats("conv7s2.gx"), absolute: 1e-5, relative: 1e-4, "conv gx")
    assertClose(
      w.grad?.array ?? [], try file.floats("conv7s2.gw"), absolute: 1e-5, relative: 1e-4, "conv gw")
    assertClose(
      b.grad?.array ?? [], try file.floats("conv7s2.gb"), absolute: 1e-5, relative: 1e-4, "conv gb")
    for (name, op) in [
      ("adaptivepool7", { (t: Tensor) in t.adaptiveAveragePool2d(height: 7, width: 7) }),
      ("maxpool3s2", { (t: Tensor) in t.maxPool2d(kernelSize: 3, stride: 2, padding: 1) }),
    ] {
      let input = try file.tensor("\(name).x")
      input.requiresGrad = true
      let output = op(input)
      assertClose(
        output.array, try file.floats("\(name).y"), absolute: 1e-5, relative: 1e-4, "\(name) y")
      output.backward(seed: try file.tensor("\(name).gy"))
      assertClose(
        input.grad?.array ?? [], try file.floats("\(name).gx"), absolute: 1e-5, relative: 1e-4,
        "\(name) gx")
    }
  }
}
