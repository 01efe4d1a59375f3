// LayoutLab — finite-difference gradient checks for autodiff tests.

import Seeding
import TensorCore
import XCTest

/// Compares autodiff gradients of `loss(inputs)` with central finite differences.
///
/// Every input must be a leaf with `requiresGrad`. The loss is reduced to a scalar by a fixed
/// random projection, so every output element matters. Float32 differences are noisy, so the
/// tolerance is relative to the gradient's scale.
public func assertGradientsMatchFiniteDifferences(
  _ inputs: [Tensor], step: Float = 1e-2, tolerance: Float = 2e-2, seed: UInt64 = 7,
  file: StaticString = #filePath, line: UInt = #line, _ function: ([Tensor]) -> Tensor
) {
  var generator = SeededGenerator(seed: seed)
  let probe = function(inputs)
  let projection = Tensor.normal(shape: probe.shape, std: 1, generator: &generator)
  func scalarLoss() -> Float {
    Autodiff.withoutRecording { (function(inputs) * projection).sum().scalar }
  }
  for input in inputs { input.zeroGrad() }
  (function(inputs) * projection).sum().backward()
  for (n, input) in inputs.enumerated() {
    guard let grad = input.grad else {
      XCTFail("input \(n) got no gradient", file: file, line: line)
      continue
    }
    let scale = max(grad.array.map(abs).max() ?? 0, 1e-3)
    // Check up to 40 evenly spread elements to keep tests fast.
    let stride = max(1, input.count / 40)
    for i in Swift.stride(from: 0, to: input.count, by: stride) {
      let original = input.pointer[i]
      input.pointer[i] = original + step
      let plus = scalarLoss()
      input.pointer[i] = original - step
      let minus = scalarLoss()
      input.pointer[i] = original
      let numeric = (plus - minus) / (2 * step)
      let analytic = grad.pointer[i]
      if abs(numeric - analytic) > tolerance * scale {
        XCTFail(
          "input \(n) element \(i): autodiff \(analytic), finite difference \(numeric)",
          file: file, line: line)
        return
      }
    }
  }
}

/// Asserts two float arrays agree within `absolute + relative · max|expected|`.
public func assertClose(
  _ actual: [Float], _ expected: [Float], absolute: Float = 1e-5, relative: Float = 1e-4,
  _ message: String = "", file: StaticString = #filePath, line: UInt = #line
) {
  guard actual.count == expected.count else {
    XCTFail(
      "\(message): \(actual.count) values, expected \(expected.count)", file: file, line: line)
    return
  }
  let scale = expected.map(abs).max() ?? 0
  let bound = absolute + relative * scale
  var worst: (Int, Float) = (0, 0)
  for i in 0..<actual.count {
    let difference = abs(actual[i] - expected[i])
    if !(difference <= worst.1) { worst = (i, difference) }
  }
  if !(worst.1 <= bound) {
    XCTFail(
      "\(message): max difference \(worst.1) at \(worst.0) (actual \(actual[worst.0]), expected "
        + "\(expected[worst.0])) exceeds \(bound)", file: file, line: line)
  }
}
