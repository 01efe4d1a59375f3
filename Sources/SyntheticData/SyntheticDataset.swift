// LayoutLab — `layoutlab data synth`: generates a whole synthetic dataset into a folder.

import Dispatch
import Foundation
import LayoutData
import Seeding

/// Generates `docs` pages of `kind` from `seed` into `outputDirectory` and returns the counts.
///
/// Pages are independent: page `i` depends only on `(seed, kind, i)` and the options, so the
/// output is byte-identical for the same arguments whatever `threads` is. The folder must be
/// absent, empty, or an earlier synthetic dataset (with `synth.json`), which is replaced.
public func generateSyntheticDataset(
  kind: SynthesisKind, docs: Int, seed: UInt64, outputDirectory: URL,
  options: SynthesisOptions = SynthesisOptions(), threads: Int = 1
) throws -> SynthesisSummary {
  try options.validate()
  guard (1...1_000_000).contains(docs) else {
    throw SynthesisError.invalidOption(field: "docs", expected: "1...1000000 pages")
  }
  try prepareOutputDirectory(outputDirectory)
  let start = DispatchTime.now().uptimeNanoseconds
  let cpuStart = processCPUSeconds()
  let workers = max(1, min(threads, docs))
  let records = RecordSlots(count: docs)
  DispatchQueue.concurrentPerform(iterations: workers) { worker in
    var index = worker
    while index < docs {
      do {
        records.store(
          index,
          .success(
            try generatePage(
              kind: kind, index: index, count: docs, seed: seed, options: options,
              root: outputDirectory)))
      } catch {
        records.store(index, .failure(error))
      }
      index += workers
    }
  }
  var summary = SynthesisSummary(kind: kind, documents: docs, seed: seed, options: options)
  var pages: [GeneratedPage] = []
  for index in 0..<docs {
    switch records.load(index) {
    case .success(let page):
      summary.add(page.record)
      pages.append(page)
    case .failure(let error):
      throw error
    case nil:
      throw SynthesisError.io(path: outputDirectory.path, reason: "page \(index) was not generated")
    }
  }
  try writeIndexFiles(kind: kind, pages: pages, root: outputDirectory)
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  let manifest = try encoder.encode(summary)
  try PageImageFiles.write(
    Array(manifest), to: outputDirectory.appendingPathComponent(DatasetLayout.manifestName))
  summary.elapsedSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  summary.cpuSeconds = processCPUSeconds() - cpuStart
  summary.threads = workers
  return summary
}

/// A written page: its counts plus what the index files (label lists, question files) need.
struct GeneratedPage: Sendable {
  var record: PageRecord
  var document: Document
  var questions: [Question] = []
  /// `classify`: the classes the page's arrangement and look were drawn from.
  var parts: (layoutClass: Int, visualClass: Int)?
}

/// Generates page `index` and writes its own files; index files are written later.
func generatePage(
  kind: SynthesisKind, index: Int, count: Int, seed: UInt64, options: SynthesisOptions,
  root: URL
) throws -> GeneratedPage {
  let generator = SeededGenerator(
    seed: SeededGenerator.documentSeed(seed: seed, kind: kind.rawValue, index: index))
  var choices = SeededGenerator(
    seed: SeededGenerator.documentSeed(seed: seed, kind: kind.rawValue + "-choices", index: index))
  let id = DatasetLayout.documentId(kind: kind, index: index)
  let splitIndex = DatasetLayout.splitIndex(
    kind: kind, index: index, count: count, options: options)
  let split = DatasetLayout.splits(of: kind)[splitIndex]
  let test = splitIndex == DatasetLayout.splits(of: kind).count - 1 && kind != .corpus
  switch kind {
  case .forms:
    let templates = FormTemplate.ids(holdout: options.templateHoldout, testSplit: test)
    let template = choices.pick(templates, or: 0)
    var page = FormGenerator(options: options).makeForm(
      id: id, template: FormTemplate(id: template), generator: generator)
    let folder = root.appendingPathComponent(split)
    let image = folder.appendingPathComponent("images").appendingPathComponent(id + ".png")
    try PageImageFiles.writePNG(page.canvas, to: image)
    page.document.imagePath = image.path
    try FUNSD.write([page.document], split: folder)
    var record = PageRecord(split: split, template: template, words: page.document.words.count)
    record.items = page.document.entities.map { ($0.label, $0.cue) }
    return GeneratedPage(record: record, document: Document(id: id, pageWidth: 0, pageHeight: 0))
  case .classify, .corpus:
    let variants = ClassifyGenerator.variantCount
    let variant =
      options.templateHoldout && kind == .classify
      ? (test ? variants - 1 : choices.nextInt(below: variants - 1))
      : choices.nextInt(below: variants)
    let classLabel =
      kind == .classify
      ? DatasetLayout.classLabel(index: index, seed: seed) : choices.nextInt(below: 16)
    let cue = Cue.allCases[choices.weightedIndex(options.cueWeights)]
    var page = ClassifyGenerator(options: options).makePageWithParts(
      id: id, classLabel: classLabel, cue: cue, variant: variant, generator: generator,
      labelled: kind == .classify)
    var record = PageRecord(split: split, template: variant, words: page.document.words.count)
    if kind == .corpus {
      try PageImageFiles.writePNG(
        page.canvas, to: root.appendingPathComponent("documents/\(id).png"))
      try MicrosoftReadOCR.write(
        page.document, to: root.appendingPathComponent("ocr_results/\(id).json"))
      return GeneratedPage(record: record, document: Document(id: id, pageWidth: 0, pageHeight: 0))
    }
    let image = root.appendingPathComponent("images/\(id).tif")
    try PageImageFiles.writeTIFF(page.canvas, to: image)
    try TesseractTSV.write(page.document, to: root.appendingPathComponent("images/\(id).tsv"))
    page.document.imagePath = image.path
    record.items = [(RVLCDIP.classNames[classLabel], cue.rawValue)]
    let listed = Document(
      id: id, pageWidth: page.document.pageWidth, pageHeight: page.document.pageHeight,
      imagePath: image.path, classLabel: classLabel, cue: cue.rawValue)
    return GeneratedPage(
      record: record, document: listed, parts: (page.layoutClass, page.visualClass))
  case .qa:
    let variants = 8
    let variant =
      options.templateHoldout
      ? (test ? choices.nextInt(in: 6...7) : choices.nextInt(below: 6))
      : choices.nextInt(below: variants)
    let page = QAGenerator(options: options).makePage(
      id: id, firstQuestionId: index * 10 + 1, variant: variant, generator: generator)
    try PageImageFiles.writePNG(page.canvas, to: root.appendingPathComponent("documents/\(id).png"))
    try MicrosoftReadOCR.write(
      page.document, to: root.appendingPathComponent("ocr_results/\(id).json"))
    var record = PageRecord(split: split, template: variant, words: page.document.words.count)
    record.questionCues = page.questions.compactMap(\.cue)
    return GeneratedPage(
      record: record, document: Document(id: id, pageWidth: 0, pageHeight: 0),
      questions: page.questions)
  }
}

/// Label lists (`classify`) and question files (`qa`), written in page order.
private func writeIndexFiles(kind: SynthesisKind, pages: [GeneratedPage], root: URL) throws {
  switch kind {
  case .classify:
    let imagesRoot = root.appendingPathComponent("images")
    for (index, split) in DatasetLayout.splits(of: kind).enumerated() {
      let documents = pages.filter { $0.record.split == split }.map(\.document)
      let list = root.appendingPathComponent("labels/\(RVLCDIP.splitNames[index])")
      try RVLCDIP.writeLabels(documents, to: list, imagesRoot: imagesRoot)
      // Side file: which class each part of the page came from (`<path> <layout> <visual>`).
      let parts = pages.filter { $0.record.split == split }.compactMap { page in
        page.parts.map { "\(page.document.id).tif \($0.layoutClass) \($0.visualClass)\n" }
      }
      try PageImageFiles.write(
        Array(parts.joined().utf8), to: URL(fileURLWithPath: list.path + ".parts"))
    }
  case .qa:
    for split in DatasetLayout.splits(of: kind) {
      var entries: [DocVQAEntry] = []
      for (index, page) in pages.enumerated() where page.record.split == split {
        for question in page.questions {
          entries.append(
            DocVQAEntry(
              question: question, image: "documents/\(question.documentId).png", docId: index))
        }
      }
      try DocVQAQuestionFile(datasetSplit: split, entries: entries).write(
        to: root.appendingPathComponent("\(split)_v1.0.json"))
    }
  case .forms, .corpus:
    break
  }
}

/// Makes sure `url` is absent, empty or an earlier synthetic dataset (then removes it).
private func prepareOutputDirectory(_ url: URL) throws {
  let manager = FileManager.default
  var isDirectory: ObjCBool = false
  if manager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
    guard isDirectory.boolValue else {
      throw SynthesisError.io(path: url.path, reason: "exists and is not a folder")
    }
    let names = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
    if !names.isEmpty {
      guard names.contains(DatasetLayout.manifestName) else {
        throw SynthesisError.io(
          path: url.path,
          reason: "is not empty and holds no \(DatasetLayout.manifestName); refusing to overwrite")
      }
      do { try manager.removeItem(at: url) } catch {
        throw SynthesisError.io(path: url.path, reason: "cannot replace: \(error)")
      }
    }
  }
  do { try manager.createDirectory(at: url, withIntermediateDirectories: true) } catch {
    throw SynthesisError.io(path: url.path, reason: "cannot create: \(error)")
  }
}

/// CPU time of this process so far, all threads, in seconds.
private func processCPUSeconds() -> Double {
  var time = timespec()
  guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return 0 }
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// One result slot per page, filled from worker threads (each slot by one thread).
private final class RecordSlots: @unchecked Sendable {
  private var slots: [Result<GeneratedPage, Error>?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func store(_ index: Int, _ result: Result<GeneratedPage, Error>) {
    lock.lock()
    slots[index] = result
    lock.unlock()
  }

  func load(_ index: Int) -> Result<GeneratedPage, Error>? {
    lock.lock()
    defer { lock.unlock() }
    return slots[index]
  }
}
