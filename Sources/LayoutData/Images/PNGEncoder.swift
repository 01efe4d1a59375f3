// LayoutLab — PNG encoding with our own DEFLATE, for every pixel mode the decoder produces.

import Foundation

/// PNG encoding. Each mode is written so that `PNGDecoder` (and Pillow) reads back the very
/// same pixels: `.gray` and `.gray16` as gray (8/16-bit), `.bilevel` as 1-bit gray, `.rgb`,
/// `.rgba`, `.grayAlpha` as their colour types and `.palette` as 8-bit indexed with PLTE.
/// Rows are filtered with the per-row filter of smallest absolute sum (libpng's heuristic).
public enum PNGEncoder {
  /// PNG bytes for `image`. Throws `.invalidImage` when the pixel count or palette does not
  /// fit the header.
  public static func encode(_ image: RasterImage) throws -> [UInt8] {
    let (colorType, bitDepth): (UInt8, UInt8)
    switch image.mode {
    case .bilevel: (colorType, bitDepth) = (0, 1)
    case .gray: (colorType, bitDepth) = (0, 8)
    case .gray16: (colorType, bitDepth) = (0, 16)
    case .rgb: (colorType, bitDepth) = (2, 8)
    case .palette: (colorType, bitDepth) = (3, 8)
    case .grayAlpha: (colorType, bitDepth) = (4, 8)
    case .rgba: (colorType, bitDepth) = (6, 8)
    }
    let (pixelCount, overflow) = image.width.multipliedReportingOverflow(by: image.height)
    guard image.width > 0, image.height > 0, image.width <= 0x7FFF_FFFF,
      image.height <= 0x7FFF_FFFF, !overflow, pixelCount <= PNGDecoder.maximumPixelBytes,
      image.pixels.count == pixelCount * image.mode.bytesPerPixel
    else {
      throw ImageDecodingError(
        file: "<memory>", kind: .invalidImage,
        detail:
          "\(image.width)×\(image.height) \(image.mode.rawValue) image with \(image.pixels.count) pixel bytes"
      )
    }
    if image.mode == .palette {
      guard image.palette.count % 3 == 0, (3...768).contains(image.palette.count) else {
        throw ImageDecodingError(
          file: "<memory>", kind: .invalidImage,
          detail: "palette of \(image.palette.count) bytes, expected 1...256 RGB triples")
      }
    }
    let rows = fileRows(image)
    let filtered = filterRows(
      rows.bytes, height: image.height, rowBytes: rows.rowBytes, bytesPerPixel: rows.filterStride)
    var png = PNGDecoder.signature
    var header: [UInt8] = []
    appendUInt32(UInt32(image.width), to: &header)
    appendUInt32(UInt32(image.height), to: &header)
    header += [bitDepth, colorType, 0, 0, 0]
    appendChunk("IHDR", header, to: &png)
    if image.mode == .palette { appendChunk("PLTE", image.palette, to: &png) }
    appendChunk("IDAT", Deflate.zlibCompress(filtered), to: &png)
    appendChunk("IEND", [], to: &png)
    return png
  }

  /// PNG bytes for an 8-bit gray page.
  public static func encode(_ page: GrayImage) throws -> [UInt8] {
    try encode(page.raster)
  }

  /// Writes `image` as a PNG file at `url`.
  public static func write(_ image: RasterImage, to url: URL) throws {
    try Data(encode(image)).write(to: url)
  }

  /// The raw scanlines as the file stores them (bit-packed or big-endian where needed).
  static func fileRows(_ image: RasterImage) -> (bytes: [UInt8], rowBytes: Int, filterStride: Int) {
    let w = image.width
    switch image.mode {
    case .bilevel:
      let rowBytes = (w + 7) / 8
      var packed = [UInt8](repeating: 0, count: rowBytes * image.height)
      image.pixels.withUnsafeBufferPointer { src in
        packed.withUnsafeMutableBufferPointer { dst in
          for y in 0..<image.height {
            for x in 0..<w where src[y * w + x] != 0 {
              dst[y * rowBytes + x >> 3] |= 0x80 >> UInt8(x & 7)
            }
          }
        }
      }
      return (packed, rowBytes, 1)
    case .gray16:
      var swapped = image.pixels
      swapped.withUnsafeMutableBufferPointer { p in
        var i = 0
        while i + 1 < p.count {
          p.swapAt(i, i + 1)
          i += 2
        }
      }
      return (swapped, 2 * w, 2)
    default:
      let bpp = image.mode.bytesPerPixel
      return (image.pixels, w * bpp, bpp)
    }
  }

  /// Filter byte plus filtered row for every row, choosing per row the filter whose output
  /// has the smallest sum of absolute values (bytes read as signed).
  /// Up first: on pages most rows repeat the one above and score 0, which ends the search.
  static let tryOrder: [PNGFilter] = [.up, .sub, .paeth, .average, .none]

  static func filterRows(_ raw: [UInt8], height: Int, rowBytes: Int, bytesPerPixel: Int) -> [UInt8]
  {
    var out = [UInt8](repeating: 0, count: height * (rowBytes + 1))
    var candidate = [UInt8](repeating: 0, count: rowBytes)
    raw.withUnsafeBufferPointer { src in
      out.withUnsafeMutableBufferPointer { dst in
        candidate.withUnsafeMutableBufferPointer { scratch in
          guard let base = src.baseAddress, let target = dst.baseAddress,
            let work = scratch.baseAddress
          else { return }
          for y in 0..<height {
            let row = base + y * rowBytes
            let previous: UnsafePointer<UInt8>? = y > 0 ? base + (y - 1) * rowBytes : nil
            let line = target + y * (rowBytes + 1)
            var bestScore = Int.max
            for filter in tryOrder {
              let score = PNGFilter.filter(
                filter, row: row, previous: previous, count: rowBytes,
                bytesPerPixel: bytesPerPixel, into: work)
              if score < bestScore {
                bestScore = score
                line[0] = filter.rawValue
                (line + 1).update(from: work, count: rowBytes)
              }
              if score == 0 { break }
            }
          }
        }
      }
    }
    return out
  }

  static func appendUInt32(_ value: UInt32, to bytes: inout [UInt8]) {
    bytes += [
      UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF),
      UInt8(value & 0xFF),
    ]
  }

  static func appendChunk(_ type: String, _ body: [UInt8], to png: inout [UInt8]) {
    appendUInt32(UInt32(body.count), to: &png)
    let typeAndBody = Array(type.utf8) + body
    png += typeAndBody
    appendUInt32(CRC32.checksum(typeAndBody), to: &png)
  }
}
