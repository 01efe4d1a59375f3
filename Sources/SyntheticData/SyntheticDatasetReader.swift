// LayoutLab — reads a synthetic dataset back through the LayoutData readers, split by split.

import Foundation
import LayoutData

/// A synthetic dataset as the standard readers see it.
public struct SyntheticDatasetContents: Sendable {
  /// The manifest written by the generator.
  public var manifest: SynthesisSummary
  /// Documents per split name, in `DatasetLayout.splits(of:)` order.
  public var documentsBySplit: [(split: String, documents: [Document])]
  /// Questions (`qa` only).
  public var questions: [Question]

  /// Every document, split after split.
  public var documents: [Document] { documentsBySplit.flatMap(\.documents) }

  /// Reads `directory`: its `synth.json`, then every split through the FUNSD, RVL-CDIP,
  /// DocVQA or Microsoft Read OCR reader.
  public static func read(_ directory: URL) throws -> SyntheticDatasetContents {
    let manifestURL = directory.appendingPathComponent(DatasetLayout.manifestName)
    guard let data = FileManager.default.contents(atPath: manifestURL.path) else {
      throw SynthesisError.notADataset(
        path: directory.path,
        expected: "a \(DatasetLayout.manifestName) written by 'layoutlab data synth' (none found)")
    }
    let manifest: SynthesisSummary
    do {
      manifest = try JSONDecoder().decode(SynthesisSummary.self, from: data)
    } catch let DecodingError.keyNotFound(key, _) {
      throw SynthesisError.notADataset(
        path: directory.path, expected: "the field '\(key.stringValue)' in \(manifestURL.path)")
    } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
      let DecodingError.dataCorrupted(context)
    {
      let field = context.codingPath.map(\.stringValue).joined(separator: ".")
      throw SynthesisError.notADataset(
        path: directory.path,
        expected: "\(manifestURL.path) field '\(field)': \(context.debugDescription)")
    } catch {
      throw SynthesisError.notADataset(
        path: directory.path, expected: "a readable \(manifestURL.path)")
    }
    var contents = SyntheticDatasetContents(manifest: manifest, documentsBySplit: [], questions: [])
    switch manifest.kind {
    case .forms:
      for split in DatasetLayout.splits(of: .forms) {
        let folder = directory.appendingPathComponent(split)
        let documents =
          FileManager.default.fileExists(atPath: folder.path) ? try FUNSD.read(split: folder) : []
        contents.documentsBySplit.append((split, documents))
      }
    case .classify:
      for (index, split) in DatasetLayout.splits(of: .classify).enumerated() {
        let list = directory.appendingPathComponent("labels/\(RVLCDIP.splitNames[index])")
        contents.documentsBySplit.append((split, try RVLCDIP.readLabels(list)))
      }
    case .qa:
      for split in DatasetLayout.splits(of: .qa) {
        let file = directory.appendingPathComponent("\(split)_v1.0.json")
        let dataset = try DocVQADataset.read(file)
        contents.documentsBySplit.append((split, dataset.documents))
        contents.questions += dataset.questions
      }
    case .corpus:
      let ocr = directory.appendingPathComponent("ocr_results")
      let names = ((try? FileManager.default.contentsOfDirectory(atPath: ocr.path)) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted()
      var documents: [Document] = []
      for name in names {
        let id = String(name.dropLast(5))
        var document = try MicrosoftReadOCR.read(ocr.appendingPathComponent(name), documentId: id)
        document.imagePath = directory.appendingPathComponent("documents/\(id).png").path
        documents.append(document)
      }
      contents.documentsBySplit.append(("all", documents))
    }
    return contents
  }

  /// The page image of `document`, as 8-bit gray, or `nil` when it has no image.
  public static func pageImage(_ document: Document) throws -> GrayImage? {
    guard let path = document.imagePath, FileManager.default.fileExists(atPath: path) else {
      return nil
    }
    return try decodeImage(contentsOf: URL(fileURLWithPath: path)).convertedToGray()
  }
}
