// LayoutLab — the documents of a run's splits, read from disk or generated into a cache.

import Foundation
import HostCPU
import LayoutData
import SyntheticData

/// The documents of one experiment's data settings, split three ways.
public struct PreparedDocuments {
  public var train: [Document]
  public var dev: [Document]
  public var test: [Document]
  /// Where the test documents came from, for the report.
  public var testSource: String?
  /// Where the words and boxes came from (classification sources), for the record.
  public var ocr: OCRProvenance? = nil
  /// QA: the questions about these documents, every split's.
  public var questions: [Question] = []
  /// Words beside the training pages' that a built vocabulary must cover (QA: the training
  /// questions' words).
  public var vocabularyWords: [String] = []
}

/// Reads (or generates, then reads) the synthetic classification set: `labels/train.txt` (and
/// `val.txt`) split into train and dev like the forms, `labels/test.txt` as test.
func prepareClassificationDocuments(_ data: DataSettings, cache: URL) throws
  -> PreparedDocuments
{
  let neutral = data.neutralParts ?? false
  let root = try cachedSyntheticSet(
    kind: .classify, data, cache: cache, keySuffix: neutral ? "-neutral" : "")
  let labels = root.appendingPathComponent("labels")
  var pool = try RVLCDIP.readLabels(labels.appendingPathComponent("train.txt"))
  let validation = labels.appendingPathComponent("val.txt")
  if FileManager.default.fileExists(atPath: validation.path) {
    pool += try RVLCDIP.readLabels(validation)
  }
  let (train, dev) = carveDevSplit(pool, data)
  let testURL = labels.appendingPathComponent("test.txt")
  let test =
    FileManager.default.fileExists(atPath: testURL.path) ? try RVLCDIP.readLabels(testURL) : []
  let pages = train.count + dev.count + test.count
  return PreparedDocuments(
    train: train, dev: dev, test: test, testSource: testURL.path,
    ocr: OCRProvenance(engine: .synthetic, pages: pages, pagesWithOCR: pages))
}

/// Splits training documents into train and dev in sorted id order: every document whose
/// index `i` has `i % devEvery == devEvery − 1` is dev (for FUNSD's 149 forms and 5: 29 dev,
/// 120 train); then only the first `trainDocuments` train documents are kept, when set.
func carveDevSplit(_ documents: [Document], _ data: DataSettings) -> (
  train: [Document], dev: [Document]
) {
  var train: [Document] = []
  var dev: [Document] = []
  for (index, document) in documents.sorted(by: { $0.id < $1.id }).enumerated() {
    if index % data.devEvery == data.devEvery - 1 {
      dev.append(document)
    } else {
      train.append(document)
    }
  }
  if let limit = data.trainDocuments { train = Array(train.prefix(limit)) }
  return (train, dev)
}

/// Checks that every path the data settings name exists; throws before any training.
func checkDataPaths(_ data: DataSettings, file: String, path: String) throws {
  if data.source == .funsd, let root = data.root {
    let training = URL(fileURLWithPath: root).appendingPathComponent("training_data")
    if !FileManager.default.fileExists(atPath: training.path) {
      throw SpecError.missingPath(file: file, path: path + ".data.root", filePath: training.path)
    }
  }
  if data.source == .rvlcdip {
    try checkRVLCDIPPaths(data, file: file, path: path)
  }
  if data.source == .docvqa, let root = data.root,
    !FileManager.default.fileExists(atPath: root)
  {
    throw SpecError.missingPath(file: file, path: path + ".data.root", filePath: root)
  }
  if let ocr = data.ocr, !FileManager.default.fileExists(atPath: ocr) {
    throw SpecError.missingPath(file: file, path: path + ".data.ocr", filePath: ocr)
  }
  if let test = data.test, !FileManager.default.fileExists(atPath: test) {
    throw SpecError.missingPath(file: file, path: path + ".data.test", filePath: test)
  }
  if data.vocabulary != DataSettings.buildVocabulary,
    !FileManager.default.fileExists(atPath: data.vocabulary)
  {
    throw SpecError.missingPath(
      file: file, path: path + ".data.vocabulary", filePath: data.vocabulary)
  }
}

/// Reads (or generates, then reads) the documents the data settings describe.
///
/// The dev split is carved from the training forms (`carveDevSplit`). The test split is `data.test`, else `<root>/testing_data` when it exists, else empty.
func prepareDocuments(_ data: DataSettings, cache: URL) throws -> PreparedDocuments {
  let root: URL
  switch data.source {
  case .funsd:
    root = URL(fileURLWithPath: data.root ?? "")
  case .syntheticForms, .syntheticClassify:
    root = try cachedSyntheticSet(kind: .forms, data, cache: cache)
  case .rvlcdip:
    throw DataEnvironmentError(
      "data.source 'rvlcdip' has page classes, not entities: use it with task 'classification'")
  case .syntheticQA, .docvqa:
    throw SpecError.invalidValue(
      file: "data", path: "data.source", expected: "a FUNSD-format source for task 'entities'")
  }
  let (train, dev) = carveDevSplit(
    try FUNSD.read(split: root.appendingPathComponent("training_data")), data)
  var testURL: URL?
  if let test = data.test {
    testURL = URL(fileURLWithPath: test)
  } else {
    let candidate = root.appendingPathComponent("testing_data")
    if FileManager.default.fileExists(atPath: candidate.path) { testURL = candidate }
  }
  let test = try testURL.map { try FUNSD.read(split: $0) } ?? []
  return PreparedDocuments(train: train, dev: dev, test: test, testSource: testURL?.path)
}

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
