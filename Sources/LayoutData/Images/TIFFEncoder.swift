// LayoutLab — baseline TIFF encoding (little-endian, strips, uncompressed or PackBits), so
// generated pages can be stored in RVL-CDIP's format.

import Foundation

/// Baseline TIFF writing for `.gray`, `.bilevel`, `.rgb` and `.rgba` images.
public enum TIFFEncoder {
  /// TIFF compression schemes this encoder writes.
  public enum Compression: Int, Sendable {
    /// Compression 1: raw strips.
    case none = 1
    /// Compression 32773: PackBits, row by row (what RVL-CDIP uses).
    case packBits = 32773
  }

  /// TIFF bytes for `image`, `rowsPerStrip` rows a strip (RVL-CDIP's files use 15).
  public static func encode(
    _ image: RasterImage, compression: Compression = .packBits, rowsPerStrip: Int = 15
  ) throws -> [UInt8] {
    let samples: Int
    let bits: Int
    let photometric: Int
    switch image.mode {
    case .bilevel: (samples, bits, photometric) = (1, 1, 1)
    case .gray: (samples, bits, photometric) = (1, 8, 1)
    case .rgb: (samples, bits, photometric) = (3, 8, 2)
    case .rgba: (samples, bits, photometric) = (4, 8, 2)
    default:
      throw ImageDecodingError(
        file: "<memory>", kind: .invalidImage,
        detail: "TIFF encoding supports 1, L, RGB and RGBA, not \(image.mode.rawValue)")
    }
    guard image.width > 0, image.height > 0, image.width <= 0xFFFF, image.height <= 0xFFFF,
      image.pixels.count == image.width * image.height * image.mode.bytesPerPixel
    else {
      throw ImageDecodingError(
        file: "<memory>", kind: .invalidImage,
        detail:
          "\(image.width)×\(image.height) \(image.mode.rawValue) image with \(image.pixels.count) pixel bytes"
      )
    }
    let rowBytes = (image.width * samples * bits + 7) / 8
    let rows = fileRows(image, rowBytes: rowBytes)
    let stripRows = max(1, min(rowsPerStrip, image.height))
    let stripCount = (image.height + stripRows - 1) / stripRows

    var file: [UInt8] = [0x49, 0x49, 42, 0, 0, 0, 0, 0]
    var offsets: [Int] = []
    var counts: [Int] = []
    rows.withUnsafeBufferPointer { raw in
      for strip in 0..<stripCount {
        let start = file.count
        let firstRow = strip * stripRows
        let lastRow = min(image.height, firstRow + stripRows)
        for row in firstRow..<lastRow {
          let line = UnsafeBufferPointer(rebasing: raw[(row * rowBytes)..<((row + 1) * rowBytes)])
          switch compression {
          case .none: file.append(contentsOf: line)
          case .packBits: PackBits.encode(line, appendingTo: &file)
          }
        }
        offsets.append(start)
        counts.append(file.count - start)
        if file.count % 2 == 1 { file.append(0) }  // keep offsets word-aligned
      }
    }
    // Out-of-line values: BitsPerSample for several samples, the strip tables, resolutions.
    func appendArray(_ values: [Int], shortType: Bool) -> Int {
      let at = file.count
      for v in values {
        if shortType { appendLE(v, bytes: 2, to: &file) } else { appendLE(v, bytes: 4, to: &file) }
      }
      return at
    }
    let bitsAt =
      samples > 2 ? appendArray([Int](repeating: bits, count: samples), shortType: true) : 0
    let offsetsAt = stripCount > 1 ? appendArray(offsets, shortType: false) : offsets[0]
    let countsAt = stripCount > 1 ? appendArray(counts, shortType: false) : counts[0]
    let resolutionAt = appendArray([72, 1, 72, 1], shortType: false)
    if file.count % 2 == 1 { file.append(0) }
    let ifd = file.count
    writeLE(ifd, bytes: 4, at: 4, in: &file)
    // (tag, type, count, value or offset); types 3 SHORT, 4 LONG, 5 RATIONAL.
    var entries: [(Int, Int, Int, Int)] = [
      (256, 3, 1, image.width), (257, 3, 1, image.height),
      (258, 3, samples, samples > 2 ? bitsAt : bits),
      (259, 3, 1, compression.rawValue), (262, 3, 1, photometric),
      (273, 4, stripCount, offsetsAt), (277, 3, 1, samples), (278, 3, 1, stripRows),
      (279, 4, stripCount, countsAt), (282, 5, 1, resolutionAt), (283, 5, 1, resolutionAt + 8),
      (284, 3, 1, 1), (296, 3, 1, 2),
    ]
    if image.mode == .rgba { entries.append((338, 3, 1, 2)) }  // ExtraSamples: unassociated alpha
    entries.sort { $0.0 < $1.0 }
    appendLE(entries.count, bytes: 2, to: &file)
    for (tag, type, count, value) in entries {
      appendLE(tag, bytes: 2, to: &file)
      appendLE(type, bytes: 2, to: &file)
      appendLE(count, bytes: 4, to: &file)
      if type == 3 && count == 1 {
        appendLE(value, bytes: 2, to: &file)
        appendLE(0, bytes: 2, to: &file)
      } else {
        appendLE(value, bytes: 4, to: &file)
      }
    }
    appendLE(0, bytes: 4, to: &file)  // no next IFD
    return file
  }

  /// Writes `image` as a TIFF file at `url`.
  public static func write(_ image: RasterImage, to url: URL, compression: Compression = .packBits)
    throws
  {
    try Data(encode(image, compression: compression)).write(to: url)
  }

  /// Scanlines as stored: bilevel pixels packed MSB first with 1 = white (BlackIsZero).
  static func fileRows(_ image: RasterImage, rowBytes: Int) -> [UInt8] {
    guard image.mode == .bilevel else { return image.pixels }
    var packed = [UInt8](repeating: 0, count: rowBytes * image.height)
    for y in 0..<image.height {
      for x in 0..<image.width where image.pixels[y * image.width + x] != 0 {
        packed[y * rowBytes + x >> 3] |= 0x80 >> UInt8(x & 7)
      }
    }
    return packed
  }

  static func appendLE(_ value: Int, bytes: Int, to file: inout [UInt8]) {
    for i in 0..<bytes { file.append(UInt8(truncatingIfNeeded: value >> (8 * i))) }
  }

  static func writeLE(_ value: Int, bytes: Int, at offset: Int, in file: inout [UInt8]) {
    for i in 0..<bytes { file[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * i)) }
  }
}
