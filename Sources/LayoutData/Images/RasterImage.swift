// LayoutLab — decoded images: pixel modes that follow Pillow, and 8-bit gray pages.

/// How the bytes of a `RasterImage` are laid out, named after the Pillow mode they match.
public enum PixelMode: String, Sendable, Equatable, CaseIterable {
  /// Pillow `"1"`: one byte a pixel, 0 (black) or 1 (white).
  case bilevel = "1"
  /// Pillow `"L"`: one byte a pixel, 0...255.
  case gray = "L"
  /// Pillow `"I;16"`: two bytes a pixel, little-endian unsigned 16-bit.
  case gray16 = "I;16"
  /// Pillow `"LA"`: gray then alpha, two bytes a pixel.
  case grayAlpha = "LA"
  /// Pillow `"RGB"`: three bytes a pixel.
  case rgb = "RGB"
  /// Pillow `"RGBA"`: four bytes a pixel.
  case rgba = "RGBA"
  /// Pillow `"P"`: one palette index a pixel; colours in `RasterImage.palette`.
  case palette = "P"

  /// Samples a pixel (1 for palette indices).
  public var channels: Int {
    switch self {
    case .bilevel, .gray, .gray16, .palette: return 1
    case .grayAlpha: return 2
    case .rgb: return 3
    case .rgba: return 4
    }
  }

  /// Bytes a pixel in `RasterImage.pixels`.
  public var bytesPerPixel: Int { self == .gray16 ? 2 : channels }
}

/// A decoded image, laid out the way Pillow holds it (see `PixelMode`).
///
/// `pixels` is row-major `[height, width, bytesPerPixel]` with no row padding, so
/// `SHA256.hash(pixels)` equals the SHA-256 of `numpy.asarray(pillowImage).tobytes()`.
public struct RasterImage: Sendable, Equatable {
  /// Columns.
  public var width: Int
  /// Rows.
  public var height: Int
  /// The pixel layout.
  public var mode: PixelMode
  /// The bits a sample had in the file (1, 2, 4, 8 or 16); informational only.
  public var sourceBitDepth: Int
  /// `[height, width, mode.bytesPerPixel]` bytes.
  public var pixels: [UInt8]
  /// For `.palette`: RGB triples, `[entries, 3]`; empty otherwise.
  public var palette: [UInt8]

  /// An image; `pixels.count` must be `width * height * mode.bytesPerPixel`.
  public init(
    width: Int, height: Int, mode: PixelMode, sourceBitDepth: Int = 8, pixels: [UInt8],
    palette: [UInt8] = []
  ) {
    self.width = width
    self.height = height
    self.mode = mode
    self.sourceBitDepth = sourceBitDepth
    self.pixels = pixels
    self.palette = palette
  }

  /// Samples a pixel.
  public var channels: Int { mode.channels }
  /// Bits a stored sample: 16 for `.gray16`, 8 otherwise (bilevel pixels are stored as bytes).
  public var bitDepth: Int { mode == .gray16 ? 16 : 8 }
  /// The sum of all bytes of `pixels` for 8-bit modes, of all 16-bit values for `.gray16`
  /// (what `numpy.asarray(image).sum()` gives).
  public var pixelSum: Int {
    pixels.withUnsafeBufferPointer { p in
      var total = 0
      if mode == .gray16 {
        var i = 0
        while i + 1 < p.count {
          total += Int(p[i]) | Int(p[i + 1]) << 8
          i += 2
        }
      } else {
        for byte in p { total += Int(byte) }
      }
      return total
    }
  }
}

/// An 8-bit gray page (Pillow mode `"L"`): `pixels` is row-major `[height, width]`.
public struct GrayImage: Sendable, Equatable {
  /// Columns.
  public var width: Int
  /// Rows.
  public var height: Int
  /// `[height, width]` gray levels, 0 black to 255 white.
  public var pixels: [UInt8]

  /// A gray image; `pixels.count` must be `width * height`.
  public init(width: Int, height: Int, pixels: [UInt8]) {
    self.width = width
    self.height = height
    self.pixels = pixels
  }

  /// A `width × height` image filled with one level (255 is a white page).
  public init(width: Int, height: Int, filledWith level: UInt8) {
    self.init(
      width: width, height: height,
      pixels: [UInt8](repeating: level, count: max(0, width) * max(0, height)))
  }

  /// The same pixels as a `RasterImage` in mode `.gray`.
  public var raster: RasterImage {
    RasterImage(width: width, height: height, mode: .gray, pixels: pixels)
  }
}
