// LayoutLab — tests of the portable logarithm: pinned bits, and agreement with libm.

import Foundation
import Seeding
import XCTest

final class PortableLogTests: XCTestCase {
  func testValuesArePinnedBitForBit() {
    XCTAssertEqual(
      [0.5, 2.0, 10.0, 1e-300, 0.7].map { portableLog($0).bitPattern },
      [
        0xBFE6_2E42_FEFA_39EF, 0x3FE6_2E42_FEFA_39EF, 0x4002_6BB1_BBB5_5515,
        0xC085_9634_47F8_7FB5, 0xBFD6_D3C3_24E1_3F50,
      ])
    XCTAssertEqual(portableLog(1), 0)
  }

  func testAgreesWithTheSystemLogarithm() {
    for x in [1e-12, 0.001, 0.3, 0.999, 1.5, 3, 1234.5, 1e200] {
      XCTAssertEqual(portableLog(x), log(x), accuracy: 1e-14 * abs(log(x)))
    }
  }
}
