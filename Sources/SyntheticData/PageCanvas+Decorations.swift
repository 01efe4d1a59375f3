// LayoutLab — document furniture on a canvas: checkboxes, stamps, logos, strokes, scan effects.

import Foundation
import Seeding

extension PageCanvas {
  /// A square checkbox with a 3-pixel border at `(x, y)`; `checked` fills it nearly solid.
  public mutating func checkbox(x: Int, y: Int, size: Int, checked: Bool) {
    frame(x0: x, y0: y, x1: x + size, y1: y + size, thickness: 3, ink: 0)
    if checked {
      ink(x0: x + 5, y0: y + 5, x1: x + size - 5, y1: y + size - 5, ink: 20)
      line(x0: x, y0: y, x1: x + size, y1: y + size, thickness: 3, ink: 0)
      line(x0: x + size, y0: y, x1: x, y1: y + size, thickness: 3, ink: 0)
    }
  }

  /// A round rubber stamp: two rings and a word, about `2 * radius` pixels across.
  public mutating func stamp(
    cx: Int, cy: Int, radius: Int, word: String, generator: inout SeededGenerator
  ) {
    ring(cx: cx, cy: cy, outer: radius, inner: radius - 5, ink: 70)
    ring(cx: cx, cy: cy, outer: radius - 10, inner: radius - 13, ink: 70)
    let scale = max(2, radius / 22)
    let textWidth = BitmapFont.width(of: word, scale: scale)
    text(
      word, x: cx - textWidth / 2, y: cy - 4 * scale, scale: scale, ink: 70, bold: true,
      generator: &generator)
  }

  /// A logo: a dark disk with a white ring and bar, `2 * radius` pixels across.
  public mutating func logo(cx: Int, cy: Int, radius: Int) {
    ring(cx: cx, cy: cy, outer: radius, inner: 0, ink: 30)
    ring(cx: cx, cy: cy, outer: radius * 2 / 3, inner: radius / 2, ink: 0)
    fill(
      x0: cx - radius / 2, y0: cy - radius / 8, x1: cx + radius / 2, y1: cy + radius / 8,
      value: 235)
  }

  /// Handwriting-like scribbles: `strokes` random-walk pen strokes inside a rectangle.
  public mutating func scribble(
    x0: Int, y0: Int, x1: Int, y1: Int, strokes: Int, thickness: Int,
    generator: inout SeededGenerator
  ) {
    guard x1 > x0 + 10, y1 > y0 + 10 else { return }
    for _ in 0..<strokes {
      var x = generator.nextInt(in: x0...(x1 - 10))
      var y = generator.nextInt(in: y0...(y1 - 10))
      let segments = generator.nextInt(in: 4...9)
      for _ in 0..<segments {
        let nx = min(x1, max(x0, x + generator.nextInt(in: 6...22)))
        let ny = min(y1, max(y0, y + generator.nextInt(in: -12...12)))
        line(x0: x, y0: y, x1: nx, y1: ny, thickness: thickness, ink: 25)
        x = nx
        y = ny
      }
    }
  }

  /// Light gray horizontal stripes every `pitch` rows inside a rectangle (ledger shading).
  public mutating func stripes(x0: Int, y0: Int, x1: Int, y1: Int, pitch: Int, level: UInt8) {
    var y = y0
    let p = max(4, pitch)
    while y < y1 {
      ink(x0: x0, y0: y, x1: x1, y1: min(y1, y + p / 2), ink: level)
      y += p
    }
  }

  /// Scan noise: `speckles` dark dots of 1–3 pixels and a faint gray cast over the page.
  public mutating func scanNoise(speckles: Int, generator: inout SeededGenerator) {
    for _ in 0..<speckles {
      let x = generator.nextInt(below: width)
      let y = generator.nextInt(below: height)
      let size = generator.nextInt(in: 1...3)
      ink(x0: x, y0: y, x1: x + size, y1: y + size, ink: UInt8(generator.nextInt(in: 0...120)))
    }
    let w = width
    let rows = height
    let cast = UInt8(generator.nextInt(in: 0...6))
    guard cast > 0 else { return }
    pixels.withUnsafeMutableBufferPointer { page in
      guard let base = page.baseAddress else { return }
      for y in 0..<rows {
        let row = base + y * w
        for x in 0..<w where row[x] > 250 { row[x] = 255 - cast }
      }
    }
  }

  /// The page turned by `degrees` about its centre (nearest neighbour, white outside).
  ///
  /// Maps a point of the original page to the turned page with `rotatedPoint`.
  public func rotated(degrees: Double) -> PageCanvas {
    if degrees == 0 { return self }
    var result = PageCanvas(width: width, height: height)
    let radians = degrees * Double.pi / 180
    let cosA = cos(radians)
    let sinA = sin(radians)
    let cx = Double(width) / 2
    let cy = Double(height) / 2
    let w = width
    let h = height
    // Inverse map in 16.16 fixed point: source = R(-a) · (dest - c) + c.
    let one = 65_536.0
    let dxdx = Int(cosA * one)
    let dydx = Int(-sinA * one)
    pixels.withUnsafeBufferPointer { source in
      result.pixels.withUnsafeMutableBufferPointer { target in
        guard let src = source.baseAddress, let dst = target.baseAddress else { return }
        for y in 0..<h {
          let ry = Double(y) - cy
          let startX = (-cx) * cosA + ry * sinA + cx
          let startY = -(-cx) * sinA + ry * cosA + cy
          var fx = Int(startX * one)
          var fy = Int(startY * one)
          let row = dst + y * w
          for x in 0..<w {
            let sx = fx >> 16
            let sy = fy >> 16
            if sx >= 0, sx < w, sy >= 0, sy < h { row[x] = src[sy * w + sx] }
            fx += dxdx
            fy += dydx
          }
        }
      }
    }
    return result
  }

  /// Where the point `(x, y)` of the original page lands after `rotated(degrees:)`.
  public func rotatedPoint(x: Double, y: Double, degrees: Double) -> (x: Double, y: Double) {
    let radians = degrees * Double.pi / 180
    let cx = Double(width) / 2
    let cy = Double(height) / 2
    let dx = x - cx
    let dy = y - cy
    return (cx + dx * cos(radians) - dy * sin(radians), cy + dx * sin(radians) + dy * cos(radians))
  }
}
