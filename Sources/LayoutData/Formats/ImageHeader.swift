// LayoutLab — the pixel size of a PNG or TIFF page from its header, without decoding pixels.

import Foundation

/// Reads page sizes from image headers; the readers need them to normalise boxes.
public enum ImageHeader {
  /// The width and height in pixels of the PNG or TIFF file at `url`.
  ///
  /// Throws `DataFormatError` naming the file when the header is truncated or not PNG/TIFF.
  public static func pixelSize(of url: URL) throws -> (width: Int, height: Int) {
    if case .other(let kind) = listedFileKind(url) {
      throw DataEnvironmentError("cannot open image \(url.path): found \(kind)")
    }
    let handle: FileHandle
    do {
      handle = try FileHandle(forReadingFrom: url)
    } catch {
      throw DataEnvironmentError("cannot open image \(url.path): \(error.localizedDescription)")
    }
    defer { try? handle.close() }
    let head = try read(handle, count: 64 * 1024, file: url.path)
    if head.count >= 8, head[0..<8].elementsEqual([137, 80, 78, 71, 13, 10, 26, 10]) {
      return try pngSize(head, file: url.path)
    }
    if head.count >= 8, head[0] == head[1], head[0] == 0x49 || head[0] == 0x4D {
      let bigEndian = head[0] == 0x4D
      let offset = UInt64(readUInt32(head, 4, bigEndian: bigEndian))
      // The first IFD may sit anywhere, often after the pixel data: read it where it is.
      do {
        try handle.seek(toOffset: offset)
      } catch {
        throw DataFormatError(
          file: url.path, entry: "first IFD offset \(offset)", expected: "inside the file")
      }
      let directory = try read(handle, count: 2 + 12 * 4096, file: url.path)
      return try tiffSize(directory, bigEndian: bigEndian, file: url.path)
    }
    throw DataFormatError(file: url.path, entry: "header", expected: "a PNG or TIFF signature")
  }

  /// Up to `count` bytes from `handle`'s position; an I/O error names `file`.
  private static func read(_ handle: FileHandle, count: Int, file: String) throws -> [UInt8] {
    do {
      return [UInt8](try handle.read(upToCount: count) ?? Data())
    } catch {
      throw DataEnvironmentError("cannot read image \(file): \(error.localizedDescription)")
    }
  }

  static func pngSize(_ bytes: [UInt8], file: String) throws -> (width: Int, height: Int) {
    guard bytes.count >= 24, bytes[12...15].elementsEqual(Array("IHDR".utf8)) else {
      throw DataFormatError(file: file, entry: "IHDR chunk", expected: "IHDR right after signature")
    }
    let width = Int(readUInt32(bytes, 16, bigEndian: true))
    let height = Int(readUInt32(bytes, 20, bigEndian: true))
    guard width > 0, height > 0 else {
      throw DataFormatError(file: file, entry: "IHDR", expected: "a positive width and height")
    }
    _ = try PixelLimits.checked(width, file: file, entry: "IHDR width")
    _ = try PixelLimits.checked(height, file: file, entry: "IHDR height")
    return (width, height)
  }

  /// Width and height from a TIFF image file directory that starts at `bytes[0]`.
  static func tiffSize(_ bytes: [UInt8], bigEndian: Bool, file: String) throws -> (
    width: Int, height: Int
  ) {
    let offset = 0
    guard offset + 2 <= bytes.count else {
      throw DataFormatError(
        file: file, entry: "first IFD", expected: "an entry count (file truncated)")
    }
    let count = Int(readUInt16(bytes, offset, bigEndian: bigEndian))
    var width = 0
    var height = 0
    for index in 0..<count {
      let entry = offset + 2 + 12 * index
      guard entry + 12 <= bytes.count else {
        throw DataFormatError(file: file, entry: "IFD entry \(index)", expected: "12 bytes")
      }
      let tag = readUInt16(bytes, entry, bigEndian: bigEndian)
      let type = readUInt16(bytes, entry + 2, bigEndian: bigEndian)
      // SHORT values sit in the first two bytes of the value field; LONG in all four.
      let value =
        type == 3
        ? Int(readUInt16(bytes, entry + 8, bigEndian: bigEndian))
        : Int(readUInt32(bytes, entry + 8, bigEndian: bigEndian))
      if tag == 256 { width = value }
      if tag == 257 { height = value }
    }
    guard width > 0, height > 0 else {
      throw DataFormatError(
        file: file, entry: "ImageWidth/ImageLength tags", expected: "positive values")
    }
    _ = try PixelLimits.checked(width, file: file, entry: "ImageWidth tag")
    _ = try PixelLimits.checked(height, file: file, entry: "ImageLength tag")
    return (width, height)
  }

  private static func readUInt16(_ bytes: [UInt8], _ at: Int, bigEndian: Bool) -> UInt16 {
    let a = UInt16(bytes[at])
    let b = UInt16(bytes[at + 1])
    return bigEndian ? (a << 8 | b) : (b << 8 | a)
  }

  private static func readUInt32(_ bytes: [UInt8], _ at: Int, bigEndian: Bool) -> UInt32 {
    var result: UInt32 = 0
    for index in 0..<4 {
      let byte = UInt32(bytes[at + (bigEndian ? index : 3 - index)])
      result = result << 8 | byte
    }
    return result
  }
}
