// LayoutLab — LayoutLM v1's image features: each word's page region, added to its output.

import Seeding
import TensorCore

/// The LayoutLM v1 paper's fine-tuning image embedding (`config.wordImageFeatures`): a CNN
/// over the page, each text token's box averaged over the CNN's feature map, projected to H and
/// added to the token's final hidden state; `[CLS]` takes the whole page.
///
/// The paper uses Faster R-CNN ROI features from a Visual-Genome detector; this is the same
/// idea over the from-scratch ResNet that v2's visual tokens use (`config.resnet`, ending at
/// `visualChannels`), with area-weighted averaging over the 14×14 map in place of ROI-align's
/// bilinear samples. Its parameters sit under `word_image.` beside the task heads, so a
/// checkpoint without them (a pre-trained v1) loads and they start fresh, as in the paper, where
/// they exist only at fine-tuning.
final class WordImageFeatures: ParameterOwner {
  let backbone: ResNetBackbone
  let projection: Linear

  init(_ config: LayoutLMConfiguration, seed: UInt64) {
    var initializer = Initializer(
      generator: SeededGenerator(seed: seed, stream: "word image"),
      range: config.initializerRange)
    backbone = ResNetBackbone(config, initializer: &initializer)
    projection = Linear(config.visualChannels, config.hiddenSize, initializer: &initializer)
  }

  /// `[B, T, H]`: the projected region feature of each of the `T` text tokens of `inputs`
  /// (zero for padding and for tokens without an area, such as the question's zero boxes).
  func callAsFunction(_ inputs: ModelInputs, context: ForwardContext) -> Tensor {
    guard let image = inputs.image else {
      preconditionFailure("word image features need inputs.image (ModelInputs.validate)")
    }
    var map = backbone.featureMap(image)  // [U, C, h, w]
    let (channels, height, width) = (map.shape[1], map.shape[2], map.shape[3])
    let batch = inputs.batchSize
    map = map.reshaped([map.shape[0], channels * height * width])
    if let rows = inputs.imageRows { map = map.gatherRows(rows, indexShape: [batch]) }
    map = map.reshaped([batch, channels, height * width])
    let weights = Self.regionWeights(inputs, height: height, width: width)  // [B, T, h·w]
    return projection(weights.matmul(map, transposeOther: true))  // [B, T, C] → [B, T, H]
  }

  /// `[B, T, h·w]`: for each token, the share of its box's area in each cell of an `h × w` map
  /// over the page (boxes in 0...1000); the first token (`[CLS]`) spreads over the whole page;
  /// masked tokens and boxes without area get a row of zeros.
  static func regionWeights(_ inputs: ModelInputs, height: Int, width: Int) -> Tensor {
    let (batch, length) = (inputs.batchSize, inputs.sequenceLength)
    let cells = height * width
    var values = [Float](repeating: 0, count: batch * length * cells)
    for b in 0..<batch {
      for t in 0..<length where inputs.attentionMask[b * length + t] != 0 {
        let row = (b * length + t) * cells
        if t == 0 {
          for c in 0..<cells { values[row + c] = 1 / Float(cells) }
          continue
        }
        let box = (0..<4).map { Float(inputs.bbox[(b * length + t) * 4 + $0]) / 1000 }
        let (x0, y0) = (box[0] * Float(width), box[1] * Float(height))
        let (x1, y1) = (box[2] * Float(width), box[3] * Float(height))
        let area = (x1 - x0) * (y1 - y0)
        guard area > 0 else { continue }
        for i in max(0, Int(y0))..<min(height, Int(y1.rounded(.up))) {
          let dy = min(Float(i + 1), y1) - max(Float(i), y0)
          for j in max(0, Int(x0))..<min(width, Int(x1.rounded(.up))) {
            let dx = min(Float(j + 1), x1) - max(Float(j), x0)
            if dx > 0 && dy > 0 { values[row + i * width + j] = dx * dy / area }
          }
        }
      }
    }
    return Tensor(values, shape: [batch, length, cells])
  }

  func namedParameters(prefix: String) -> [(String, Tensor)] {
    backbone.namedParameters(prefix: prefix)
      + projection.namedParameters(prefix: joined(prefix, "proj"))
  }
}
