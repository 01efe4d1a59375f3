// LayoutLab — the tensors a forward pass takes, validated before they reach an embedding table.

import Seeding
import TensorCore

/// One batch of model inputs, as flat row-major arrays.
///
/// Shapes: `inputIds`, `attentionMask`, `tokenTypeIds` are `[B, T]`; `bbox` is `[B, T, 4]` as
/// (x0, y0, x1, y1) in 0...1000; `image` is `[B, 3, 224, 224]`, BGR, raw 0...255 values.
public struct ModelInputs: Sendable {
  public var batchSize: Int
  public var sequenceLength: Int
  public var inputIds: [Int32]
  public var bbox: [Int32]
  public var attentionMask: [Int32]
  public var tokenTypeIds: [Int32]
  /// Text position ids `[B, T]`; `nil` means `0..<T` for every row.
  public var positionIds: [Int32]?
  public var image: Tensor?
  /// Per row `[B]`: the row of `image` holding that row's page, when rows share pages (each
  /// page is then stored, and run through the visual backbone, once); nil: row b reads image
  /// row b.
  public var imageRows: [Int32]?
  /// Per row `[B]`: 0 hides that row's visual tokens from attention (a page with no image).
  public var visualAttentionMask: [Int32]?

  /// Creates inputs; masks and token types default to all ones and all zeros.
  public init(
    batchSize: Int, sequenceLength: Int, inputIds: [Int32], bbox: [Int32],
    attentionMask: [Int32]? = nil, tokenTypeIds: [Int32]? = nil, positionIds: [Int32]? = nil,
    image: Tensor? = nil
  ) {
    self.batchSize = batchSize
    self.sequenceLength = sequenceLength
    self.inputIds = inputIds
    self.bbox = bbox
    self.attentionMask = attentionMask ?? [Int32](repeating: 1, count: batchSize * sequenceLength)
    self.tokenTypeIds = tokenTypeIds ?? [Int32](repeating: 0, count: batchSize * sequenceLength)
    self.positionIds = positionIds
    self.image = image
  }

  /// Checks every array's length and every index against the configuration's tables.
  public func validate(for config: LayoutLMConfiguration) throws {
    let n = batchSize * sequenceLength
    func fail(_ field: String, _ expected: String) throws -> Never {
      throw ModelInputError.invalid(field: field, expected: expected)
    }
    if inputIds.count != n {
      try fail("input_ids", "\(n) values ([B=\(batchSize), T=\(sequenceLength)])")
    }
    if bbox.count != 4 * n { try fail("bbox", "\(4 * n) values ([B, T, 4])") }
    if attentionMask.count != n { try fail("attention_mask", "\(n) values") }
    if tokenTypeIds.count != n { try fail("token_type_ids", "\(n) values") }
    if sequenceLength > config.maxPositionEmbeddings {
      try fail(
        "sequence length", "at most max_position_embeddings = \(config.maxPositionEmbeddings)")
    }
    if let bad = inputIds.firstIndex(where: { $0 < 0 || Int($0) >= config.vocabSize }) {
      try fail("input_ids[\(bad)]", "a token id in 0..<\(config.vocabSize), got \(inputIds[bad])")
    }
    if let bad = tokenTypeIds.firstIndex(where: { $0 < 0 || Int($0) >= config.typeVocabSize }) {
      try fail("token_type_ids[\(bad)]", "0..<\(config.typeVocabSize), got \(tokenTypeIds[bad])")
    }
    let limit = Int32(config.max2DPositionEmbeddings)
    for t in 0..<n {
      let (x0, y0, x1, y1) = (bbox[4 * t], bbox[4 * t + 1], bbox[4 * t + 2], bbox[4 * t + 3])
      if min(x0, y0, x1, y1) < 0 || max(x0, y0, x1, y1) >= limit || x1 < x0 || y1 < y0 {
        try fail(
          "bbox[\(t / sequenceLength)][\(t % sequenceLength)]",
          "0 ≤ x0 ≤ x1 < \(limit) and 0 ≤ y0 ≤ y1 < \(limit), got [\(x0), \(y0), \(x1), \(y1)]")
      }
    }
    if let positionIds {
      if positionIds.count != n { try fail("position_ids", "\(n) values") }
      if positionIds.contains(where: { $0 < 0 || Int($0) >= config.maxPositionEmbeddings }) {
        try fail("position_ids", "values in 0..<\(config.maxPositionEmbeddings)")
      }
    }
    if config.usesImage {
      guard let image else {
        try fail("image", "a [B, 3, H, W] tensor: the model reads the page image")
      }
      let pages = imageRows == nil ? batchSize : image.shape.first ?? 0
      if image.rank != 4 || image.shape[0] != pages || image.shape[1] != 3 {
        try fail("image", "shape [\(pages), 3, H, W], got \(image.shape)")
      }
      if let imageRows {
        if imageRows.count != batchSize { try fail("image_rows", "\(batchSize) values ([B])") }
        if let bad = imageRows.first(where: { $0 < 0 || Int($0) >= pages }) {
          try fail("image_rows", "rows of image in 0..<\(pages), got \(bad)")
        }
      }
    }
  }

  /// The text position ids, defaulting to `0..<T` per row.
  var resolvedPositionIds: [Int32] {
    positionIds
      ?? (0..<batchSize).flatMap { _ in (0..<sequenceLength).map { Int32($0) } }
  }
}

/// Inputs that do not fit the model.
public enum ModelInputError: Error, CustomStringConvertible, Equatable {
  case invalid(field: String, expected: String)

  public var description: String {
    switch self {
    case .invalid(let field, let expected): return "model input '\(field)': expected \(expected)"
    }
  }
}

/// Training-time state threaded through a forward pass: dropout on or off, and its stream.
public final class ForwardContext {
  /// Whether dropout is active.
  public var training: Bool
  /// The stream dropout draws from.
  public var generator: SeededGenerator

  /// Creates a context; `training: false` gives deterministic inference with no dropout.
  public init(training: Bool, seed: UInt64 = 0) {
    self.training = training
    self.generator = SeededGenerator(seed: seed, stream: "dropout")
  }

  /// Applies dropout when training.
  func dropout(_ x: Tensor, _ rate: Float) -> Tensor {
    guard training, rate > 0 else { return x }
    return x.dropout(rate: rate, generator: &generator)
  }
}
