// LayoutLab — text and layout embeddings (v1 summed, v2 concatenated) and the visual embedding.

import Seeding
import TensorCore

/// Word, 1-D position, 2-D layout and token-type embeddings, as HF `LayoutLMEmbeddings` and
/// `LayoutLMv2Embeddings` define them (same parameter names).
final class LayoutEmbeddings: ParameterOwner {
  let config: LayoutLMConfiguration
  let word: Embedding
  let position: Embedding
  let x: Embedding
  let y: Embedding
  let h: Embedding
  let w: Embedding
  let tokenType: Embedding
  let norm: LayerNorm
  /// `[2, H]`: not matched / matched (`config.questionMatch`); nil when off.
  let questionMatch: Embedding?

  init(_ config: LayoutLMConfiguration, initializer: inout Initializer) {
    self.config = config
    let hidden = config.hiddenSize
    let coordinate = config.layoutEmbedding == .summed ? hidden : config.coordinateSize
    let shape = config.layoutEmbedding == .summed ? hidden : config.shapeSize
    let rows = config.max2DPositionEmbeddings
    word = Embedding(
      count: config.vocabSize, dimensions: hidden, paddingIndex: 0, initializer: &initializer)
    position = Embedding(
      count: config.maxPositionEmbeddings, dimensions: hidden, initializer: &initializer)
    x = Embedding(count: rows, dimensions: coordinate, initializer: &initializer)
    y = Embedding(count: rows, dimensions: coordinate, initializer: &initializer)
    h = Embedding(count: rows, dimensions: shape, initializer: &initializer)
    w = Embedding(count: rows, dimensions: shape, initializer: &initializer)
    tokenType = Embedding(
      count: config.typeVocabSize, dimensions: hidden, initializer: &initializer)
    norm = LayerNorm(hidden, eps: config.layerNormEps, initializer: initializer)
    // Drawn at random first either way, so the shared stream is the same with the switch on.
    if config.positionInitialization == .sinusoidal {
      for (index, table) in [position, x, y, h, w].enumerated() {
        var mixing = SeededGenerator(seed: UInt64(index), stream: "sinusoid mixing")
        PositionInitialization.fillSinusoidal(table.weight, std: initializer.range, mixing: &mixing)
      }
    }
    // From a stream of its own, so every other parameter starts the same with the switch on
    // or off (the shared stream is peeked at, not advanced).
    if config.questionMatch {
      var peek = initializer.generator
      var own = Initializer(
        generator: SeededGenerator(seed: peek.next(), stream: "question match"),
        range: initializer.range)
      questionMatch = Embedding(count: 2, dimensions: hidden, initializer: &own)
    } else {
      questionMatch = nil
    }
  }

  /// The 2-D layout embedding of boxes `[B, N, 4]` (flat), giving `[B, N, H]`.
  ///
  /// v1 sums `x[x0] + y[y0] + x[x1] + y[y1] + h[y1−y0] + w[x1−x0]`; v2 concatenates the same six
  /// look-ups in exactly that order (`_calc_spatial_position_embeddings`).
  func spatial(_ boxes: [Int32], batch: Int, count: Int) -> Tensor {
    let n = batch * count
    var x0 = [Int32](repeating: 0, count: n)
    var y0 = x0
    var x1 = x0
    var y1 = x0
    var heights = x0
    var widths = x0
    for i in 0..<n {
      x0[i] = boxes[4 * i]
      y0[i] = boxes[4 * i + 1]
      x1[i] = boxes[4 * i + 2]
      y1[i] = boxes[4 * i + 3]
      heights[i] = y1[i] - y0[i]
      widths[i] = x1[i] - x0[i]
    }
    let shape = [batch, count]
    let parts = [
      x(x0, shape: shape), y(y0, shape: shape), x(x1, shape: shape), y(y1, shape: shape),
      h(heights, shape: shape), w(widths, shape: shape),
    ]
    if config.layoutEmbedding == .summed {
      return parts.dropFirst().reduce(parts[0], +)
    }
    return Tensor.concatenated(parts, axis: 2)
  }

  /// Text embeddings `[B, T, H]`: LayerNorm(word + position + layout + token type), then dropout.
  func callAsFunction(_ inputs: ModelInputs, context: ForwardContext) -> Tensor {
    let shape = [inputs.batchSize, inputs.sequenceLength]
    var sum =
      word(inputs.inputIds, shape: shape) + position(inputs.resolvedPositionIds, shape: shape)
    sum = sum + spatial(inputs.bbox, batch: inputs.batchSize, count: inputs.sequenceLength)
    sum = sum + tokenType(inputs.tokenTypeIds, shape: shape)
    if let questionMatch { sum = sum + questionMatch(inputs.questionMatchFlags, shape: shape) }
    return context.dropout(norm(sum), config.hiddenDropoutProb)
  }

  func namedParameters(prefix: String) -> [(String, Tensor)] {
    word.namedParameters(prefix: joined(prefix, "word_embeddings"))
      + position.namedParameters(prefix: joined(prefix, "position_embeddings"))
      + x.namedParameters(prefix: joined(prefix, "x_position_embeddings"))
      + y.namedParameters(prefix: joined(prefix, "y_position_embeddings"))
      + h.namedParameters(prefix: joined(prefix, "h_position_embeddings"))
      + w.namedParameters(prefix: joined(prefix, "w_position_embeddings"))
      + tokenType.namedParameters(prefix: joined(prefix, "token_type_embeddings"))
      + norm.namedParameters(prefix: joined(prefix, "LayerNorm"))
      + (questionMatch?.namedParameters(prefix: joined(prefix, "question_match_embeddings")) ?? [])
  }
}

/// The boxes of the visual tokens of a `gridHeight × gridWidth` grid, `[V, 4]` flat, row-major
/// token order (`k = r·Gw + c`), in integer arithmetic as HF `_calc_visual_bbox` computes them.
public func visualTokenBoxes(gridHeight: Int, gridWidth: Int) -> [Int32] {
  let xs = (0...gridWidth).map { Int32(1000 * $0 / gridWidth) }
  let ys = (0...gridHeight).map { Int32(1000 * $0 / gridHeight) }
  var boxes: [Int32] = []
  boxes.reserveCapacity(4 * gridWidth * gridHeight)
  for r in 0..<gridHeight {
    for c in 0..<gridWidth { boxes += [xs[c], ys[r], xs[c + 1], ys[r + 1]] }
  }
  return boxes
}
