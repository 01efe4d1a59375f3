// LayoutLab — the Pillow-exact bilinear resize against Pillow's own output.

import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

final class BilinearResizeTests: XCTestCase {
  func testEveryResizeCaseMatchesPillowOnEveryPixel() throws {
    let shared = try TestPaths.shared()
    let list = try ImageFixtures.load(ResizeCaseList.self, "resize-224/cases.json")
    XCTAssertEqual(list.cases.count, 5)
    for entry in list.cases {
      let source = try decodeImage(contentsOf: shared.appendingPathComponent(entry.source))
      XCTAssertEqual([source.width, source.height], entry.source_size, entry.source)
      let resized = source.convertedToGray().resizedBilinear(width: 224, height: 224)
      let expected = try decodeImage(contentsOf: ImageFixtures.url("resize-224/\(entry.output)"))
      XCTAssertEqual(expected.mode, .gray)
      XCTAssertEqual(expected.pixels.count, 224 * 224)
      XCTAssertEqual(SHA256.hexDigest(expected.pixels), entry.sha256, "fixture \(entry.output)")
      var worst = 0
      var differing = 0
      for (a, b) in zip(resized.pixels, expected.pixels) {
        let d = abs(Int(a) - Int(b))
        worst = max(worst, d)
        if d > 0 { differing += 1 }
      }
      XCTAssertLessThanOrEqual(worst, 1, "\(entry.source): largest difference \(worst)")
      XCTAssertEqual(differing, 0, "\(entry.source): \(differing) pixels differ from Pillow")
      XCTAssertEqual(resized.pixels.reduce(0) { $0 + Int($1) }, entry.sum, entry.source)
      XCTAssertEqual(SHA256.hexDigest(resized.pixels), entry.sha256, entry.source)
    }
  }

  func testUpscaleAndIdentityOnASmallRamp() {
    // 4×1 ramp: resizing to the same size is the identity.
    let ramp = GrayImage(width: 4, height: 2, pixels: [0, 85, 170, 255, 0, 85, 170, 255])
    XCTAssertEqual(ramp.resizedBilinear(width: 4, height: 2), ramp)
    // Doubling the width interpolates between neighbours with weights 3/4 and 1/4 (edges
    // renormalised), worked out by hand from Pillow's formula.
    let doubled = ramp.resizedBilinear(width: 8, height: 2)
    XCTAssertEqual(Array(doubled.pixels[0..<8]), [0, 21, 64, 106, 149, 191, 234, 255])
    XCTAssertEqual(Array(doubled.pixels[8..<16]), Array(doubled.pixels[0..<8]))
  }

  func testShrinkWidensTheTriangleFilter() {
    // Halving doubles the support: output 0 (centre 1) reads inputs 0...2 with weights
    // 3/7, 3/7, 1/7 (renormalised at the edge) → 255/7 = 36; output 1 (centre 3) reads
    // inputs 1...4 with 1/8, 3/8, 3/8, 1/8 → 0.75 × 255 = 191; and so on.
    let row: [UInt8] = [0, 0, 255, 255, 0, 0, 255, 255]
    let image = GrayImage(width: 8, height: 1, pixels: row)
    let half = image.resizedBilinear(width: 4, height: 1)
    XCTAssertEqual(half.pixels.count, 4)
    XCTAssertEqual(half.pixels, [36, 191, 64, 219])
  }
}
