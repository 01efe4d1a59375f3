// LayoutLab — an 8-bit grayscale page canvas with pointer-based drawing primitives.

import Seeding

/// An 8-bit grayscale page, row-major `[height, width]`, 255 white and 0 black.
///
/// Every primitive clips to the page and takes the pixel buffer once. "Ink" primitives darken
/// (`min(old, ink)`), so text stays black on shaded bands drawn before it.
public struct PageCanvas: Sendable {
  /// Columns.
  public let width: Int
  /// Rows.
  public let height: Int
  /// `[height, width]` gray levels.
  public var pixels: [UInt8]

  /// A page filled with `background`.
  public init(width: Int, height: Int, background: UInt8 = 255) {
    self.width = max(1, width)
    self.height = max(1, height)
    pixels = [UInt8](repeating: background, count: self.width * self.height)
  }

  /// Clipped half-open rectangle, or `nil` when nothing of it is on the page.
  @inline(__always)
  func clip(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) -> (Int, Int, Int, Int)? {
    let a = max(0, min(x0, x1))
    let b = max(0, min(y0, y1))
    let c = min(width, max(x0, x1))
    let d = min(height, max(y0, y1))
    return a < c && b < d ? (a, b, c, d) : nil
  }

  /// Sets every pixel of the half-open rectangle `[x0, x1) × [y0, y1)` to `value`.
  public mutating func fill(x0: Int, y0: Int, x1: Int, y1: Int, value: UInt8) {
    guard let (a, b, c, d) = clip(x0, y0, x1, y1) else { return }
    let stride = width
    pixels.withUnsafeMutableBufferPointer { page in
      guard let base = page.baseAddress else { return }
      for y in b..<d {
        (base + y * stride + a).update(repeating: value, count: c - a)
      }
    }
  }

  /// Darkens the rectangle to at most `ink`.
  public mutating func ink(x0: Int, y0: Int, x1: Int, y1: Int, ink: UInt8) {
    guard let (a, b, c, d) = clip(x0, y0, x1, y1) else { return }
    let stride = width
    pixels.withUnsafeMutableBufferPointer { page in
      guard let base = page.baseAddress else { return }
      for y in b..<d {
        let row = base + y * stride
        for x in a..<c where row[x] > ink { row[x] = ink }
      }
    }
  }

  /// A rectangular frame of `thickness` pixels whose outer edge is the given rectangle.
  public mutating func frame(x0: Int, y0: Int, x1: Int, y1: Int, thickness: Int, ink value: UInt8) {
    let t = max(1, thickness)
    ink(x0: x0, y0: y0, x1: x1, y1: y0 + t, ink: value)
    ink(x0: x0, y0: y1 - t, x1: x1, y1: y1, ink: value)
    ink(x0: x0, y0: y0, x1: x0 + t, y1: y1, ink: value)
    ink(x0: x1 - t, y0: y0, x1: x1, y1: y1, ink: value)
  }

  /// A straight stroke from `(x0, y0)` to `(x1, y1)` with a square pen of `thickness` pixels.
  public mutating func line(
    x0: Int, y0: Int, x1: Int, y1: Int, thickness: Int, ink value: UInt8
  ) {
    let t = max(1, thickness)
    let half = t / 2
    let steps = max(abs(x1 - x0), abs(y1 - y0), 1)
    let w = width
    let h = height
    pixels.withUnsafeMutableBufferPointer { page in
      guard let base = page.baseAddress else { return }
      for step in 0...steps {
        let cx = x0 + (x1 - x0) * step / steps - half
        let cy = y0 + (y1 - y0) * step / steps - half
        let a = max(0, cx)
        let b = max(0, cy)
        let c = min(w, cx + t)
        let d = min(h, cy + t)
        if a >= c || b >= d { continue }
        for y in b..<d {
          let row = base + y * w
          for x in a..<c where row[x] > value { row[x] = value }
        }
      }
    }
  }

  /// A filled ring (`inner` 0 gives a disk) centred on `(cx, cy)`.
  public mutating func ring(cx: Int, cy: Int, outer: Int, inner: Int, ink value: UInt8) {
    guard let (a, b, c, d) = clip(cx - outer, cy - outer, cx + outer + 1, cy + outer + 1) else {
      return
    }
    let outer2 = outer * outer
    let inner2 = inner * inner
    let w = width
    pixels.withUnsafeMutableBufferPointer { page in
      guard let base = page.baseAddress else { return }
      for y in b..<d {
        let dy = y - cy
        let row = base + y * w
        for x in a..<c {
          let dx = x - cx
          let r2 = dx * dx + dy * dy
          if r2 <= outer2, r2 >= inner2, row[x] > value { row[x] = value }
        }
      }
    }
  }

  /// Draws `text` with its top-left at `(x, y)` and returns its ink box `(x0, y0, x1, y1)`.
  ///
  /// `baselineJitter` (pixels) moves each glyph up or down at random, for a handwritten look;
  /// `bold` doubles every stroke one pixel to the right.
  @discardableResult
  public mutating func text(
    _ text: String, x: Int, y: Int, scale: Int, ink value: UInt8 = 0, bold: Bool = false,
    baselineJitter: Int = 0, generator: inout SeededGenerator
  ) -> (x0: Int, y0: Int, x1: Int, y1: Int) {
    let s = max(1, scale)
    let w = width
    let h = height
    let extra = bold ? 1 : 0
    var descends = false
    var penX = x
    let bytes = Array(text.utf8)
    var offsets = [Int](repeating: 0, count: bytes.count)
    if baselineJitter > 0 {
      for i in offsets.indices {
        offsets[i] = generator.nextInt(in: -baselineJitter...baselineJitter)
      }
    }
    BitmapFont.glyphTable.withUnsafeBufferPointer { glyphs in
      pixels.withUnsafeMutableBufferPointer { page in
        guard let base = page.baseAddress else { return }
        for (index, code) in bytes.enumerated() {
          let glyphBase = code >= 32 && code <= 126 ? Int(code - 32) * 5 : -1
          let top = y + offsets[index]
          for column in 0..<BitmapFont.glyphColumns {
            let bits: UInt8 = glyphBase < 0 ? 0x7F : glyphs[glyphBase + column]
            if bits == 0 { continue }
            if bits & 0x80 != 0 { descends = true }
            let left = penX + column * s
            let a = max(0, left)
            let c = min(w, left + s + extra)
            if a >= c { continue }
            for rowIndex in 0..<8 where bits & (1 << rowIndex) != 0 {
              let b = max(0, top + rowIndex * s)
              let d = min(h, top + rowIndex * s + s)
              if b >= d { continue }
              for py in b..<d {
                let row = base + py * w
                for px in a..<c where row[px] > value { row[px] = value }
              }
            }
          }
          penX += BitmapFont.advance(scale: s)
        }
      }
    }
    let units = descends ? BitmapFont.lineUnits : BitmapFont.capUnits
    return (x, y, x + BitmapFont.width(of: text, scale: s) + extra, y + units * s)
  }

  /// The mean gray level of a rectangle (255 when it is off the page).
  public func mean(x0: Int, y0: Int, x1: Int, y1: Int) -> Double {
    guard let (a, b, c, d) = clip(x0, y0, x1, y1) else { return 255 }
    let w = width
    let total = pixels.withUnsafeBufferPointer { page -> Int in
      guard let base = page.baseAddress else { return 0 }
      var sum = 0
      for y in b..<d {
        let row = base + y * w
        for x in a..<c { sum += Int(row[x]) }
      }
      return sum
    }
    return Double(total) / Double((c - a) * (d - b))
  }
}
