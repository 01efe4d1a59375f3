// LayoutLab — `layoutlab data stats`: a dataset's counts as text or one JSON object.

import Foundation
import LayoutData

extension DatasetStats {
  /// Human-readable lines, as `data stats` prints them.
  public var text: String {
    var lines = ["format: \(format)", "documents: \(documents)", "words: \(words)"]
    if format == DatasetFormat.funsd.rawValue || entities > 0 {
      let perLabel = entitiesPerLabel.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
      lines.append("entities: \(entities) (" + perLabel.joined(separator: ", ") + ")")
      lines.append("links: \(links)")
    }
    if let questions {
      lines.append("questions: \(questions)")
      lines.append("pages with OCR: \(documentsWithOCR ?? 0) of \(documents)")
      if (documentsWithOCR ?? 0) == 0 {
        lines.append("answers found in OCR: n/a (no OCR; run 'layoutlab ocr' and pass --ocr DIR)")
      } else {
        let found = answersFoundInOCR ?? 0
        let total = found + (answersNotFoundInOCR ?? 0)
        lines.append("answers found in OCR: \(found) of \(total)")
      }
    }
    if let classes {
      for (id, name) in RVLCDIP.classNames.enumerated() where classes[name] != nil {
        lines.append("class \(id) \(name): \(classes[name] ?? 0)")
      }
    }
    if missingImages > 0 { lines.append("missing page images: \(missingImages)") }
    if !cues.isEmpty {
      let total = cues.values.reduce(0, +)
      let mix = cues.sorted { $0.key < $1.key }.map {
        "\($0.key) \($0.value) (\(Int((100 * Double($0.value) / Double(total)).rounded())) %)"
      }
      lines.append("cue mix: " + mix.joined(separator: ", "))
    }
    return lines.joined(separator: "\n")
  }

  /// One JSON object with sorted keys.
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }
}

/// The FUNSD splits a dataset root holds (`training_data/`, `testing_data/`, each with
/// `annotations/`), in that order; empty when `url` is not such a root.
func funsdSplits(of url: URL) -> [String] {
  ["training_data", "testing_data"].filter {
    FileManager.default.fileExists(
      atPath: url.appendingPathComponent($0).appendingPathComponent("annotations").path)
  }
}

/// Runs `layoutlab data stats PATH [--format F] [--ocr DIR] [--json]` and returns the report.
///
/// PATH is one split, or a FUNSD dataset root (`training_data/`, `testing_data/`, as
/// `data synth` writes it): then each split is reported, as a `split <name>` section of text or
/// one JSON object keyed by split name.
public func runDataStats(path: String, format: DatasetFormat?, ocrDirectory: String?, json: Bool)
  throws -> String
{
  let url = URL(fileURLWithPath: path)
  let splits = format == nil || format == .funsd ? funsdSplits(of: url) : []
  if !splits.isEmpty {
    var sections: [String] = []
    var objects: [String] = []
    for split in splits {
      let stats = DatasetStats.compute(
        documents: try FUNSD.read(split: url.appendingPathComponent(split)), format: .funsd)
      sections.append("split \(split):\n" + stats.text)
      objects.append("\"\(split)\":" + (try stats.json()))
    }
    return json ? "{" + objects.joined(separator: ",") + "}" : sections.joined(separator: "\n\n")
  }
  let resolved = try format ?? DatasetFormat.detect(url)
  let stats: DatasetStats
  if resolved == .docvqa {
    let dataset = try DocVQADataset.read(
      url, ocrDirectory: ocrDirectory.map { URL(fileURLWithPath: $0) })
    stats = DatasetStats.compute(
      documents: dataset.documents, format: resolved, questions: dataset.questions,
      documentsWithOCR: dataset.documentsWithOCR)
  } else {
    stats = DatasetStats.compute(
      documents: try loadDocuments(url, format: resolved), format: resolved)
  }
  return json ? try stats.json() : stats.text
}
