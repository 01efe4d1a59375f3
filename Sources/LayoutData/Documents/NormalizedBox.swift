// LayoutLab — boxes normalised to the 0...1000 grid that LayoutLM's 2-D embeddings index.

/// A box on the 0...1000 grid: `int(1000 * x / W)` with truncation toward zero.
public struct NormalizedBox: Hashable, Sendable {
  /// Left edge, 0...1000.
  public var x0: Int32
  /// Top edge, 0...1000.
  public var y0: Int32
  /// Right edge, 0...1000.
  public var x1: Int32
  /// Bottom edge, 0...1000.
  public var y1: Int32

  /// Creates a box from grid coordinates.
  public init(x0: Int32, y0: Int32, x1: Int32, y1: Int32) {
    self.x0 = x0
    self.y0 = y0
    self.x1 = x1
    self.y1 = y1
  }

  /// The box `[0, 0, 0, 0]` of [CLS], [PAD] and QA question tokens.
  public static let zeros = NormalizedBox(x0: 0, y0: 0, x1: 0, y1: 0)
  /// The box `[1000, 1000, 1000, 1000]` of [SEP] in LayoutLM v1 and the HF tokenizers.
  public static let thousands = NormalizedBox(x0: 1000, y0: 1000, x1: 1000, y1: 1000)

  /// The four coordinates as `[x0, y0, x1, y1]`.
  public var coordinates: [Int32] { [x0, y0, x1, y1] }
}

/// How many boxes needed fixing during normalisation.
public struct BoxClampCounts: Hashable, Sendable, Codable {
  /// Boxes with a coordinate outside the page (or not finite), clamped to 0...1000.
  public var outOfPage: Int = 0
  /// Boxes with x1 < x0 or y1 < y0; the far edge is clamped to the near one.
  public var inverted: Int = 0

  /// Creates zero counts.
  public init() {}

  /// Adds another set of counts.
  public mutating func add(_ other: BoxClampCounts) {
    outOfPage += other.outOfPage
    inverted += other.inverted
  }
}

/// Normalises pixel boxes by a page size, clamping bad boxes and counting them.
public struct BoxNormalizer: Sendable {
  /// Page width in pixels (W in `int(1000 * x / W)`).
  public let pageWidth: Int
  /// Page height in pixels.
  public let pageHeight: Int
  /// What had to be fixed so far.
  public private(set) var counts = BoxClampCounts()

  /// Creates a normaliser for one page; a non-positive size throws, naming `source`.
  public init(pageWidth: Int, pageHeight: Int, source: String) throws {
    guard pageWidth > 0, pageHeight > 0 else {
      throw DataFormatError(
        file: source, entry: "page size \(pageWidth)×\(pageHeight)",
        expected: "a positive width and height")
    }
    self.pageWidth = pageWidth
    self.pageHeight = pageHeight
  }

  /// `int(1000 * value / extent)` in float64, truncated toward zero, or `nil` when out of range.
  @inline(__always)
  static func scale(_ value: Double, _ extent: Int) -> Int32? {
    let scaled = (1000.0 * value / Double(extent)).rounded(.towardZero)
    guard scaled.isFinite, scaled >= 0, scaled <= 1000 else { return nil }
    return Int32(scaled)
  }

  @inline(__always)
  static func clampedScale(_ value: Double, _ extent: Int) -> Int32 {
    let scaled = (1000.0 * value / Double(extent)).rounded(.towardZero)
    if scaled.isNaN || scaled < 0 { return 0 }
    if scaled > 1000 { return 1000 }
    return Int32(scaled)
  }

  /// The normalised box; out-of-page coordinates are clamped to 0...1000 and an inverted box
  /// gets its far edge moved onto its near edge. Both are counted in `counts`.
  public mutating func normalize(_ box: BoundingBox) -> NormalizedBox {
    var outside = false
    @inline(__always) func coordinate(_ value: Double, _ extent: Int) -> Int32 {
      if let scaled = Self.scale(value, extent) { return scaled }
      outside = true
      return Self.clampedScale(value, extent)
    }
    var result = NormalizedBox(
      x0: coordinate(box.x0, pageWidth), y0: coordinate(box.y0, pageHeight),
      x1: coordinate(box.x1, pageWidth), y1: coordinate(box.y1, pageHeight))
    if outside { counts.outOfPage += 1 }
    if result.x1 < result.x0 || result.y1 < result.y0 {
      counts.inverted += 1
      result.x1 = max(result.x1, result.x0)
      result.y1 = max(result.y1, result.y0)
    }
    return result
  }

}
