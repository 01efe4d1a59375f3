// LayoutLab — which official layout a path holds, and loading its documents.

import Foundation

/// The dataset layouts LayoutLab reads.
public enum DatasetFormat: String, Sendable, CaseIterable {
  /// A FUNSD split folder with `annotations/` and `images/`.
  case funsd
  /// A DocVQA folder with a `*_v1.0.json` question file, or the file itself.
  case docvqa
  /// An RVL-CDIP label list (`path class` lines), or a folder holding `train.txt` etc.
  case rvlcdip

  /// Guesses the format of `url`; throws when nothing matches.
  public static func detect(_ url: URL) throws -> DatasetFormat {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw DataEnvironmentError("\(url.path) does not exist")
    }
    if !isDirectory.boolValue {
      if url.pathExtension == "json" { return .docvqa }
      if url.pathExtension == "txt" { return .rvlcdip }
    } else {
      let names = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
      if names.contains("annotations") { return .funsd }
      if names.contains(where: { $0.hasSuffix("_v1.0.json") }) { return .docvqa }
      if names.contains(where: { RVLCDIP.splitNames.contains($0) }) || names.contains("labels") {
        return .rvlcdip
      }
    }
    throw DataEnvironmentError(
      "cannot tell the format of \(url.path); pass --format funsd, docvqa or rvlcdip")
  }
}

/// Loads the documents of a dataset: FUNSD forms, DocVQA pages (with OCR words when an OCR
/// file is found) or RVL-CDIP pages (image and class).
public func loadDocuments(_ url: URL, format: DatasetFormat, ocrDirectory: URL? = nil) throws
  -> [Document]
{
  switch format {
  case .funsd:
    return try FUNSD.read(split: url)
  case .docvqa:
    return try DocVQADataset.read(url, ocrDirectory: ocrDirectory).documents
  case .rvlcdip:
    return try RVLCDIP.readAll(url)
  }
}
