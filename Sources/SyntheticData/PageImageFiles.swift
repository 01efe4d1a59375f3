// LayoutLab — writes generated pages through LayoutData's PNG and TIFF encoders.

import Foundation
import LayoutData

/// The bridge from a `PageCanvas` to image files on disk.
enum PageImageFiles {
  /// The canvas as a LayoutData gray image.
  static func grayImage(_ canvas: PageCanvas) -> GrayImage {
    GrayImage(width: canvas.width, height: canvas.height, pixels: canvas.pixels)
  }

  /// Writes `canvas` as an 8-bit gray PNG at `url`, creating the folder.
  static func writePNG(_ canvas: PageCanvas, to url: URL) throws {
    try write(try PNGEncoder.encode(grayImage(canvas)), to: url)
  }

  /// Writes `canvas` as an 8-bit gray PackBits TIFF (as RVL-CDIP stores pages) at `url`.
  static func writeTIFF(_ canvas: PageCanvas, to url: URL) throws {
    let image = RasterImage(
      width: canvas.width, height: canvas.height, mode: .gray, pixels: canvas.pixels)
    try write(try TIFFEncoder.encode(image, compression: .packBits), to: url)
  }

  /// Writes bytes, creating parent folders; errors name the file.
  static func write(_ bytes: [UInt8], to url: URL) throws {
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    } catch {
      throw SynthesisError.io(path: url.path, reason: "cannot write: \(error.localizedDescription)")
    }
  }
}
