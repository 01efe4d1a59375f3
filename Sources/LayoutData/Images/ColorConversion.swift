// LayoutLab — conversions to 8-bit gray and to RGB with Pillow's integer arithmetic.

extension RasterImage {
  /// Pillow's ITU-R 601-2 luma in 16-bit fixed point (`Convert.c`, `L24(rgb) >> 16`): the
  /// weights 19595, 38470 and 7471 sum to 65536 and 0x8000 rounds halves up, so gray pixels
  /// keep their exact level.
  @inline(__always)
  static func luma(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
    UInt8(truncatingIfNeeded: (Int(r) * 19595 + Int(g) * 38470 + Int(b) * 7471 + 0x8000) >> 16)
  }

  /// The image as 8-bit gray, exactly as Pillow's `convert("L")` gives it:
  /// RGB(A) and palette colours through the fixed-point luma (alpha dropped); bilevel 0/1 to
  /// 0/255; gray+alpha keeps the gray; 16-bit gray clips to 255 when the high byte is set
  /// (Pillow's `I16L_L`). Palette indices with no palette entry count as black.
  public func convertedToGray() -> GrayImage {
    if mode == .gray { return GrayImage(width: width, height: height, pixels: pixels) }
    let count = width * height
    var gray = [UInt8](repeating: 0, count: count)
    let bpp = mode.bytesPerPixel
    pixels.withUnsafeBufferPointer { src in
      gray.withUnsafeMutableBufferPointer { dst in
        guard src.count >= count * bpp else { return }
        switch mode {
        case .gray:
          break  // returned above
        case .bilevel:
          for i in 0..<count { dst[i] = src[i] != 0 ? 255 : 0 }
        case .gray16:
          for i in 0..<count { dst[i] = src[2 * i + 1] != 0 ? 255 : src[2 * i] }
        case .grayAlpha:
          for i in 0..<count { dst[i] = src[2 * i] }
        case .rgb, .rgba:
          for i in 0..<count {
            dst[i] = RasterImage.luma(src[bpp * i], src[bpp * i + 1], src[bpp * i + 2])
          }
        case .palette:
          var table = [UInt8](repeating: 0, count: 256)
          for entry in 0..<min(256, palette.count / 3) {
            table[entry] = RasterImage.luma(
              palette[3 * entry], palette[3 * entry + 1], palette[3 * entry + 2])
          }
          for i in 0..<count { dst[i] = table[Int(src[i])] }
        }
      }
    }
    return GrayImage(width: width, height: height, pixels: gray)
  }

  /// The image as 8-bit RGB (mode `.rgb`), as Pillow's `convert("RGB")` gives it: gray levels
  /// replicated, palette indices looked up, alpha dropped. 16-bit gray goes through
  /// `convertedToGray()` first.
  public func convertedToRGB() -> RasterImage {
    let count = width * height
    var rgb = [UInt8](repeating: 0, count: count * 3)
    switch mode {
    case .rgb:
      return self
    case .rgba:
      pixels.withUnsafeBufferPointer { src in
        rgb.withUnsafeMutableBufferPointer { dst in
          guard src.count >= count * 4 else { return }
          for i in 0..<count {
            dst[3 * i] = src[4 * i]
            dst[3 * i + 1] = src[4 * i + 1]
            dst[3 * i + 2] = src[4 * i + 2]
          }
        }
      }
    case .palette:
      var table = [UInt8](repeating: 0, count: 768)
      for i in 0..<min(768, palette.count) { table[i] = palette[i] }
      pixels.withUnsafeBufferPointer { src in
        rgb.withUnsafeMutableBufferPointer { dst in
          guard src.count >= count else { return }
          for i in 0..<count {
            let entry = 3 * Int(src[i])
            dst[3 * i] = table[entry]
            dst[3 * i + 1] = table[entry + 1]
            dst[3 * i + 2] = table[entry + 2]
          }
        }
      }
    case .gray, .bilevel, .grayAlpha, .gray16:
      let gray = convertedToGray().pixels
      gray.withUnsafeBufferPointer { src in
        rgb.withUnsafeMutableBufferPointer { dst in
          for i in 0..<count {
            dst[3 * i] = src[i]
            dst[3 * i + 1] = src[i]
            dst[3 * i + 2] = src[i]
          }
        }
      }
    }
    return RasterImage(width: width, height: height, mode: .rgb, pixels: rgb)
  }
}
