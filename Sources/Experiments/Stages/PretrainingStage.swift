// LayoutLab — a spec's pre-training as stages: synthetic corpora, then pre-training, each
// built once per distinct setting and shared by every cell and spec that needs it.

import Foundation
import SyntheticData
import TensorCore
import Training

/// The stages one pre-training section needs, with their keys. `section` has portable paths.
public struct PretrainingStagePlan: Codable, Sendable, Equatable {
  /// The section, with paths as the spec wrote them.
  public var section: PretrainingSection
  /// One entry per synthetic corpus: its key and size.
  public var corpora: [CorpusWork]
  /// The stage key (settings, corpora and code version).
  public var key: String
  /// The settings the key is hashed from.
  public var keyText: String
  /// The shape the step time belongs to (for `plan`'s estimate).
  public var stepShape: String
}

extension PretrainingStagePlan {
  /// The stage keys of `section`: each synthetic corpus's from its size, seed and code version;
  /// the pre-training's from its settings, its corpora (synthetic keys; folders by their path
  /// as written and a fingerprint of their files) and its code version.
  init(_ section: PretrainingSection, repository: URL) throws {
    self.section = section
    corpora = []
    var inputs: [String] = []
    for source in section.corpus {
      switch source {
      case .synthetic(let documents, let seed):
        let key = sha256Hex("\(StageKind.corpus.codeVersion)|documents=\(documents)|seed=\(seed)")
        corpora.append(CorpusWork(key: key, documents: documents, seed: seed))
        inputs.append("corpus:" + key)
      case .folder(let path):
        inputs.append(
          "folder:\(path)#"
            + folderFingerprint(URL(fileURLWithPath: absolutePath(path, against: repository))))
      }
    }
    let settingsText = try canonicalJSON(section.settings)
    keyText =
      "\(StageKind.pretraining.codeVersion)|\(settingsText)|\(inputs.joined(separator: ","))"
    key = sha256Hex(keyText)
    let model = try canonicalJSON(section.settings.model)
    let run = section.settings.run
    stepShape =
      "\(model) batch \(run.batchSize) seq \(run.sequenceLength) tasks \(section.taskNames.joined(separator: "+")) vocab \(section.settings.vocabularySize)"
  }

  /// A short readable label: `pretraining 1a2b3c4d (mvlm+tia, 3000 steps)`.
  public var label: String {
    "pretraining \(key.prefix(8)) (\(section.taskNames.joined(separator: "+")), \(section.settings.run.steps) steps)"
  }
}

/// The file count and total size under `folder`: a changed corpus changes the key.
func folderFingerprint(_ folder: URL) -> String {
  var count = 0
  var bytes = 0
  let keys: [URLResourceKey] = [.fileSizeKey, .isRegularFileKey]
  if let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) {
    for case let url as URL in walk {
      guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true
      else { continue }
      count += 1
      bytes += values.fileSize ?? 0
    }
  }
  return "\(count)files-\(bytes)bytes"
}

/// Builds (or finds) one synthetic corpus stage: its folder (the stage's, with the pages in
/// `pages/`) and whether it ran now. A stage built now records `sourceDigest`.
func ensureCorpus(_ corpus: CorpusWork, context: UnitContext, log: (String) -> Void) throws
  -> (directory: URL, ran: Bool)
{
  let result = try context.stageStore.ensure(
    .corpus, key: corpus.key, label: "corpus \(corpus.key.prefix(8))"
  ) { partial, _ in
    let started = Date()
    log("stage corpus \(corpus.key.prefix(8)): generating \(corpus.documents) pages")
    let output = partial.appendingPathComponent("pages")
    try? FileManager.default.removeItem(at: output)
    _ = try generateSyntheticDataset(
      kind: .corpus, docs: corpus.documents, seed: UInt64(corpus.seed),
      outputDirectory: output, options: SynthesisOptions(),
      threads: ProcessInfo.processInfo.activeProcessorCount)
    return StageRecord(
      kind: .corpus, key: corpus.key, inputs: [],
      settings: "documents=\(corpus.documents) seed=\(corpus.seed)",
      provenance: context.provenance(configurationHash: corpus.key),
      seconds: Date().timeIntervalSince(started))
  }
  if !result.ran { log("stage corpus \(corpus.key.prefix(8)): cached") }
  return result
}

/// Builds (or finds) the corpus stages of `plan`: the corpus folders in written order
/// (synthetic ones in the stage cache) and the keys of the synthetic ones.
func ensureCorpusStages(
  _ plan: PretrainingStagePlan, context: UnitContext, log: (String) -> Void
) throws -> (folders: [URL], keys: [String]) {
  var folders: [URL] = []
  var corpora = plan.corpora.makeIterator()
  for source in plan.section.corpus {
    switch source {
    case .folder(let path):
      folders.append(URL(fileURLWithPath: absolutePath(path, against: context.repositoryURL)))
    case .synthetic:
      guard let corpus = corpora.next() else { continue }
      let folder = try ensureCorpus(corpus, context: context, log: log).directory
      folders.append(folder.appendingPathComponent("pages"))
    }
  }
  return (folders, plan.corpora.map(\.key))
}

/// Builds (or finds) the corpus and pre-training stages of `plan`, returning the finished
/// pre-training folder (a checkpoint `initFrom` can read) and whether it ran now. A cached stage
/// is used whichever code made it (its key does not hold the source digest); one built now
/// records `sourceDigest`.
func ensurePretrainingStage(
  _ plan: PretrainingStagePlan, context: UnitContext, log: (String) -> Void
) throws -> (directory: URL, ran: Bool) {
  let store = context.stageStore
  if store.record(.pretraining, key: plan.key) != nil {
    log("stage \(plan.label): cached")
    return (store.directory(.pretraining, key: plan.key), false)
  }
  let (folders, inputKeys) = try ensureCorpusStages(plan, context: context, log: log)
  var section = plan.section
  section.mapCorpusFolders { absolutePath($0, against: context.repositoryURL) }
  let result = try store.ensure(.pretraining, key: plan.key, label: plan.label) {
    partial, tracker in
    let started = Date()
    log("stage \(plan.label): running")
    let printer = ProgressPrinter(label: "stage \(plan.key.prefix(8))")
    var firstStep: (step: Int, time: Date)?
    var lastStep: (step: Int, time: Date)?
    let summary = try pretrainModel(
      settings: section.settings, documents: try readCorpus(folders), output: partial,
      overrides: []
    ) { event in
      printer.handle(event)
      if case .step(let step, let total, _, _, _) = event {
        tracker.progress(step: step, of: total)
        if firstStep == nil { firstStep = (step, Date()) }
        lastStep = (step, Date())
      }
    }
    log(summary)
    var record = StageRecord(
      kind: .pretraining, key: plan.key, inputs: inputKeys, settings: plan.keyText,
      provenance: context.provenance(configurationHash: plan.key),
      seconds: Date().timeIntervalSince(started), steps: section.settings.run.steps,
      stepShape: plan.stepShape)
    if let firstStep, let lastStep, lastStep.step > firstStep.step {
      record.secondsPerStep =
        lastStep.time.timeIntervalSince(firstStep.time) / Double(lastStep.step - firstStep.step)
    }
    return record
  }
  if !result.ran { log("stage \(plan.label): cached") }
  return result
}
