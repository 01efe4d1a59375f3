// LayoutLab — the five PNG scanline filters (None, Sub, Up, Average, Paeth), both ways.

/// PNG filter type 0...4 (PNG spec §9).
enum PNGFilter: UInt8, CaseIterable {
  case none = 0
  case sub = 1
  case up = 2
  case average = 3
  case paeth = 4

  @inline(__always)
  static func paethPredictor(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
    let p = Int(a) + Int(b) - Int(c)
    let pa = abs(p - Int(a))
    let pb = abs(p - Int(b))
    let pc = abs(p - Int(c))
    if pa <= pb && pa <= pc { return a }
    if pb <= pc { return b }
    return c
  }

  /// Reverses this filter in place on one scanline of `count` bytes.
  ///
  /// - Parameters:
  ///   - row: the filtered bytes (without the filter-type byte), overwritten with raw bytes.
  ///   - previous: the previous raw scanline, or `nil` for the first row of an image or pass.
  ///   - bytesPerPixel: bytes per complete pixel, at least 1 (PNG's `bpp`).
  static func unfilter(
    _ type: PNGFilter, row: UnsafeMutablePointer<UInt8>, previous: UnsafePointer<UInt8>?,
    count: Int, bytesPerPixel bpp: Int
  ) {
    switch type {
    case .none:
      return
    case .sub:
      var i = bpp
      while i < count {
        row[i] = row[i] &+ row[i - bpp]
        i += 1
      }
    case .up:
      guard let up = previous else { return }
      for i in 0..<count { row[i] = row[i] &+ up[i] }
    case .average:
      if let up = previous {
        for i in 0..<min(bpp, count) { row[i] = row[i] &+ up[i] >> 1 }
        var i = bpp
        while i < count {
          row[i] = row[i] &+ UInt8(truncatingIfNeeded: (Int(row[i - bpp]) + Int(up[i])) >> 1)
          i += 1
        }
      } else {
        var i = bpp
        while i < count {
          row[i] = row[i] &+ row[i - bpp] >> 1
          i += 1
        }
      }
    case .paeth:
      if let up = previous {
        for i in 0..<min(bpp, count) { row[i] = row[i] &+ up[i] }
        var i = bpp
        while i < count {
          row[i] = row[i] &+ paethPredictor(row[i - bpp], up[i], up[i - bpp])
          i += 1
        }
      } else {
        // With no previous row Paeth predicts from the left neighbour, like Sub.
        var i = bpp
        while i < count {
          row[i] = row[i] &+ row[i - bpp]
          i += 1
        }
      }
    }
  }

  /// Applies this filter to one raw scanline, writing `count` filtered bytes to `out`, and
  /// returns the sum of the filtered bytes read as signed values' magnitudes (libpng's
  /// heuristic for choosing a filter). `previous` is the previous raw scanline (`nil` for the
  /// first row, where PNG treats the row above as zeros).
  @discardableResult
  static func filter(
    _ type: PNGFilter, row: UnsafePointer<UInt8>, previous: UnsafePointer<UInt8>?,
    count: Int, bytesPerPixel bpp: Int, into out: UnsafeMutablePointer<UInt8>
  ) -> Int {
    let head = min(bpp, count)
    var score = 0
    @inline(__always) func emit(_ i: Int, _ value: UInt8) {
      out[i] = value
      score &+= Int(Int8(bitPattern: value).magnitude)
    }
    switch (type, previous) {
    case (.none, _), (.up, nil):
      for i in 0..<count { emit(i, row[i]) }
    case (.sub, _), (.paeth, nil):
      // With the row above all zero, Paeth always predicts the left neighbour.
      for i in 0..<head { emit(i, row[i]) }
      var i = bpp
      while i < count {
        emit(i, row[i] &- row[i - bpp])
        i += 1
      }
    case (.up, let up?):
      for i in 0..<count { emit(i, row[i] &- up[i]) }
    case (.average, nil):
      for i in 0..<head { emit(i, row[i]) }
      var i = bpp
      while i < count {
        emit(i, row[i] &- row[i - bpp] >> 1)
        i += 1
      }
    case (.average, let up?):
      for i in 0..<head { emit(i, row[i] &- up[i] >> 1) }
      var i = bpp
      while i < count {
        emit(i, row[i] &- UInt8(truncatingIfNeeded: (Int(row[i - bpp]) + Int(up[i])) >> 1))
        i += 1
      }
    case (.paeth, let up?):
      for i in 0..<head { emit(i, row[i] &- up[i]) }
      var i = bpp
      while i < count {
        emit(i, row[i] &- paethPredictor(row[i - bpp], up[i], up[i - bpp]))
        i += 1
      }
    }
    return score
  }
}
