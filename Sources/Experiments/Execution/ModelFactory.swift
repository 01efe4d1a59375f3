// LayoutLab — a run's vocabulary and model: from the settings, or from an `initFrom` checkpoint.

import Foundation
import LayoutData
import LayoutModels
import Tasks

extension RunConfiguration {
  /// The run's vocabulary: the checkpoint's when `model.initFrom` has one (a pre-trained model
  /// fixes the token ids), else built from `trainWords` or read from `data.vocabulary`.
  /// Paths must already be resolved (`resolvingPaths(against:)`).
  func runVocabulary(trainWords: () -> [String]) throws -> WordPieceVocabulary {
    if let initFrom = model.initFrom {
      let url = URL(fileURLWithPath: initFrom).appendingPathComponent("vocab.txt")
      if FileManager.default.fileExists(atPath: url.path) {
        return try WordPieceVocabulary(file: url)
      }
    }
    if data.vocabulary == DataSettings.buildVocabulary {
      return VocabularyBuilder(vocabularySize: data.vocabularySize).build(from: trainWords())
    }
    return try WordPieceVocabulary(file: URL(fileURLWithPath: data.vocabulary))
  }

  /// The run's model with a fresh `task` head of `labels` classes: loaded from `model.initFrom`
  /// (its architecture; only head settings apply) or initialised from the settings.
  func makeModel(task: TaskKind, labels: Int, vocabularySize: Int, seed: Int) throws
    -> LayoutLMForTask
  {
    if let initFrom = model.initFrom {
      return try LayoutLMForTask.load(
        directory: URL(fileURLWithPath: initFrom), task: task, numLabels: labels,
        configure: { model.applyHeadSettings(&$0) }, seed: UInt64(seed)
      ).0
    }
    let config = try model.configuration(vocabularySize: vocabularySize, labels: labels)
    return LayoutLMForTask(config, task: task, seed: UInt64(seed))
  }
}

/// Stops when a variant names architecture settings beside `model.initFrom` that its
/// checkpoint does not have: the checkpoint's architecture is what would run, so the spec's
/// value would be a silent lie in the report. `resolved` has absolute paths.
func checkCheckpointSettings(
  _ plan: RunPlan, resolved: RunConfiguration, file: String
) throws {
  guard let initFrom = resolved.model.initFrom else { return }
  let url = URL(fileURLWithPath: initFrom).appendingPathComponent("config.json")
  guard FileManager.default.fileExists(atPath: url.path) else {
    throw SpecError.missingPath(
      file: file, path: "variants.\(plan.variant).model.initFrom", filePath: url.path)
  }
  let checkpoint = try LayoutLMConfiguration.read(contentsOf: url)
  let conflicts = resolved.model.conflicts(with: checkpoint)
  if !conflicts.isEmpty {
    throw SpecError.checkpointConflict(
      file: file, variant: plan.variant, checkpoint: plan.configuration.model.initFrom ?? initFrom,
      conflicts: conflicts.map(\.description))
  }
}
