// Shared helpers for the TensorCore tests: deterministic random data and tolerance checks.

import TensorCore
import XCTest
import _TestSupport

/// A small deterministic generator (SplitMix64) for test data.
struct TestRandom {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A float uniform in `[-scale, scale)`.
  mutating func float(scale: Float = 1) -> Float {
    Float(Double(next() >> 11) / Double(1 << 53) * 2 - 1) * scale
  }

  mutating func floats(_ count: Int, scale: Float = 1) -> [Float] {
    (0..<count).map { _ in float(scale: scale) }
  }
}

/// Asserts `|actual − expected| ≤ 1e-5 + 1e-4 · max|expected|` element-wise (the project's
/// tolerance for kernels against float64 or HF references).
func assertClose(
  _ actual: [Float], _ expected: [Float], _ what: String, relative: Float = 1e-4,
  absolute: Float = 1e-5, file: StaticString = #filePath, line: UInt = #line
) {
  XCTAssertEqual(actual.count, expected.count, "\(what): count", file: file, line: line)
  guard actual.count == expected.count else { return }
  let scale = expected.reduce(Float(0)) { max($0, abs($1)) }
  let tolerance = absolute + relative * scale
  var worst: Float = 0
  var worstIndex = 0
  for i in 0..<actual.count {
    let d = abs(actual[i] - expected[i])
    if !(d <= worst) {
      worst = d
      worstIndex = i
    }
  }
  XCTAssert(
    worst <= tolerance,
    "\(what): max error \(worst) at \(worstIndex) (got \(actual[worstIndex]), expected "
      + "\(expected[worstIndex])) exceeds \(tolerance)", file: file, line: line)
}

/// Bit patterns, for exact determinism checks.
func bits(_ values: [Float]) -> [UInt32] { values.map(\.bitPattern) }

/// The HF op-level reference cases (`Fixtures/ops.safetensors`, copied from
/// `shared/fixtures/hf-parity`).
func opsFixture() throws -> SafeTensorsFile {
  try SafeTensorsFile(contentsOf: TestPaths.fixture("TensorCoreTests/Fixtures/ops.safetensors"))
}
