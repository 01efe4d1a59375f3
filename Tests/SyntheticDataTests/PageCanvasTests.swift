// LayoutLab — tests of the canvas primitives: clipping, ink, frames, text boxes and means.

import Seeding
import XCTest

@testable import SyntheticData

final class PageCanvasTests: XCTestCase {
  func testFillClipsAndInkOnlyDarkens() {
    var canvas = PageCanvas(width: 10, height: 8)
    canvas.fill(x0: -5, y0: -5, x1: 3, y1: 2, value: 100)
    XCTAssertEqual(canvas.pixels[0], 100)
    XCTAssertEqual(canvas.pixels[1 * 10 + 2], 100)
    XCTAssertEqual(canvas.pixels[2 * 10 + 0], 255)
    canvas.ink(x0: 0, y0: 0, x1: 10, y1: 8, ink: 150)
    XCTAssertEqual(canvas.pixels[0], 100, "ink never lightens")
    XCTAssertEqual(canvas.pixels[79], 150)
    canvas.fill(x0: 20, y0: 20, x1: 30, y1: 30, value: 0)  // fully off the page: no effect
    XCTAssertEqual(canvas.pixels.filter { $0 == 0 }.count, 0)
  }

  func testFrameLineRingAndMean() {
    var canvas = PageCanvas(width: 20, height: 20)
    canvas.frame(x0: 0, y0: 0, x1: 20, y1: 20, thickness: 2, ink: 0)
    XCTAssertEqual(canvas.pixels[0], 0)
    XCTAssertEqual(canvas.pixels[10 * 20 + 10], 255)
    XCTAssertEqual(
      canvas.mean(x0: 0, y0: 0, x1: 20, y1: 20), 255 * Double(256) / 400, accuracy: 1e-9)
    var lines = PageCanvas(width: 20, height: 20)
    lines.line(x0: 0, y0: 0, x1: 19, y1: 19, thickness: 1, ink: 0)
    XCTAssertEqual(lines.pixels[5 * 20 + 5], 0)
    var ring = PageCanvas(width: 21, height: 21)
    ring.ring(cx: 10, cy: 10, outer: 8, inner: 4, ink: 0)
    XCTAssertEqual(ring.pixels[10 * 21 + 10], 255, "the hole stays white")
    XCTAssertEqual(ring.pixels[10 * 21 + 16], 0)
  }

  func testTextReturnsItsInkBoxAndDrawsInsideIt() {
    var canvas = PageCanvas(width: 200, height: 40)
    var generator = SeededGenerator(seed: 1)
    let box = canvas.text("Ag", x: 10, y: 5, scale: 2, generator: &generator)
    XCTAssertEqual(box.x0, 10)
    XCTAssertEqual(box.x1, 10 + BitmapFont.width(of: "Ag", scale: 2))
    XCTAssertEqual(box.y1, 5 + 16, "'g' has a descender: 8 rows at scale 2")
    var inside = 0
    var outside = 0
    for y in 0..<40 {
      for x in 0..<200 where canvas.pixels[y * 200 + x] == 0 {
        if x >= box.x0, x < box.x1, y >= box.y0, y < box.y1 { inside += 1 } else { outside += 1 }
      }
    }
    XCTAssertGreaterThan(inside, 40)
    XCTAssertEqual(outside, 0)
  }
}
