// LayoutLab — the shared LayoutLM / LayoutLMv2 encoder: embeddings, visual tokens, biases, layers.

import Seeding
import TensorCore

/// The outputs of the base model.
public struct EncoderOutput {
  /// `[B, S, H]`: text tokens first, then the V visual tokens.
  public var sequence: Tensor
  /// `[B, H]`: `tanh(W · sequence[:, 0] + b)`.
  public var pooled: Tensor
  /// `[B, V, H]`: the visual embeddings before the encoder (for the v2 classification head).
  public var initialVisual: Tensor?
  /// T, the number of text tokens.
  public var textLength: Int
}

/// LayoutLM (v1) and LayoutLMv2 in one model; every difference is a configuration switch.
///
/// Order of the forward pass (HF `LayoutLMv2Model.forward`): text embeddings `[B, T, H]`, visual
/// embeddings `[B, V, H]` appended after the text, the key mask (visual tokens always visible),
/// the relative biases computed once from the concatenated positions and boxes, the encoder
/// layers, and the pooler on the first token.
public final class LayoutLMModel: ParameterOwner {
  public let config: LayoutLMConfiguration
  let embeddings: LayoutEmbeddings
  let backbone: (any VisualBackbone)?
  let visualProjection: Linear?
  let visualSegment: Tensor?
  let visualNorm: LayerNorm?
  let biases: RelativePositionBias
  let layers: [EncoderLayer]
  let pooler: Linear

  /// Builds a randomly initialised model (BERT initialisation, seeded).
  public init(_ config: LayoutLMConfiguration, seed: UInt64) {
    self.config = config
    var initializer = Initializer(
      generator: SeededGenerator(seed: seed, stream: "init"), range: config.initializerRange)
    embeddings = LayoutEmbeddings(config, initializer: &initializer)
    if config.visualTokens {
      switch config.visualBackbone {
      case .pool:
        backbone = PoolingBackbone(gridHeight: config.grid.height, gridWidth: config.grid.width)
      case .resnet:
        backbone = ResNetBackbone(config, initializer: &initializer)
      }
      visualProjection = Linear(config.visualChannels, config.hiddenSize, initializer: &initializer)
      visualSegment =
        config.hasVisualSegmentEmbedding ? initializer.normal([config.hiddenSize]) : nil
      visualNorm = LayerNorm(config.hiddenSize, eps: config.layerNormEps, initializer: initializer)
    } else {
      (backbone, visualProjection, visualSegment, visualNorm) = (nil, nil, nil, nil)
    }
    biases = RelativePositionBias(config, initializer: &initializer)
    layers = (0..<config.numHiddenLayers).map { _ in EncoderLayer(config, initializer: &initializer)
    }
    pooler = Linear(config.hiddenSize, config.hiddenSize, initializer: &initializer)
  }

  /// Runs the encoder. Call `inputs.validate(for:)` first on untrusted inputs.
  public func callAsFunction(_ inputs: ModelInputs, context: ForwardContext) -> EncoderOutput {
    let (batch, textLength) = (inputs.batchSize, inputs.sequenceLength)
    var hidden = embeddings(inputs, context: context)  // [B, T, H]
    var positions = inputs.resolvedPositionIds
    var boxes = inputs.bbox
    var maskValues = inputs.attentionMask.map { $0 == 0 ? Float(-1e9) : 0 }
    var initialVisual: Tensor?
    var length = textLength
    if let backbone, let visualProjection, let visualNorm, let image = inputs.image {
      let v = config.visualTokenCount
      var features = backbone(image, context: context)  // [B, V, C], or [U, V, C] for U pages
      if let rows = inputs.imageRows {
        // Each page ran through the backbone once; its rows share the features (and sum their
        // gradients back into them).
        let (pages, channels) = (features.shape[0], features.shape[2])
        features = features.reshaped([pages, v * channels])
          .gatherRows(rows, indexShape: [batch]).reshaped([batch, v, channels])
      }
      let visualBoxes = visualTokenBoxes(
        gridHeight: config.grid.height, gridWidth: config.grid.width)
      let visualPositions = (0..<v).map { Int32($0) }
      let batchBoxes = (0..<batch).flatMap { _ in visualBoxes }
      let batchPositions = (0..<batch).flatMap { _ in visualPositions }
      var visual = visualProjection(features)
      visual = visual + embeddings.position(batchPositions, shape: [batch, v])
      visual = visual + embeddings.spatial(batchBoxes, batch: batch, count: v)
      if let visualSegment { visual = visual + visualSegment }
      visual = context.dropout(visualNorm(visual), config.hiddenDropoutProb)
      initialVisual = visual
      hidden = Tensor.concatenated([hidden, visual], axis: 1)
      // Concatenate per batch row: text then visual.
      positions = interleave(positions, textLength, batchPositions, v, batch)
      boxes = interleave(boxes, 4 * textLength, batchBoxes, 4 * v, batch)
      let visualMask = (0..<batch).flatMap { row -> [Float] in
        let hidden = inputs.visualAttentionMask.map { $0[row] == 0 } ?? false
        return [Float](repeating: hidden ? -1e9 : 0, count: v)
      }
      maskValues = interleave(maskValues, textLength, visualMask, v, batch)
      length += v
    }
    let mask = Tensor(maskValues, shape: [batch, length])
    let bias =
      biases.isActive
      ? biases(positions: positions, boxes: boxes, batch: batch, length: length) : nil
    for layer in layers { hidden = layer(hidden, mask: mask, bias: bias, context: context) }
    let first = hidden.sliced(axis: 1, 0..<1).reshaped([batch, config.hiddenSize])
    let pooled = pooler(first).tanh()
    return EncoderOutput(
      sequence: hidden, pooled: pooled, initialVisual: initialVisual, textLength: textLength)
  }

  public func namedParameters(prefix: String) -> [(String, Tensor)] {
    var result = embeddings.namedParameters(prefix: joined(prefix, "embeddings"))
    if let backbone { result += backbone.namedParameters(prefix: joined(prefix, "visual")) }
    if let visualProjection {
      result += visualProjection.namedParameters(prefix: joined(prefix, "visual_proj"))
    }
    if let visualSegment {
      result.append((joined(prefix, "visual_segment_embedding"), visualSegment))
    }
    if let visualNorm {
      result += visualNorm.namedParameters(prefix: joined(prefix, "visual_LayerNorm"))
    }
    for (i, layer) in layers.enumerated() {
      result += layer.namedParameters(prefix: joined(prefix, "encoder.layer.\(i)"))
    }
    result += biases.namedParameters(prefix: joined(prefix, "encoder"))
    result += pooler.namedParameters(prefix: joined(prefix, "pooler.dense"))
    return result
  }
}

/// Joins two row-major `[B, a]` and `[B, b]` arrays into `[B, a + b]`.
func interleave<T>(_ first: [T], _ a: Int, _ second: [T], _ b: Int, _ batch: Int) -> [T] {
  var result: [T] = []
  result.reserveCapacity(batch * (a + b))
  for row in 0..<batch {
    result += first[(row * a)..<((row + 1) * a)]
    result += second[(row * b)..<((row + 1) * b)]
  }
  return result
}
