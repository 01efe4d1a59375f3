// LayoutLab — the splits of an RVL-CDIP-format folder (`data.source: 'rvlcdip'`), with their OCR.

import Foundation
import LayoutData
import Seeding

/// The label list `name` (`train.txt`, `val.txt`, `test.txt`) of an RVL-CDIP folder: under
/// `labels/` (the official release) or at the root (the small samples); nil when neither exists.
public func rvlcdipLabelList(root: URL, name: String) -> URL? {
  for folder in [root.appendingPathComponent("labels"), root] {
    let file = folder.appendingPathComponent(name)
    if FileManager.default.fileExists(atPath: file.path) { return file }
  }
  return nil
}

/// Reads an RVL-CDIP folder: `train.txt` → train, `val.txt` → dev (or, without it, every
/// `devEvery`-th training page in id order), `test.txt` → test. `perClass` and
/// `trainDocuments` then shrink the training split. Only the pages kept get OCR
/// (`attachOCR`); a missing image or a bad label line is an error naming the list and line.
func prepareRVLCDIPDocuments(
  _ data: DataSettings, cache: URL, tesseract: TesseractOptions = TesseractOptions()
) throws -> PreparedDocuments {
  let root = URL(fileURLWithPath: data.root ?? "")
  guard let trainList = rvlcdipLabelList(root: root, name: "train.txt") else {
    throw DataEnvironmentError(
      "\(root.path): no train.txt (expected labels/train.txt or train.txt with '<image> <class>' lines)"
    )
  }
  var train = try RVLCDIP.readLabels(trainList, requireImages: true)
  var dev: [Document]
  if let validation = rvlcdipLabelList(root: root, name: "val.txt") {
    dev = try RVLCDIP.readLabels(validation, requireImages: true)
  } else {
    let pool = train.sorted { $0.id < $1.id }
    train = []
    dev = []
    for (index, document) in pool.enumerated() {
      if index % data.devEvery == data.devEvery - 1 {
        dev.append(document)
      } else {
        train.append(document)
      }
    }
  }
  if let perClass = data.perClass {
    train = stratifiedSample(train, perClass: perClass, seed: data.generatorSeed)
  }
  if let limit = data.trainDocuments { train = Array(train.prefix(limit)) }
  let testList = rvlcdipLabelList(root: root, name: "test.txt")
  var test = try testList.map { try RVLCDIP.readLabels($0, requireImages: true) } ?? []
  var recognizer = PageOCR(
    folder: data.ocr.map { URL(fileURLWithPath: $0) }, cache: cache, tesseract: tesseract)
  for index in train.indices { try recognizer.attach(to: &train[index]) }
  for index in dev.indices { try recognizer.attach(to: &dev[index]) }
  for index in test.indices { try recognizer.attach(to: &test[index]) }
  var prepared = PreparedDocuments(train: train, dev: dev, test: test, testSource: testList?.path)
  prepared.ocr = recognizer.provenance()
  return prepared
}

/// `perClass` pages of each class (all of a class with fewer), drawn with `seed`, in id order.
func stratifiedSample(_ documents: [Document], perClass: Int, seed: Int) -> [Document] {
  var generator = SeededGenerator(seed: UInt64(seed), stream: "per-class sample")
  let byClass = Dictionary(grouping: documents.sorted { $0.id < $1.id }) { $0.classLabel ?? -1 }
  var sample: [Document] = []
  for label in byClass.keys.sorted() {
    sample += generator.shuffled(byClass[label] ?? []).prefix(perClass)
  }
  return sample.sorted { $0.id < $1.id }
}

/// Gives pages their words and boxes: a TSV in the OCR folder (`<image stem>.tsv`), else the
/// TSV beside the image (already read by `RVLCDIP.readLabels`), else tesseract's output cached
/// under `<cache>/ocr/`, else a tesseract run written there (atomically) for the next run.
struct PageOCR {
  /// `data.ocr`, when set.
  var folder: URL?
  var tesseract: TesseractOptions
  /// `<cache>/ocr/tesseract-psm<N>-<lang>/`.
  var tesseractCache: URL
  private(set) var pages = 0
  private(set) var pagesFromFiles = 0
  private(set) var pagesFromTesseract = 0
  /// The version of the tesseract that ran in this process, when one did.
  private var ranVersion: String?

  init(folder: URL?, cache: URL, tesseract: TesseractOptions) {
    self.folder = folder
    self.tesseract = tesseract
    tesseractCache = cache.appendingPathComponent("ocr").appendingPathComponent(
      "tesseract-psm\(tesseract.pageSegmentationMode)-\(tesseract.language)")
  }

  /// The file that caches tesseract's output for `image`: keyed by the image path and the
  /// options (through the folder name).
  func cacheFile(for image: URL) -> URL {
    let stem = image.deletingPathExtension().lastPathComponent
    let key = SHA256.hexDigest(Array(image.standardizedFileURL.path.utf8)).prefix(16)
    return tesseractCache.appendingPathComponent("\(stem)-\(key).tsv")
  }

  /// Sets `document`'s words, lines and page size from its OCR.
  mutating func attach(to document: inout Document) throws {
    pages += 1
    guard let path = document.imagePath else {
      throw DataEnvironmentError("page \(document.id) has no image to OCR")
    }
    let image = URL(fileURLWithPath: path)
    let stem = image.deletingPathExtension().lastPathComponent
    if let folder {
      let file = folder.appendingPathComponent(stem + ".tsv")
      if FileManager.default.fileExists(atPath: file.path) {
        try apply(TesseractTSV.read(file, documentId: document.id), from: file, to: &document)
        pagesFromFiles += 1
        return
      }
    }
    let beside = image.deletingPathExtension().appendingPathExtension("tsv")
    if FileManager.default.fileExists(atPath: beside.path) {
      pagesFromFiles += 1
      return
    }
    let cached = cacheFile(for: image)
    if !FileManager.default.fileExists(atPath: cached.path) {
      try recognize(image, into: cached, page: document.id)
    }
    try apply(TesseractTSV.read(cached, documentId: document.id), from: cached, to: &document)
    pagesFromTesseract += 1
  }

  /// Runs tesseract on `image` and writes its TSV to `file` (temporary file, then rename).
  private mutating func recognize(_ image: URL, into file: URL, page: String) throws {
    do {
      _ = try TesseractOCR.locateExecutable(tesseract.executable)
    } catch {
      let where_ = folder.map { "no \($0.path)/<stem>.tsv, " } ?? ""
      throw DataEnvironmentError(
        "page \(page) (\(image.path)) has no OCR (\(where_)no TSV beside the image, none cached) "
          + "and tesseract cannot run: \(error). Install tesseract (Debian/Ubuntu: "
          + "'apt-get install -y tesseract-ocr'), or point data.ocr at a folder of "
          + "<image stem>.tsv files ('layoutlab ocr IMAGE... --out DIR').")
    }
    if ranVersion == nil {
      let version = try TesseractOCR.version(tesseract)
      try FileManager.default.createDirectory(at: tesseractCache, withIntermediateDirectories: true)
      try Data((version + "\n").utf8).write(
        to: tesseractCache.appendingPathComponent("version.txt"), options: .atomic)
      ranVersion = version
    }
    let document = try TesseractOCR.recognize(image: image, options: tesseract)
    try TesseractTSV.write(document, to: file)
  }

  /// Copies the OCR's words into `document`; the OCR's page must be the image's size.
  private func apply(_ ocr: Document, from file: URL, to document: inout Document) throws {
    if document.pageWidth > 0,
      ocr.pageWidth != document.pageWidth || ocr.pageHeight != document.pageHeight
    {
      throw DataFormatError(
        file: file.path, entry: "level 1 row",
        expected: "the page size of \(document.imagePath ?? document.id) "
          + "(\(document.pageWidth)×\(document.pageHeight)), found \(ocr.pageWidth)×\(ocr.pageHeight)"
      )
    }
    document.words = ocr.words
    document.lines = ocr.lines
    document.pageWidth = ocr.pageWidth
    document.pageHeight = ocr.pageHeight
  }

  /// What produced the pages' OCR so far.
  func provenance() -> OCRProvenance {
    guard pagesFromTesseract > 0 else {
      return OCRProvenance(engine: .files, pages: pages, pagesWithOCR: pagesFromFiles)
    }
    var version = ranVersion
    if version == nil {
      let file = tesseractCache.appendingPathComponent("version.txt")
      version = (try? String(contentsOf: file, encoding: .utf8))?.trimmingCharacters(
        in: .whitespacesAndNewlines)
    }
    return OCRProvenance(
      engine: .tesseract, engineVersion: version,
      pageSegmentationMode: tesseract.pageSegmentationMode, pages: pages,
      pagesWithOCR: pagesFromFiles + pagesFromTesseract,
      pagesFromFiles: pagesFromFiles > 0 ? pagesFromFiles : nil)
  }
}

/// The pages of a classification run: an RVL-CDIP folder (`rvlcdip`) or the synthetic set.
func prepareClassifiedPages(_ data: DataSettings, environment: TaskEnvironment) throws
  -> PreparedDocuments
{
  data.source == .rvlcdip
    ? try prepareRVLCDIPDocuments(data, cache: environment.cache)
    : try prepareClassificationDocuments(data, environment: environment)
}
