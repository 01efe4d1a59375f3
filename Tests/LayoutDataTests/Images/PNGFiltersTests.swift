// LayoutLab — the five PNG filters invert each other exactly.

import XCTest

@testable import LayoutData

final class PNGFiltersTests: XCTestCase {
  func testPaethPredictor() {
    XCTAssertEqual(PNGFilter.paethPredictor(10, 20, 10), 20)  // p = 20 → b
    XCTAssertEqual(PNGFilter.paethPredictor(20, 10, 10), 20)  // p = 20 → a
    XCTAssertEqual(PNGFilter.paethPredictor(10, 10, 30), 10)  // ties prefer a
    XCTAssertEqual(PNGFilter.paethPredictor(100, 50, 60), 100)  // p = 90: a is nearest
  }

  func testEveryFilterRoundTripsForEveryStride() {
    var state: UInt64 = 42
    for bpp in [1, 2, 3, 4, 6, 8] {
      let count = 5 * bpp + 3
      let rows = (0..<3).map { _ in
        (0..<count).map { _ -> UInt8 in
          state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          return UInt8(truncatingIfNeeded: state >> 56)
        }
      }
      for filter in PNGFilter.allCases {
        for (index, row) in rows.enumerated() {
          let previous: [UInt8]? = index > 0 ? rows[index - 1] : nil
          var filtered = [UInt8](repeating: 0, count: count)
          row.withUnsafeBufferPointer { r in
            filtered.withUnsafeMutableBufferPointer { out in
              if let previous {
                previous.withUnsafeBufferPointer { p in
                  PNGFilter.filter(
                    filter, row: r.baseAddress!, previous: p.baseAddress, count: count,
                    bytesPerPixel: bpp, into: out.baseAddress!)
                }
              } else {
                PNGFilter.filter(
                  filter, row: r.baseAddress!, previous: nil, count: count, bytesPerPixel: bpp,
                  into: out.baseAddress!)
              }
            }
          }
          filtered.withUnsafeMutableBufferPointer { out in
            if let previous {
              previous.withUnsafeBufferPointer { p in
                PNGFilter.unfilter(
                  filter, row: out.baseAddress!, previous: p.baseAddress, count: count,
                  bytesPerPixel: bpp)
              }
            } else {
              PNGFilter.unfilter(
                filter, row: out.baseAddress!, previous: nil, count: count, bytesPerPixel: bpp)
            }
          }
          XCTAssertEqual(filtered, row, "\(filter) bpp \(bpp) row \(index)")
        }
      }
    }
  }

  func testScoreIsTheSumOfSignedMagnitudes() {
    let row: [UInt8] = [0, 1, 255, 128]
    var out = [UInt8](repeating: 0, count: 4)
    let score = row.withUnsafeBufferPointer { r in
      out.withUnsafeMutableBufferPointer { o in
        PNGFilter.filter(
          .none, row: r.baseAddress!, previous: nil, count: 4, bytesPerPixel: 1,
          into: o.baseAddress!)
      }
    }
    XCTAssertEqual(score, 0 + 1 + 1 + 128)
  }
}
