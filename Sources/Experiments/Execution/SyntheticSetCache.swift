// LayoutLab — the synthetic sets of a results folder's cache, generated once per generator code.

import Foundation
import HostCPU
import SyntheticData
import Tasks

/// The folder of the synthetic `kind` set for `data` under `cache`, generated on first use
/// (the generator's train/test split becomes `training_data/` and `testing_data/`, or RVL-CDIP's
/// `labels/`; with `templateHoldout` the test documents use templates never seen in training).
/// The folder's name carries the generator's code (the digest of `Sources/SyntheticData/`), so
/// an edit to the generator makes a new set instead of reusing pages drawn by other code.
///
/// Generation goes into a `.partial-<pid>` sibling with its `.complete` marker, renamed into
/// place when complete, so an interrupted run never leaves a half-written set in use and two
/// processes (`run --jobs`) that need the same set never clash: the second rename finds the
/// first one's set and uses it.
func cachedSyntheticSet(
  kind: SynthesisKind, _ data: DataSettings, cache: URL, keySuffix: String = ""
) throws -> URL {
  let name: String
  switch kind {
  case .forms: name = "forms"
  case .qa: name = "qa"
  case .classify, .corpus: name = "classify"
  }
  let key =
    "\(name)-\(data.documents)-seed\(data.generatorSeed)-holdout\(data.templateHoldout)\(keySuffix)"
    + "-gen\(SourceDigest.module("SyntheticData").prefix(12))"
  let root = cache.appendingPathComponent(key)
  let done = root.appendingPathComponent(".complete")
  if FileManager.default.fileExists(atPath: done.path) { return root }
  HostProcess.removeOrphanedPartials(of: root)  // staging folders of processes that died
  let staging = cache.appendingPathComponent(HostProcess.partialName(key))
  try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
  var options = SynthesisOptions()
  options.templateHoldout = data.templateHoldout
  if kind == .classify && data.neutralParts == true { options.neutralParts = true }
  _ = try generateSyntheticDataset(
    kind: kind, docs: data.documents, seed: UInt64(data.generatorSeed), outputDirectory: staging,
    options: options, threads: ProcessInfo.processInfo.activeProcessorCount)
  try Data().write(to: staging.appendingPathComponent(".complete"))
  if FileManager.default.fileExists(atPath: done.path) {
    try? FileManager.default.removeItem(at: staging)  // another process finished first
    return root
  }
  do {
    try FileManager.default.moveItem(at: staging, to: root)
  } catch  where FileManager.default.fileExists(atPath: done.path) {
    try? FileManager.default.removeItem(at: staging)
  } catch {
    // A set without its marker, left by a run killed between rename and marker (older code).
    try FileManager.default.removeItem(at: root)
    try FileManager.default.moveItem(at: staging, to: root)
  }
  return root
}

extension TaskEnvironment {
  /// The environment of an experiment's cache folder: synthetic sets come from
  /// `cachedSyntheticSet` under it.
  static func caching(in cache: URL, windowsOnDisk: Bool = false) -> TaskEnvironment {
    TaskEnvironment(cache: cache, windowsOnDisk: windowsOnDisk) { kind, data, suffix in
      try cachedSyntheticSet(kind: kind, data, cache: cache, keySuffix: suffix)
    }
  }
}
