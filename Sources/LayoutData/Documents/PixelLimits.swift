// LayoutLab — the range of pixel numbers (page sides, box coordinates) that readers accept.

/// Page sides and box coordinates read from files must lie within these bounds; anything
/// larger is refused where it is read, so no sum or conversion of such numbers can overflow.
public enum PixelLimits {
  /// The largest page side and the largest absolute box coordinate or extent, in pixels
  /// (1,048,576: the TIFF decoder's limit, far beyond any scanned page).
  public static let maximum = 1 << 20

  /// `value` when it lies in `0...maximum` (or `-maximum...maximum` with `allowNegative`),
  /// else a `DataFormatError` naming `file`, `entry` and the value.
  public static func checked(
    _ value: Int, file: String, entry: String, allowNegative: Bool = false
  ) throws -> Int {
    let lower = allowNegative ? -maximum : 0
    guard value >= lower, value <= maximum else {
      throw DataFormatError(
        file: file, entry: entry, expected: "a pixel value in \(lower)...\(maximum), found \(value)"
      )
    }
    return value
  }

  /// `value` when it is finite and lies in `0...maximum` (or `-maximum...maximum`), else a
  /// `DataFormatError` naming `file`, `entry` and the value.
  public static func checked(
    _ value: Double, file: String, entry: String, allowNegative: Bool = false
  ) throws -> Double {
    let lower = allowNegative ? -Double(maximum) : 0
    guard value.isFinite, value >= lower, value <= Double(maximum) else {
      throw DataFormatError(
        file: file, entry: entry,
        expected: "a pixel value in \(Int(lower))...\(maximum), found \(value)")
    }
    return value
  }
}
