import HostCPU
import XCTest

@testable import TensorCore

final class VectorWidthTests: XCTestCase {
  func testKernelWidthMatchesTheBuildsVariant() {
    XCTAssertEqual(vectorLanes * 32, NumericBuild.vectorBits)
    XCTAssert(KernelVariant.agreesWithHostCPU)
    XCTAssertEqual(vectorBytes, vectorLanes * 4)
    XCTAssertEqual(gemmNR % vectorLanes, 0)
  }

  func testPartialLoadsStoresAndLaneMaximum() {
    let values = (0..<vectorLanes).map { Float($0) - 1.5 }
    let v = values.withUnsafeBufferPointer {
      loadPartial($0.baseAddress!, vectorLanes - 1, fill: 9)
    }
    XCTAssertEqual(v[vectorLanes - 1], 9)
    XCTAssertEqual(v[0], -1.5)
    // The loaded lanes and the fill; the unloaded last value (the largest) must not count.
    XCTAssertEqual(laneMaximum(v), max(values.dropLast().max() ?? 9, 9))
    var out = [Float](repeating: -7, count: vectorLanes)
    out.withUnsafeMutableBufferPointer { storePartial(v, $0.baseAddress!, 2) }
    XCTAssertEqual(Array(out.prefix(3)), [-1.5, -0.5, -7])
    XCTAssertEqual(wholeVectors(3 * vectorLanes + 1), 3 * vectorLanes)
  }

  func testRowSumMatchesFloat64AtEveryTail() {
    for count in [0, 1, vectorLanes - 1, vectorLanes, 4 * vectorLanes + 3, 1031] {
      let values = (0..<count).map { Float(($0 * 37) % 101) / 7 - 5 }
      let expected = values.reduce(0.0) { $0 + Double($1) }
      let got = values.withUnsafeBufferPointer { rowSum($0.baseAddress!, count) }
      XCTAssertEqual(Double(got), expected, accuracy: 1e-3, "count \(count)")
    }
  }

  func testFMAThroughputLoopComputesItsSums() {
    // 12 or 24 chains starting at 0…11 (twice), each adding iterations · scale · 1.0001.
    let iterations = 1000
    let result = fmaThroughputLoop(iterations: iterations, scale: 1e-3)
    let sets = Double(fmaThroughputChains / 12)
    let expected =
      Double(vectorLanes) * sets * (66 + 12 * Double(iterations) * 1e-3 * 1.0001)
    XCTAssertEqual(Double(result), expected, accuracy: expected * 1e-4)
    XCTAssertEqual(fmaThroughputFlopsPerIteration, 2 * fmaThroughputChains * vectorLanes)
  }
}
