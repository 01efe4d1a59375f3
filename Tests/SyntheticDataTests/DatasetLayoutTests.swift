// LayoutLab — tests of split rules and class balance.

import XCTest

@testable import SyntheticData

final class DatasetLayoutTests: XCTestCase {
  func testClassesAreBalancedOverallAndPerSplit() {
    let options = SynthesisOptions()
    let count = 16 * 16 * 2
    var perSplit = [[Int]](repeating: [Int](repeating: 0, count: 16), count: 3)
    for index in 0..<count {
      let split = DatasetLayout.splitIndex(
        kind: .classify, index: index, count: count, options: options)
      perSplit[split][DatasetLayout.classLabel(index: index, seed: 5)] += 1
    }
    for split in 0..<3 {
      XCTAssertEqual(
        Set(perSplit[split]).count, 1, "split \(split) is balanced: \(perSplit[split])")
    }
    XCTAssertEqual(perSplit.map { $0.reduce(0, +) }, [416, 32, 64])
  }

  func testMajorityClassBoundHoldsForAnyCountFromOneHundred() {
    for count in [100, 117, 250, 333] {
      var perClass = [Int](repeating: 0, count: 16)
      for index in 0..<count { perClass[DatasetLayout.classLabel(index: index, seed: 1)] += 1 }
      XCTAssertLessThanOrEqual(Double(perClass.max() ?? 0) / Double(count), 1.0 / 16 + 0.01)
    }
  }

  func testFormsAndQASplitsFollowTheFractions() {
    let options = SynthesisOptions(trainFraction: 0.7, validationFraction: 0.1)
    let forms = (0..<10).map {
      DatasetLayout.splitIndex(kind: .forms, index: $0, count: 10, options: options)
    }
    XCTAssertEqual(forms, [0, 0, 0, 0, 0, 0, 0, 1, 1, 1])
    let qa = (0..<10).map {
      DatasetLayout.splitIndex(kind: .qa, index: $0, count: 10, options: options)
    }
    XCTAssertEqual(qa, [0, 0, 0, 0, 0, 0, 0, 1, 2, 2])
    XCTAssertEqual(DatasetLayout.splitIndex(kind: .forms, index: 0, count: 1, options: options), 0)
    XCTAssertEqual(DatasetLayout.documentId(kind: .qa, index: 42), "synth_qa_000042")
  }
}
