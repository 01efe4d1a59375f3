// LayoutLab — one document-classification run (`task: classification`).

import Foundation
import LayoutData
import LayoutModels
import TensorCore
import Training

/// Trains and evaluates one classification run on synthetic RVL-CDIP-format documents.
func executeClassificationRun(
  _ plan: RunPlan, experiment: String, specHash: String, configurationHash: String, cache: URL,
  options: RunnerOptions, label: String
) throws -> RunResult {
  let started = Date()
  let settings = plan.configuration
  guard settings.data.source == "synthetic-classify" else {
    throw SpecError.invalidValue(
      file: experiment, path: "variants.\(plan.variant).data.source",
      expected: "'synthetic-classify' for task 'classification'")
  }
  let documents = try prepareClassificationDocuments(
    settings.data, cache: cache, generator: options.syntheticClassify)
  let vocabulary = try settings.runVocabulary {
    documents.train.flatMap { $0.words.map(\.text) }
  }
  let tokenizer = try WordPieceTokenizer(vocabulary: vocabulary)
  let encoder = try SequenceClassificationEncoder(
    tokenizer: tokenizer, maxSequenceLength: settings.data.maxLength)
  let classes = RVLCDIP.classNames.count
  let model = try settings.makeModel(
    task: .sequenceClassification, labels: classes, vocabularySize: vocabulary.count,
    seed: plan.seed)
  let withImages = model.config.visualTokens
  let train = try ClassificationSplit(
    documents: documents.train, encoder: encoder, withImages: withImages)
  let dev = try ClassificationSplit(
    documents: documents.dev, encoder: encoder, withImages: withImages)
  let test =
    documents.test.isEmpty
    ? nil
    : try ClassificationSplit(documents: documents.test, encoder: encoder, withImages: withImages)
  let dataSeconds = Date().timeIntervalSince(started)
  let fineTuning = settings.training.fineTuningOptions(seed: plan.seed)
  let printer = ProgressPrinter(label: label)
  printer.handle(
    .note(
      "\(train.documents.count) train / \(dev.documents.count) dev / \(test?.documents.count ?? 0) test "
        + "documents, vocabulary \(vocabulary.count)"))
  let result = try fineTuneSequenceClassification(
    model: model, train: train, dev: dev, test: test, options: fineTuning, progress: printer.handle)
  return RunResult(
    experiment: experiment, variant: plan.variant, seed: plan.seed, configuration: settings,
    data: DataSummary(
      trainDocuments: train.documents.count, devDocuments: dev.documents.count,
      testDocuments: test?.documents.count ?? 0, trainWindows: train.windows.count,
      vocabularySize: vocabulary.count, source: settings.data.source),
    fineTuning: nil, classification: result,
    timings: RunTimings(
      dataSeconds: dataSeconds, trainSeconds: result.trainSeconds,
      evaluationSeconds: result.evaluationSeconds, totalSeconds: Date().timeIntervalSince(started)),
    provenance: currentProvenance(
      specHash: specHash, configurationHash: configurationHash, directory: options.repository),
    parameterCount: model.namedParameters().reduce(0) { $0 + $1.1.count })
}
