// LayoutLab — the encoder plus one task head, with HF parameter names.

import Seeding
import TensorCore

/// A LayoutLM / LayoutLMv2 encoder with the head for one task.
///
/// Parameter names follow HF's task classes (`layoutlmv2.encoder.layer.0…`, `classifier.weight`,
/// `qa_outputs.weight`, `cls.predictions.…`), so checkpoints load into HF and back. The
/// pre-training heads TIA and TIM (no public code) are named `tia_classifier` and
/// `tim_classifier`.
public final class LayoutLMForTask: ParameterOwner {
  public let config: LayoutLMConfiguration
  public let task: TaskKind
  public let encoder: LayoutLMModel
  let classifier: Linear?
  let qaOutputs: Linear?
  let lmHead: MaskedLMHead?
  let tiaClassifier: Linear?
  let timClassifier: Linear?
  /// LayoutLM v1's word-region image features, on fine-tuning tasks when the config asks.
  let wordImage: WordImageFeatures?

  /// Builds a randomly initialised model for `task` with `config.numLabels` labels.
  public init(_ config: LayoutLMConfiguration, task: TaskKind, seed: UInt64) {
    self.config = config
    self.task = task
    encoder = LayoutLMModel(config, seed: seed)
    var initializer = Initializer(
      generator: SeededGenerator(seed: seed, stream: "head"), range: config.initializerRange)
    let hidden = config.hiddenSize
    switch task {
    case .tokenClassification:
      classifier = Linear(hidden, config.numLabels, initializer: &initializer)
    case .sequenceClassification:
      let visualHead = config.visualTokens && config.isV2
      let width =
        !visualHead
        ? hidden
        : config.sequenceHead == .meanVisual ? 3 * hidden : (1 + config.visualTokenCount) * hidden
      classifier = Linear(width, config.numLabels, initializer: &initializer)
    default:
      classifier = nil
    }
    qaOutputs = task == .questionAnswering ? Linear(hidden, 2, initializer: &initializer) : nil
    lmHead =
      task == .maskedLM || task == .pretraining
      ? MaskedLMHead(
        config, wordEmbeddings: encoder.embeddings.word.weight, initializer: &initializer)
      : nil
    tiaClassifier = task == .pretraining ? Linear(hidden, 1, initializer: &initializer) : nil
    timClassifier = task == .pretraining ? Linear(hidden, 1, initializer: &initializer) : nil
    let fineTuning = [.tokenClassification, .sequenceClassification, .questionAnswering]
      .contains(task)
    wordImage = config.wordImageFeatures && fineTuning ? WordImageFeatures(config, seed: seed) : nil
  }

  /// Runs the encoder and the head; computes the loss for whichever labels are given.
  public func callAsFunction(
    _ inputs: ModelInputs, labels: TaskLabels? = nil, context: ForwardContext
  ) -> TaskOutput {
    let encoded = encoder(inputs, context: context)
    var output = TaskOutput(encoder: encoded)
    let (batch, textLength, hidden) = (inputs.batchSize, encoded.textLength, config.hiddenSize)
    var text =
      encoded.sequence.shape[1] == textLength
      ? encoded.sequence : encoded.sequence.sliced(axis: 1, 0..<textLength)  // [B, T, H]
    let regions = wordImage?(inputs, context: context)  // [B, T, H]
    if let regions { text = text + regions }
    switch task {
    case .tokenClassification:
      guard let classifier else { break }
      let logits = classifier(context.dropout(text, config.hiddenDropoutProb))
      output.logits = logits
      if let targets = labels?.tokenLabels {
        output.loss = logits.reshaped([batch * textLength, config.numLabels]).crossEntropy(
          targets: targets)
      }
    case .sequenceClassification:
      guard let classifier else { break }
      var features: Tensor
      if let initial = encoded.initialVisual, config.isV2 {
        let cls = text.sliced(axis: 1, 0..<1).reshaped([batch, hidden])
        let finalVisual = encoded.sequence.sliced(axis: 1, textLength..<encoded.sequence.shape[1])
        switch config.sequenceHead {
        case .meanVisual:
          // HF LayoutLMv2ForSequenceClassification: [CLS] ⊕ mean(initial) ⊕ mean(final visual).
          features = Tensor.concatenated(
            [cls, initial.mean(axis: 1), finalVisual.mean(axis: 1)], axis: 1)
        case .gridVisual:
          // [CLS] ⊕ the final visual tokens in grid order: [B, (1 + V)·H].
          let count = finalVisual.shape[1]
          features = Tensor.concatenated(
            [cls, finalVisual.reshaped([batch, count * hidden])], axis: 1)
        }
      } else {
        features = encoded.pooled
        if let regions {
          features = features + regions.sliced(axis: 1, 0..<1).reshaped([batch, hidden])
        }
      }
      let logits = classifier(context.dropout(features, config.hiddenDropoutProb))
      output.logits = logits
      if let targets = labels?.sequenceLabels {
        output.loss = logits.crossEntropy(targets: targets)
      }
    case .questionAnswering:
      guard let qaOutputs else { break }
      let logits = qaOutputs(text)  // [B, T, 2]
      let start = logits.sliced(axis: 2, 0..<1).reshaped([batch, textLength])
      let end = logits.sliced(axis: 2, 1..<2).reshaped([batch, textLength])
      output.startLogits = start
      output.endLogits = end
      if let starts = labels?.startPositions, let ends = labels?.endPositions {
        // HF clamps positions to T and ignores T.
        let clampStart = starts.map { min(max($0, 0), textLength) }
        let clampEnd = ends.map { min(max($0, 0), textLength) }
        let startLoss = start.crossEntropy(targets: clampStart, ignoreIndex: textLength)
        let endLoss = end.crossEntropy(targets: clampEnd, ignoreIndex: textLength)
        output.loss = (startLoss + endLoss) * 0.5
      }
    case .maskedLM, .pretraining:
      if let lmHead {
        if let targets = labels?.mlmLabels, task == .pretraining {
          // Only the selected tokens have MVLM targets: run the vocabulary-wide head on those
          // rows alone (the same loss and gradients as over all rows with the rest ignored).
          let selected = targets.indices.filter { targets[$0] != -100 }.map { Int32($0) }
          let rows = text.reshaped([batch * textLength, hidden]).gatherRows(
            selected, indexShape: [selected.count])
          let logits = lmHead(rows)  // [N, vocab]
          output.logits = logits
          output.taskLosses["mvlm"] = logits.crossEntropy(
            targets: selected.map { targets[Int($0)] })
        } else {
          let logits = lmHead(text)
          output.logits = logits
          if let targets = labels?.mlmLabels {
            let loss = logits.reshaped([batch * textLength, config.vocabSize]).crossEntropy(
              targets: targets)
            output.taskLosses["mvlm"] = loss
          }
        }
      }
      if let tiaClassifier {
        let tia = tiaClassifier(text).reshaped([batch, textLength])
        output.tiaLogits = tia
        if let targets = labels?.tiaLabels {
          let positive = labels?.taskWeights.tiaPositive ?? 1
          let weights = targets.map { $0 == -100 ? Float(0) : $0 == 1 ? positive : 1 }
          output.taskLosses["tia"] = tia.binaryCrossEntropyWithLogits(
            targets: targets.map { $0 == 1 ? 1 : 0 }, weights: weights)
        }
      }
      if let timClassifier {
        let cls = text.sliced(axis: 1, 0..<1).reshaped([batch, hidden])
        let tim = timClassifier(cls).reshaped([batch])
        output.timLogits = tim
        if let targets = labels?.timLabels {
          output.taskLosses["tim"] = tim.binaryCrossEntropyWithLogits(
            targets: targets.map { Float($0) })
        }
      }
      let weights = labels?.taskWeights ?? PretrainingLossWeights()
      var total: Tensor?
      for (name, weight) in [("mvlm", weights.mvlm), ("tia", weights.tia), ("tim", weights.tim)] {
        guard let loss = output.taskLosses[name], weight != 0 else { continue }
        let term = weight == 1 ? loss : loss * weight
        total = total.map { $0 + term } ?? term
      }
      output.loss = total
    case .base:
      break
    }
    return output
  }

  /// Every parameter under its HF name (`layoutlmv2.…` / `layoutlm.…` plus head names).
  public func namedParameters(prefix: String = "") -> [(String, Tensor)] {
    var result = encoder.namedParameters(prefix: joined(prefix, config.basePrefix))
    if let classifier { result += classifier.namedParameters(prefix: joined(prefix, "classifier")) }
    if let qaOutputs { result += qaOutputs.namedParameters(prefix: joined(prefix, "qa_outputs")) }
    if let lmHead { result += lmHead.namedParameters(prefix: joined(prefix, "cls.predictions")) }
    if let tiaClassifier {
      result += tiaClassifier.namedParameters(prefix: joined(prefix, "tia_classifier"))
    }
    if let timClassifier {
      result += timClassifier.namedParameters(prefix: joined(prefix, "tim_classifier"))
    }
    if let wordImage { result += wordImage.namedParameters(prefix: joined(prefix, "word_image")) }
    return result
  }
}
