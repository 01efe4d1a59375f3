// LayoutLab — end-to-end tests: every kind reads back through the LayoutData readers, runs are
// byte-identical for one seed and differ across seeds.

import Foundation
import LayoutData
import XCTest

@testable import SyntheticData

final class SyntheticDatasetTests: XCTestCase {
  private var scratch: URL!

  override func setUpWithError() throws {
    scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "synth-tests-\(ProcessInfo.processInfo.processIdentifier)-\(name.filter(\.isLetter))")
    try? FileManager.default.removeItem(at: scratch)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: scratch)
  }

  func testFormsReadBackThroughTheFUNSDReaderWithCues() throws {
    let out = scratch.appendingPathComponent("forms")
    let summary = try generateSyntheticDataset(
      kind: .forms, docs: 10, seed: 7, outputDirectory: out,
      options: SynthesisOptions(templateHoldout: true), threads: 2)
    let train = try FUNSD.read(split: out.appendingPathComponent("training_data"))
    let test = try FUNSD.read(split: out.appendingPathComponent("testing_data"))
    XCTAssertEqual(train.count, 8)
    XCTAssertEqual(test.count, 2)
    let entities = (train + test).flatMap(\.entities)
    XCTAssertEqual(entities.count, summary.labels.values.reduce(0, +))
    XCTAssertEqual(Set(entities.map(\.label)), ["header", "question", "answer", "other"])
    XCTAssertEqual(Set(entities.compactMap(\.cue)), ["text", "layout", "visual"])
    XCTAssertEqual(train.first?.pageWidth, 762)
    XCTAssertEqual(train.first?.pageHeight, 1000)
    XCTAssertTrue((train + test).allSatisfy { !$0.links.isEmpty })
    // Holdout: test templates never appear in training.
    let trainTemplates = Set(summary.templatesBySplit["training_data"] ?? [])
    let testTemplates = Set(summary.templatesBySplit["testing_data"] ?? [])
    XCTAssertTrue(trainTemplates.isDisjoint(with: testTemplates))
    XCTAssertFalse(testTemplates.isEmpty)
  }

  func testClassifyReadsBackThroughTheRVLCDIPReaderAndIsBalanced() throws {
    let out = scratch.appendingPathComponent("classify")
    let summary = try generateSyntheticDataset(
      kind: .classify, docs: 64, seed: 3, outputDirectory: out)
    let documents = try RVLCDIP.readAll(out)
    XCTAssertEqual(documents.count, 64)
    XCTAssertTrue(
      documents.allSatisfy { $0.cue != nil && !$0.words.isEmpty && $0.imagePath != nil })
    var perClass = [Int](repeating: 0, count: 16)
    for document in documents { perClass[document.classLabel ?? 0] += 1 }
    // Majority class at most 1/16 + 1 %: here exactly balanced.
    XCTAssertLessThanOrEqual(Double(perClass.max() ?? 0) / 64, 1.0 / 16 + 0.01)
    XCTAssertEqual(summary.splits["train"], 52)
    XCTAssertEqual(summary.splits["val"], 4)
    XCTAssertEqual(summary.splits["test"], 8)
    let held = try generateSyntheticDataset(
      kind: .classify, docs: 32, seed: 3, outputDirectory: scratch.appendingPathComponent("held"),
      options: SynthesisOptions(templateHoldout: true))
    XCTAssertEqual(held.templatesBySplit["test"], [ClassifyGenerator.variantCount - 1])
    XCTAssertFalse(
      held.templatesBySplit["train"]?.contains(ClassifyGenerator.variantCount - 1) ?? true)
    let image = try decodeImage(contentsOf: URL(fileURLWithPath: documents[0].imagePath ?? ""))
    XCTAssertEqual(image.width, 762)
    XCTAssertEqual(image.height, 1000)
  }

  func testClassifyPartsFileNamesTheCueClassAndDecoys() throws {
    let out = scratch.appendingPathComponent("parts")
    _ = try generateSyntheticDataset(kind: .classify, docs: 48, seed: 5, outputDirectory: out)
    let documents = try RVLCDIP.readAll(out)
    var parts: [String: (layout: Int, visual: Int)] = [:]
    for split in RVLCDIP.splitNames {
      let text = try String(
        contentsOf: out.appendingPathComponent("labels/\(split).parts"), encoding: .utf8)
      for line in text.split(separator: "\n") {
        let fields = line.split(separator: " ")
        XCTAssertEqual(fields.count, 3, String(line))
        let id = String(fields[0].dropLast(".tif".count))
        parts[id] = (Int(fields[1]) ?? -1, Int(fields[2]) ?? -1)
      }
    }
    XCTAssertEqual(parts.count, documents.count)
    var decoys = 0
    for document in documents {
      let part = try XCTUnwrap(parts[document.id], document.id)
      XCTAssertTrue((0..<16).contains(part.layout) && (0..<16).contains(part.visual))
      // The cue's part carries the class; the others are drawn at random.
      if document.cue == "layout" { XCTAssertEqual(part.layout, document.classLabel) }
      if document.cue == "visual" { XCTAssertEqual(part.visual, document.classLabel) }
      if document.cue == "text", part.layout != document.classLabel { decoys += 1 }
    }
    XCTAssertGreaterThan(decoys, 0)
  }

  func testNeutralPartsReplaceEveryDecoy() throws {
    let out = scratch.appendingPathComponent("neutral")
    var options = SynthesisOptions()
    options.neutralParts = true
    _ = try generateSyntheticDataset(
      kind: .classify, docs: 32, seed: 5, outputDirectory: out, options: options)
    let documents = try RVLCDIP.readAll(out)
    var lines: [Substring] = []
    for split in RVLCDIP.splitNames {
      let text = try String(
        contentsOf: out.appendingPathComponent("labels/\(split).parts"), encoding: .utf8)
      lines += text.split(separator: "\n")
    }
    XCTAssertEqual(lines.count, documents.count)
    for document in documents {
      let fields = try XCTUnwrap(lines.first { $0.hasPrefix(document.id + ".tif ") })
        .split(separator: " ")
      let (layout, visual) = (Int(fields[1]), Int(fields[2]))
      XCTAssertEqual(layout, document.cue == "layout" ? document.classLabel : -1, document.id)
      XCTAssertEqual(visual, document.cue == "visual" ? document.classLabel : -1, document.id)
    }
    // The same seed with decoys differs only in the decoy parts: text-cue words are the same.
    let decoyed = try RVLCDIP.readAll(
      try { () throws -> URL in
        let url = scratch.appendingPathComponent("decoyed")
        _ = try generateSyntheticDataset(kind: .classify, docs: 32, seed: 5, outputDirectory: url)
        return url
      }())
    XCTAssertEqual(decoyed.map(\.classLabel), documents.map(\.classLabel))
    XCTAssertEqual(decoyed.map(\.cue), documents.map(\.cue))
  }

  func testQAReadsBackThroughTheDocVQAReaderWithOCR() throws {
    let out = scratch.appendingPathComponent("qa")
    let summary = try generateSyntheticDataset(kind: .qa, docs: 6, seed: 11, outputDirectory: out)
    let dataset = try DocVQADataset.read(out)
    XCTAssertEqual(dataset.documents.count, 6)
    XCTAssertEqual(dataset.documentsWithOCR.count, 6)
    XCTAssertEqual(dataset.questions.count, summary.questions)
    XCTAssertTrue(dataset.questions.allSatisfy { $0.cue != nil && !$0.answers.isEmpty })
    // The pages carry their OCR words (about 40 or more a page).
    XCTAssertGreaterThan(dataset.documents.map(\.words.count).reduce(0, +), 6 * 40)
  }

  func testCorpusPagesHaveWordsLinesAndImages() throws {
    let out = scratch.appendingPathComponent("corpus")
    _ = try generateSyntheticDataset(kind: .corpus, docs: 4, seed: 5, outputDirectory: out)
    for index in 0..<4 {
      let id = DatasetLayout.documentId(kind: .corpus, index: index)
      let document = try MicrosoftReadOCR.read(
        out.appendingPathComponent("ocr_results/\(id).json"), documentId: id)
      XCTAssertFalse(document.words.isEmpty)
      XCTAssertFalse(document.lines.isEmpty)
      XCTAssertNil(document.classLabel)
      XCTAssertTrue(
        FileManager.default.fileExists(
          atPath: out.appendingPathComponent("documents/\(id).png").path))
    }
  }

  func testSameSeedIsByteIdenticalAndDifferentSeedsDiffer() throws {
    for kind in SynthesisKind.allCases {
      let a = scratch.appendingPathComponent("\(kind)-a")
      let b = scratch.appendingPathComponent("\(kind)-b")
      let c = scratch.appendingPathComponent("\(kind)-c")
      _ = try generateSyntheticDataset(kind: kind, docs: 5, seed: 42, outputDirectory: a)
      _ = try generateSyntheticDataset(
        kind: kind, docs: 5, seed: 42, outputDirectory: b, threads: 2)
      _ = try generateSyntheticDataset(kind: kind, docs: 5, seed: 43, outputDirectory: c)
      let filesA = try fileContents(a)
      XCTAssertEqual(filesA, try fileContents(b), "\(kind): same seed must give the same bytes")
      let filesC = try fileContents(c)
      XCTAssertEqual(Set(filesA.keys), Set(filesC.keys))
      let differing = filesA.keys.filter { filesA[$0] != filesC[$0] }
      XCTAssertGreaterThan(differing.count, filesA.count / 2, "\(kind): seeds must differ")
    }
  }

  func testBadOptionsAndFoldersAreRefusedWithTheirNames() throws {
    var options = SynthesisOptions()
    options.cueWeights = [1, -1, 0]
    XCTAssertThrowsError(
      try generateSyntheticDataset(
        kind: .forms, docs: 2, seed: 1, outputDirectory: scratch, options: options)
    ) { XCTAssertTrue("\($0)".contains("cue-mix")) }
    let occupied = scratch.appendingPathComponent("occupied")
    try FileManager.default.createDirectory(at: occupied, withIntermediateDirectories: true)
    try Data("keep".utf8).write(to: occupied.appendingPathComponent("notes.txt"))
    XCTAssertThrowsError(
      try generateSyntheticDataset(kind: .forms, docs: 2, seed: 1, outputDirectory: occupied)
    ) { XCTAssertTrue("\($0)".contains("refusing")) }
  }

  private func fileContents(_ root: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        result[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
      }
    }
    return result
  }
}
