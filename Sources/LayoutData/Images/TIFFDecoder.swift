// LayoutLab — baseline TIFF decoding (first page): strips, uncompressed or PackBits; 1-bit
// bilevel, 8-bit gray (either photometric), gray+alpha, RGB, RGBA and 8-bit palette.

/// Baseline TIFF decoding, little- or big-endian, into the layout Pillow gives
/// (`WhiteIsZero` pages are inverted to `BlackIsZero`, 1-bit pages become 0/1 bytes with 1 white).
public enum TIFFDecoder {
  /// Decodes the first image of TIFF bytes; `file` names the source in errors.
  public static func decode(_ bytes: [UInt8], file: String = "<memory>") throws -> RasterImage {
    try labellingErrors(with: file) {
      try bytes.withUnsafeBufferPointer { try decode(buffer: $0) }
    }
  }

  static func fail(_ kind: ImageDecodingError.Kind, _ detail: String) -> ImageDecodingError {
    ImageDecodingError(file: "<memory>", kind: kind, detail: detail)
  }

  /// Reads integers in the file's byte order, with bounds checks.
  struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    let bigEndian: Bool

    func uint16(_ at: Int) throws -> Int {
      guard at >= 0, at + 2 <= bytes.count else {
        throw fail(.truncated, "file ends inside a 16-bit field at byte \(at)")
      }
      let a = Int(bytes[at])
      let b = Int(bytes[at + 1])
      return bigEndian ? a << 8 | b : b << 8 | a
    }

    func uint32(_ at: Int) throws -> Int {
      guard at >= 0, at + 4 <= bytes.count else {
        throw fail(.truncated, "file ends inside a 32-bit field at byte \(at)")
      }
      let hi = try uint16(bigEndian ? at : at + 2)
      let lo = try uint16(bigEndian ? at + 2 : at)
      return hi << 16 | lo
    }
  }

  /// The integer values of one IFD entry (BYTE, SHORT or LONG; RATIONAL gives numerators).
  static func values(_ r: Reader, entry: Int, tag: Int) throws -> [Int] {
    let type = try r.uint16(entry + 2)
    let count = try r.uint32(entry + 4)
    let size: Int
    switch type {
    case 1, 2, 6, 7: size = 1
    case 3, 8: size = 2
    case 4, 9, 11: size = 4
    case 5, 10, 12: size = 8
    default: throw fail(.malformed, "tag \(tag) has field type \(type), expected 1...12")
    }
    guard count <= r.bytes.count else {
      throw fail(.truncated, "tag \(tag) declares \(count) values, more than the file holds")
    }
    let start = count * size <= 4 ? entry + 8 : try r.uint32(entry + 8)
    guard start + count * size <= r.bytes.count else {
      throw fail(.truncated, "values of tag \(tag) lie past the end of the file")
    }
    var result: [Int] = []
    result.reserveCapacity(count)
    for i in 0..<count {
      let at = start + i * size
      switch size {
      case 1: result.append(Int(r.bytes[at]))
      case 2: result.append(try r.uint16(at))
      default: result.append(try r.uint32(at))
      }
    }
    return result
  }

  static func decode(buffer p: UnsafeBufferPointer<UInt8>) throws -> RasterImage {
    guard p.count >= 8 else {
      throw fail(.truncated, "file has \(p.count) bytes, shorter than a TIFF header")
    }
    let bigEndian: Bool
    switch (p[0], p[1]) {
    case (0x49, 0x49): bigEndian = false
    case (0x4D, 0x4D): bigEndian = true
    default: throw fail(.badSignature, "not a TIFF byte-order mark")
    }
    let r = Reader(bytes: p, bigEndian: bigEndian)
    guard try r.uint16(2) == 42 else { throw fail(.badSignature, "TIFF magic number is not 42") }
    let ifd = try r.uint32(4)
    let entryCount = try r.uint16(ifd)
    guard ifd + 2 + entryCount * 12 <= p.count else {
      throw fail(
        .truncated, "first IFD (\(entryCount) entries at byte \(ifd)) runs past the end of the file"
      )
    }
    var tags: [Int: [Int]] = [:]
    for i in 0..<entryCount {
      let entry = ifd + 2 + i * 12
      let tag = try r.uint16(entry)
      // Only the tags this decoder uses are read, so unrelated odd tags cannot fail a page.
      if [256, 257, 258, 259, 262, 266, 273, 277, 278, 279, 284, 317, 320].contains(tag) {
        tags[tag] = try values(r, entry: entry, tag: tag)
      }
    }
    func single(_ tag: Int, _ name: String, default value: Int? = nil) throws -> Int {
      if let v = tags[tag]?.first { return v }
      if let value { return value }
      throw fail(.malformed, "required tag \(name) (\(tag)) is missing")
    }
    let width = try single(256, "ImageWidth")
    let height = try single(257, "ImageLength")
    let samples = try single(277, "SamplesPerPixel", default: 1)
    let bits = try single(258, "BitsPerSample", default: 1)
    let compression = try single(259, "Compression", default: 1)
    let photometric = try single(262, "PhotometricInterpretation")
    let rowsPerStrip = max(1, min(try single(278, "RowsPerStrip", default: height), max(height, 1)))
    guard width > 0, height > 0, width <= 1 << 20, height <= 1 << 20 else {
      throw fail(.malformed, "image size \(width)×\(height), expected 1...1048576 each way")
    }
    guard try single(284, "PlanarConfiguration", default: 1) == 1 || samples == 1 else {
      throw fail(.unsupported, "planar configuration 2 (separate planes)")
    }
    guard try single(266, "FillOrder", default: 1) == 1 else {
      throw fail(.unsupported, "fill order 2")
    }
    guard try single(317, "Predictor", default: 1) == 1 else {
      throw fail(.unsupported, "predictor")
    }
    guard compression == 1 || compression == 32773 else {
      throw fail(.unsupported, "compression \(compression); only 1 (none) and 32773 (PackBits)")
    }
    guard tags[258]?.allSatisfy({ $0 == bits }) ?? true else {
      throw fail(.unsupported, "different bits per sample across channels \(tags[258] ?? [])")
    }
    let mode: PixelMode
    switch (photometric, samples, bits) {
    case (0, 1, 1), (1, 1, 1): mode = .bilevel
    case (0, 1, 8), (1, 1, 8): mode = .gray
    case (1, 2, 8): mode = .grayAlpha
    case (2, 3, 8): mode = .rgb
    case (2, 4, 8): mode = .rgba
    case (3, 1, 8): mode = .palette
    default:
      throw fail(
        .unsupported,
        "photometric \(photometric) with \(samples) samples of \(bits) bits; expected bilevel, 8-bit gray, RGB(A) or palette"
      )
    }
    var palette: [UInt8] = []
    if mode == .palette {
      guard let map = tags[320], map.count == 3 * 256 else {
        throw fail(.malformed, "palette image needs a ColorMap (320) of 768 values")
      }
      palette = [UInt8](repeating: 0, count: 768)
      for i in 0..<256 {
        for c in 0..<3 { palette[3 * i + c] = UInt8(truncatingIfNeeded: map[c * 256 + i] >> 8) }
      }
    }
    let rowBytes = (width * samples * bits + 7) / 8
    guard let offsets = tags[273] else {
      throw fail(.malformed, "required tag StripOffsets (273) is missing")
    }
    let stripCount = (height + rowsPerStrip - 1) / rowsPerStrip
    guard offsets.count >= stripCount else {
      throw fail(.malformed, "\(offsets.count) strip offsets for \(stripCount) strips")
    }
    let byteCounts: [Int]
    if let counts = tags[279] {
      byteCounts = counts
    } else if compression == 1 {
      byteCounts = (0..<stripCount).map { min(rowsPerStrip, height - $0 * rowsPerStrip) * rowBytes }
    } else {
      throw fail(.malformed, "required tag StripByteCounts (279) is missing")
    }
    guard byteCounts.count >= stripCount else {
      throw fail(.malformed, "\(byteCounts.count) strip byte counts for \(stripCount) strips")
    }
    guard rowBytes * height <= PNGDecoder.maximumPixelBytes else {
      throw fail(
        .unsupported, "image of \(width)×\(height) pixels is larger than this decoder accepts")
    }
    var raw: [UInt8] = []
    // PackBits expands at most 64-fold, so a lying header cannot force a huge reservation.
    raw.reserveCapacity(min(rowBytes * height, 64 * p.count + 1024))
    for strip in 0..<stripCount {
      let rows = min(rowsPerStrip, height - strip * rowsPerStrip)
      let expected = rows * rowBytes
      let start = offsets[strip]
      let available = max(0, min(byteCounts[strip], p.count - start))
      guard start <= p.count, byteCounts[strip] <= p.count - start else {
        throw fail(
          .truncated,
          "strip \(strip) (\(byteCounts[strip]) bytes at \(start)) runs past the end of the file")
      }
      let data = UnsafeBufferPointer(rebasing: p[start..<(start + available)])
      if compression == 1 {
        guard data.count >= expected else {
          throw fail(.truncated, "strip \(strip) holds \(data.count) bytes, expected \(expected)")
        }
        raw.append(contentsOf: data[0..<expected])
      } else {
        do {
          try PackBits.decode(data, count: expected, appendingTo: &raw)
        } catch let error as ImageDecodingError {
          throw fail(error.kind, "strip \(strip): \(error.detail)")
        }
      }
    }
    let pixels = unpack(
      raw, mode: mode, width: width, height: height, rowBytes: rowBytes,
      whiteIsZero: photometric == 0)
    return RasterImage(
      width: width, height: height, mode: mode, sourceBitDepth: bits, pixels: pixels,
      palette: palette)
  }

  static func unpack(
    _ raw: [UInt8], mode: PixelMode, width: Int, height: Int, rowBytes: Int, whiteIsZero: Bool
  ) -> [UInt8] {
    switch mode {
    case .bilevel:
      var pixels = [UInt8](repeating: 0, count: width * height)
      raw.withUnsafeBufferPointer { src in
        pixels.withUnsafeMutableBufferPointer { dst in
          let on: UInt8 = whiteIsZero ? 0 : 1
          for y in 0..<height {
            for x in 0..<width {
              let bit = (src[y * rowBytes + x >> 3] >> (7 - UInt8(x & 7))) & 1
              dst[y * width + x] = bit == 1 ? on : 1 - on
            }
          }
        }
      }
      return pixels
    case .gray where whiteIsZero:
      return raw.map { 255 - $0 }
    default:
      return raw
    }
  }
}
