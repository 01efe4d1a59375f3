// LayoutLab — the single entry point for reading a page image: PNG or TIFF by magic bytes.

import Foundation

/// Decodes the PNG or TIFF file at `url`, detected from its first bytes.
///
/// Errors are `ImageDecodingError`s whose `file` is the file's path.
public func decodeImage(contentsOf url: URL) throws -> RasterImage {
  let bytes: [UInt8]
  do {
    bytes = [UInt8](try Data(contentsOf: url))
  } catch {
    throw ImageDecodingError(
      file: url.path, kind: .unreadable, detail: "\(error.localizedDescription)")
  }
  return try decodeImage(bytes: bytes, file: url.path)
}

/// Decodes PNG or TIFF bytes, detected from their first bytes; `file` names them in errors.
public func decodeImage(bytes: [UInt8], file: String = "<memory>") throws -> RasterImage {
  if bytes.starts(with: PNGDecoder.signature) {
    return try PNGDecoder.decode(bytes, file: file)
  }
  if bytes.starts(with: [0x49, 0x49, 42, 0]) || bytes.starts(with: [0x4D, 0x4D, 0, 42]) {
    return try TIFFDecoder.decode(bytes, file: file)
  }
  throw ImageDecodingError(
    file: file, kind: .badSignature,
    detail:
      "neither a PNG nor a TIFF signature (first bytes \(bytes.prefix(4).map { String($0) }.joined(separator: " ")))"
  )
}

/// Decodes the PNG or TIFF file at `url` and converts it to 8-bit gray the way Pillow's
/// `convert("L")` does (see `RasterImage.convertedToGray()`).
public func decodeGrayImage(contentsOf url: URL) throws -> GrayImage {
  try decodeImage(contentsOf: url).convertedToGray()
}
