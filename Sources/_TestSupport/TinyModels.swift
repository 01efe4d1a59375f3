// LayoutLab — tiny model configurations and random inputs for fast model tests.

import LayoutModels
import Seeding
import TensorCore

/// Tiny configurations (hidden 32, 2 layers, 4 heads) for tests that train in seconds.
public enum TinyModels {
  /// A tiny v1 or v2 configuration; v2 uses the pooling backbone on a 2×2 grid.
  public static func configuration(v2: Bool, labels: Int = 5) -> LayoutLMConfiguration {
    var config =
      v2
      ? LayoutLMConfiguration.v2(hidden: 32, layers: 2, heads: 4, coordinateSize: 4, shapeSize: 8)
      : LayoutLMConfiguration.v1(hidden: 32, layers: 2, heads: 4)
    config.vocabSize = 50
    config.maxPositionEmbeddings = 64
    config.numLabels = labels
    config.hiddenDropoutProb = 0
    config.attentionProbsDropoutProb = 0
    if v2 {
      config.visualBackbone = .pool
      config.grid = VisualGrid(height: 2, width: 2)!
      config.visualChannels = 3
    }
    return config
  }

  /// Random inputs `[B, T]` with word-like boxes, a padded tail on the last row and, for v2, a
  /// random `[B, 3, 32, 32]` image.
  public static func inputs(batch: Int, length: Int, config: LayoutLMConfiguration, seed: UInt64)
    -> ModelInputs
  {
    // Every bound below is at least 2 (the tiny configurations have 50 tokens), so each
    // `nextInt(below:)` draws one word, as it always has.
    var generator = SeededGenerator(seed: seed)
    var ids: [Int32] = []
    var boxes: [Int32] = []
    var mask: [Int32] = []
    for b in 0..<batch {
      for t in 0..<length {
        let padded = b == batch - 1 && t >= length - 2
        ids.append(
          padded ? 0 : t == 0 ? 1 : Int32(2 + generator.nextInt(below: config.vocabSize - 2)))
        let x0 = Int32(generator.nextInt(below: 800))
        let y0 = Int32(generator.nextInt(below: 900))
        boxes +=
          padded
          ? [0, 0, 0, 0] : [x0, y0, x0 + Int32(20 + generator.nextInt(below: 150)), y0 + 20]
        mask.append(padded ? 0 : 1)
      }
    }
    var image: Tensor?
    if config.usesImage {
      image = Tensor(
        (0..<(batch * 3 * 32 * 32)).map { _ in Float(generator.nextInt(below: 256)) },
        shape: [batch, 3, 32, 32])
    }
    return ModelInputs(
      batchSize: batch, sequenceLength: length, inputIds: ids, bbox: boxes, attentionMask: mask,
      image: image)
  }
}
