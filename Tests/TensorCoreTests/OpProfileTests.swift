import XCTest

@testable import TensorCore

final class OpProfileTests: XCTestCase {
  func testProfileCountsForwardAndBackwardPerOp() {
    let w = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3], requiresGrad: true)
    let x = Tensor([0.5, -1, 2], shape: [1, 3])
    OpProfile.start()
    let y = x.linear(weight: w, bias: nil).gelu()
    OpProfile.mark()
    y.sum().backward()
    let entries = OpProfile.stop()
    let linear = entries.first { $0.name.hasPrefix("linear") }
    let gelu = entries.first { $0.name.hasPrefix("gelu") }
    XCTAssertEqual(linear?.calls, 1)
    XCTAssertEqual(gelu?.calls, 1)
    XCTAssertGreaterThan(linear?.backward ?? 0, 0, "backward time is measured")
    XCTAssertFalse(OpProfile.enabled, "stop() turns profiling off")
    // Off: nothing is recorded.
    _ = x.linear(weight: w, bias: nil)
    XCTAssertEqual(OpProfile.totals["linear(weight:bias:)"]?.calls, 1)
  }
}
