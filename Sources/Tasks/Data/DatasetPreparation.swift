// LayoutLab — the documents of a run's splits, read from disk or generated into a cache.

import Foundation
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

  /// Creates the splits.
  public init(
    train: [Document], dev: [Document], test: [Document], testSource: String? = nil,
    ocr: OCRProvenance? = nil, questions: [Question] = [], vocabularyWords: [String] = []
  ) {
    self.train = train
    self.dev = dev
    self.test = test
    self.testSource = testSource
    self.ocr = ocr
    self.questions = questions
    self.vocabularyWords = vocabularyWords
  }
}

/// Reads (or generates, then reads) the synthetic classification set: `labels/train.txt` (and
/// `val.txt`) split into train and dev like the forms, `labels/test.txt` as test.
func prepareClassificationDocuments(_ data: DataSettings, environment: TaskEnvironment) throws
  -> PreparedDocuments
{
  let neutral = data.neutralParts ?? false
  let root = try environment.syntheticSet(.classify, data, neutral ? "-neutral" : "")
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
public func carveDevSplit(_ documents: [Document], _ data: DataSettings) -> (
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

/// Reads (or generates, then reads) the documents the data settings describe.
///
/// The dev split is carved from the training forms (`carveDevSplit`). The test split is `data.test`, else `<root>/testing_data` when it exists, else empty.
func prepareDocuments(_ data: DataSettings, environment: TaskEnvironment) throws
  -> PreparedDocuments
{
  let root: URL
  switch data.source {
  case .funsd:
    root = URL(fileURLWithPath: data.root ?? "")
  case .syntheticForms, .syntheticClassify:
    root = try environment.syntheticSet(.forms, data, "")
  case .rvlcdip:
    throw DataEnvironmentError(
      "data.source 'rvlcdip' has page classes, not entities: use it with task 'classification'")
  case .syntheticQA, .docvqa:
    throw TaskDataError.wrongSource(expected: "a FUNSD-format source for task 'entities'")
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
