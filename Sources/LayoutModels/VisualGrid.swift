// LayoutLab — the visual grid: how many visual tokens a LayoutLMv2 page image becomes.

import Foundation

/// The visual grid `Gh × Gw`: the backbone's feature map `[B, C, h, w]` is average-pooled to
/// `[B, C, height, width]`, one visual token per cell (V = height · width, row-major).
///
/// Checked once, where it is made: each side is in `VisualGrid.allowedSides` (1...14). The spec's
/// `model.grid` and the model configuration both hold this type; it encodes as `[height, width]`
/// (the spec's form), and the configuration writes it into HF's `image_feature_pool_shape`
/// `[Gh, Gw, C]` only in its checkpoint coding keys.
public struct VisualGrid: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The sides a grid may have.
  public static let allowedSides = 1...14
  /// What a grid must be, for error messages: `[Gh, Gw] with each in 1...14`.
  public static let requirement = "[Gh, Gw] with each in \(allowedSides)"
  /// The papers' (and HF's) grid, 7×7: the default of every model configuration.
  public static let standard = VisualGrid(checkedHeight: 7, width: 7)

  /// Rows of visual tokens (Gh).
  public let height: Int
  /// Columns of visual tokens (Gw).
  public let width: Int

  /// A grid of `height × width` visual tokens; nil unless both sides are in `allowedSides`.
  public init?(height: Int, width: Int) {
    guard Self.allowedSides.contains(height), Self.allowedSides.contains(width) else {
      return nil
    }
    self.init(checkedHeight: height, width: width)
  }

  /// A grid from `[height, width]`; throws unless it has two sides in `allowedSides`.
  public init(_ sides: [Int]) throws {
    guard sides.count == 2, let grid = VisualGrid(height: sides[0], width: sides[1]) else {
      throw ModelConfigurationError.invalid(
        field: "grid", expected: "\(Self.requirement), not \(sides)")
    }
    self = grid
  }

  private init(checkedHeight height: Int, width: Int) {
    self.height = height
    self.width = width
  }

  /// The number of visual tokens V = height · width.
  public var count: Int { height * width }

  /// `[height, width]`, the spec's form.
  public var sides: [Int] { [height, width] }

  /// E.g. `4×4` (height × width).
  public var description: String { "\(height)×\(width)" }

  /// Reads `[height, width]`.
  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    let sides = try container.decode([Int].self)
    do { try self.init(sides) } catch {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error)")
    }
  }

  /// Writes `[height, width]` (the form in every run's configuration hash: keep it).
  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(sides)
  }
}
