// LayoutLab — tests of document furniture and scan effects.

import Seeding
import XCTest

@testable import SyntheticData

final class PageCanvasDecorationsTests: XCTestCase {
  func testCheckedBoxIsMuchDarkerThanAnEmptyOne() {
    var empty = PageCanvas(width: 40, height: 40)
    empty.checkbox(x: 2, y: 2, size: 34, checked: false)
    var checked = PageCanvas(width: 40, height: 40)
    checked.checkbox(x: 2, y: 2, size: 34, checked: true)
    let emptyMean = empty.mean(x0: 0, y0: 0, x1: 40, y1: 40)
    let checkedMean = checked.mean(x0: 0, y0: 0, x1: 40, y1: 40)
    XCTAssertLessThan(checkedMean, emptyMean - 60)
  }

  func testRotationKeepsTheCentreAndMapsPointsConsistently() {
    var canvas = PageCanvas(width: 101, height: 101)
    canvas.fill(x0: 45, y0: 45, x1: 56, y1: 56, value: 0)
    canvas.fill(x0: 80, y0: 48, x1: 90, y1: 53, value: 0)
    let turned = canvas.rotated(degrees: 10)
    XCTAssertEqual(turned.pixels[50 * 101 + 50], 0)
    let moved = canvas.rotatedPoint(x: 85, y: 50.5, degrees: 10)
    XCTAssertEqual(turned.pixels[Int(moved.y) * 101 + Int(moved.x)], 0)
    XCTAssertEqual(canvas.rotated(degrees: 0).pixels, canvas.pixels)
  }

  func testScanNoiseIsDeterministicAndOnlyDarkens() {
    var a = PageCanvas(width: 50, height: 50)
    var b = PageCanvas(width: 50, height: 50)
    var g1 = SeededGenerator(seed: 8)
    var g2 = SeededGenerator(seed: 8)
    a.scanNoise(speckles: 30, generator: &g1)
    b.scanNoise(speckles: 30, generator: &g2)
    XCTAssertEqual(a.pixels, b.pixels)
    XCTAssertLessThan(a.mean(x0: 0, y0: 0, x1: 50, y1: 50), 255)
  }

  func testStampLogoStripesAndScribbleLeaveInk() {
    var canvas = PageCanvas(width: 300, height: 300)
    var generator = SeededGenerator(seed: 2)
    canvas.stamp(cx: 100, cy: 100, radius: 60, word: "PAID", generator: &generator)
    XCTAssertLessThan(canvas.mean(x0: 40, y0: 40, x1: 160, y1: 160), 250)
    canvas.logo(cx: 250, cy: 50, radius: 30)
    XCTAssertEqual(canvas.pixels[50 * 300 + 250 - 25], 30)
    canvas.stripes(x0: 0, y0: 200, x1: 300, y1: 300, pitch: 20, level: 200)
    XCTAssertEqual(canvas.pixels[200 * 300 + 5], 200)
    let before = canvas.mean(x0: 0, y0: 160, x1: 300, y1: 200)
    canvas.scribble(
      x0: 0, y0: 160, x1: 300, y1: 200, strokes: 3, thickness: 2, generator: &generator)
    XCTAssertLessThan(canvas.mean(x0: 0, y0: 160, x1: 300, y1: 200), before)
  }
}
