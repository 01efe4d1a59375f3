// LayoutLab — PNG decoding (all standard colour types and bit depths, Adam7 included) into
// the pixel layout Pillow gives.

/// PNG decoding. Pixel conventions follow Pillow 13 (`PngImagePlugin._MODES`):
/// 1-bit gray → `.bilevel` 0/1 bytes; 2- and 4-bit gray → `.gray` scaled to 0...255;
/// 16-bit gray → `.gray16` little-endian; 16-bit RGB/RGBA → their high bytes; 16-bit gray+alpha
/// → `.rgba`; palette → indices with the palette beside them. Transparency chunks are ignored.
public enum PNGDecoder {
  /// The eight bytes every PNG starts with.
  public static let signature: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]

  /// The largest decoded image accepted, in bytes, so that a corrupt header cannot ask for
  /// an absurd allocation.
  public static let maximumPixelBytes = 1 << 30

  /// Decodes PNG bytes; `file` names the source in errors.
  public static func decode(_ bytes: [UInt8], file: String = "<memory>") throws -> RasterImage {
    try labellingErrors(with: file) {
      try bytes.withUnsafeBufferPointer { try decode(buffer: $0) }
    }
  }

  struct Header {
    var width = 0
    var height = 0
    var bitDepth = 0
    var colorType = 0
    var interlaced = false

    var samplesPerPixel: Int { [1, 0, 3, 1, 2, 0, 4][colorType] }
    var bitsPerPixel: Int { samplesPerPixel * bitDepth }
    /// PNG's `bpp`: bytes per complete pixel, at least 1.
    var filterStride: Int { max(1, bitsPerPixel / 8) }
    func rowBytes(width: Int) -> Int { (width * bitsPerPixel + 7) / 8 }

    var mode: PixelMode {
      switch (colorType, bitDepth) {
      case (0, 1): return .bilevel
      case (0, 16): return .gray16
      case (0, _): return .gray
      case (2, _): return .rgb
      case (3, _): return .palette
      case (4, 8): return .grayAlpha
      default: return .rgba
      }
    }
  }

  static func fail(_ kind: ImageDecodingError.Kind, _ detail: String) -> ImageDecodingError {
    ImageDecodingError(file: "<memory>", kind: kind, detail: detail)
  }

  @inline(__always)
  static func readUInt32(_ p: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int {
    Int(p[at]) << 24 | Int(p[at + 1]) << 16 | Int(p[at + 2]) << 8 | Int(p[at + 3])
  }

  static func decode(buffer p: UnsafeBufferPointer<UInt8>) throws -> RasterImage {
    guard p.count >= 8 else {
      throw fail(.truncated, "file has \(p.count) bytes, shorter than the PNG signature")
    }
    guard Array(p[0..<8]) == signature else { throw fail(.badSignature, "not a PNG signature") }
    var header: Header?
    var palette: [UInt8] = []
    var compressed: [UInt8] = []
    var offset = 8
    var sawEnd = false
    while !sawEnd {
      guard offset + 8 <= p.count else {
        throw fail(.truncated, "file ends at byte \(offset) before the IEND chunk")
      }
      let length = readUInt32(p, offset)
      let typeBytes = Array(p[(offset + 4)..<(offset + 8)])
      let type = String(decoding: typeBytes, as: UTF8.self)
      guard length <= 0x7FFF_FFFF, offset + 12 + length <= p.count else {
        throw fail(
          .truncated,
          "chunk \(type) at byte \(offset) declares \(length) bytes but the file ends first")
      }
      let body = UnsafeBufferPointer(rebasing: p[(offset + 8)..<(offset + 8 + length)])
      let storedCRC = UInt32(readUInt32(p, offset + 8 + length))
      let computedCRC = CRC32.checksum(
        UnsafeBufferPointer(rebasing: p[(offset + 4)..<(offset + 8 + length)]))
      guard storedCRC == computedCRC else {
        throw fail(
          .badChecksum,
          "CRC-32 of chunk \(type) at byte \(offset) is \(Inflate.hex(storedCRC)), data gives \(Inflate.hex(computedCRC))"
        )
      }
      offset += 12 + length
      if header == nil && type != "IHDR" {
        throw fail(.malformed, "first chunk is \(type), expected IHDR")
      }
      switch type {
      case "IHDR":
        guard header == nil else { throw fail(.malformed, "second IHDR chunk") }
        header = try parseHeader(body)
      case "PLTE":
        guard length % 3 == 0, length > 0, length <= 768 else {
          throw fail(
            .malformed, "PLTE chunk of \(length) bytes, expected a multiple of 3 up to 768")
        }
        palette = Array(body)
      case "IDAT":
        compressed.append(contentsOf: body)
      case "IEND":
        sawEnd = true
      default:
        // Bit 5 of the first byte clear means a critical chunk this decoder must understand.
        if typeBytes[0] & 0x20 == 0 { throw fail(.unsupported, "critical chunk \(type)") }
      }
    }
    guard let header else { throw fail(.malformed, "no IHDR chunk") }
    guard !compressed.isEmpty else { throw fail(.malformed, "no IDAT chunk") }
    if header.colorType == 3 && palette.isEmpty {
      throw fail(.malformed, "palette image without PLTE chunk")
    }
    return try decodePixels(
      header: header, compressed: compressed, palette: header.colorType == 3 ? palette : [])
  }

  static func parseHeader(_ body: UnsafeBufferPointer<UInt8>) throws -> Header {
    guard body.count == 13 else {
      throw fail(.malformed, "IHDR has \(body.count) bytes, expected 13")
    }
    var h = Header()
    h.width = readUInt32(body, 0)
    h.height = readUInt32(body, 4)
    h.bitDepth = Int(body[8])
    h.colorType = Int(body[9])
    guard h.width > 0, h.height > 0, h.width <= 0x7FFF_FFFF, h.height <= 0x7FFF_FFFF else {
      throw fail(.malformed, "image size \(h.width)×\(h.height), expected positive sizes")
    }
    let allowed: [Int: [Int]] = [
      0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16],
    ]
    guard let depths = allowed[h.colorType] else {
      throw fail(.malformed, "colour type \(h.colorType), expected 0, 2, 3, 4 or 6")
    }
    guard depths.contains(h.bitDepth) else {
      throw fail(
        .unsupported,
        "bit depth \(h.bitDepth) for colour type \(h.colorType), expected one of \(depths)")
    }
    guard body[10] == 0 else { throw fail(.unsupported, "compression method \(body[10])") }
    guard body[11] == 0 else { throw fail(.unsupported, "filter method \(body[11])") }
    guard body[12] <= 1 else {
      throw fail(.malformed, "interlace method \(body[12]), expected 0 or 1")
    }
    h.interlaced = body[12] == 1
    let (pixelCount, overflow) = h.width.multipliedReportingOverflow(by: h.height)
    guard !overflow, pixelCount <= maximumPixelBytes / max(1, h.mode.bytesPerPixel) else {
      throw fail(
        .unsupported, "image of \(h.width)×\(h.height) pixels is larger than this decoder accepts")
    }
    return h
  }

  /// Adam7 passes: (x start, y start, x step, y step).
  static let adam7: [(Int, Int, Int, Int)] = [
    (0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
    (0, 1, 1, 2),
  ]

  static func decodePixels(header h: Header, compressed: [UInt8], palette: [UInt8]) throws
    -> RasterImage
  {
    let passes: [(Int, Int, Int, Int)] = h.interlaced ? adam7 : [(0, 0, 1, 1)]
    var passSizes: [(width: Int, height: Int)] = []
    var expected = 0
    for (x0, y0, dx, dy) in passes {
      let w = h.width > x0 ? (h.width - x0 + dx - 1) / dx : 0
      let ht = h.height > y0 ? (h.height - y0 + dy - 1) / dy : 0
      passSizes.append((w, ht))
      if w > 0 && ht > 0 { expected += ht * (1 + h.rowBytes(width: w)) }
    }
    var raw = try compressed.withUnsafeBufferPointer {
      try Inflate.zlibDecompress($0, expectedSize: expected, limit: expected)
    }
    guard raw.count == expected else {
      throw fail(.truncated, "image data decompresses to \(raw.count) bytes, expected \(expected)")
    }
    let mode = h.mode
    let outBytesPerPixel = mode.bytesPerPixel
    var pixels = [UInt8](repeating: 0, count: h.width * h.height * outBytesPerPixel)
    let widest = passSizes.map(\.width).max() ?? 0
    var scratch = [UInt8](repeating: 0, count: widest * outBytesPerPixel)
    try raw.withUnsafeMutableBufferPointer { rawBuffer in
      try pixels.withUnsafeMutableBufferPointer { out in
        try scratch.withUnsafeMutableBufferPointer { rowPixels in
          guard let base = rawBuffer.baseAddress, let outBase = out.baseAddress,
            let scratchBase = rowPixels.baseAddress
          else { return }
          var offset = 0
          for (pass, (x0, y0, dx, dy)) in passes.enumerated() {
            let (w, ht) = passSizes[pass]
            if w == 0 || ht == 0 { continue }
            let rowBytes = h.rowBytes(width: w)
            var previous: UnsafePointer<UInt8>? = nil
            for r in 0..<ht {
              let filterByte = base[offset]
              guard let filter = PNGFilter(rawValue: filterByte) else {
                throw fail(.malformed, "row \(r) has filter type \(filterByte), expected 0...4")
              }
              let row = base + offset + 1
              PNGFilter.unfilter(
                filter, row: row, previous: previous, count: rowBytes, bytesPerPixel: h.filterStride
              )
              previous = UnsafePointer(row)
              offset += 1 + rowBytes
              let y = y0 + r * dy
              if dx == 1 {
                unpackRow(
                  header: h, row: row, width: w, into: outBase + y * h.width * outBytesPerPixel)
              } else {
                unpackRow(header: h, row: row, width: w, into: scratchBase)
                for c in 0..<w {
                  let target = outBase + (y * h.width + x0 + c * dx) * outBytesPerPixel
                  target.update(from: scratchBase + c * outBytesPerPixel, count: outBytesPerPixel)
                }
              }
            }
          }
        }
      }
    }
    return RasterImage(
      width: h.width, height: h.height, mode: mode, sourceBitDepth: h.bitDepth, pixels: pixels,
      palette: palette)
  }

  /// Converts one unfiltered scanline of `width` pixels into Pillow's layout for the mode.
  static func unpackRow(
    header h: Header, row: UnsafeMutablePointer<UInt8>, width: Int,
    into out: UnsafeMutablePointer<UInt8>
  ) {
    switch h.bitDepth {
    case 1, 2, 4:
      let depth = h.bitDepth
      let mask = (1 << depth) - 1
      // Gray levels of 2- and 4-bit images are scaled to 0...255; 1-bit gray and palette
      // indices stay as they are.
      let scale: Int = (h.colorType == 0 && depth > 1) ? 255 / mask : 1
      for x in 0..<width {
        let bit = x * depth
        let value = (Int(row[bit >> 3]) >> (8 - depth - (bit & 7))) & mask
        out[x] = UInt8(truncatingIfNeeded: value * scale)
      }
    case 8:
      out.update(from: row, count: width * h.samplesPerPixel)
    default:
      switch h.colorType {
      case 0:
        // Big-endian in the file, little-endian in Pillow's I;16.
        for x in 0..<width {
          out[2 * x] = row[2 * x + 1]
          out[2 * x + 1] = row[2 * x]
        }
      case 4:
        // Pillow opens 16-bit gray+alpha as RGBA from the high bytes.
        for x in 0..<width {
          let gray = row[4 * x]
          out[4 * x] = gray
          out[4 * x + 1] = gray
          out[4 * x + 2] = gray
          out[4 * x + 3] = row[4 * x + 2]
        }
      default:
        for i in 0..<(width * h.samplesPerPixel) { out[i] = row[2 * i] }
      }
    }
  }
}
