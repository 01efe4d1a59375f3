// LayoutLab — where a run's words and boxes came from: a score without its OCR is not comparable.

import Foundation
import JSONValues

/// The engine that produced a run's words and boxes.
public enum OCREngine: String, Codable, Sendable, CaseIterable {
  /// The tesseract command-line tool, run by LayoutLab (or its cached output).
  case tesseract
  /// Microsoft's Read API (DocVQA's `ocr_results/`).
  case microsoftRead = "microsoft-read"
  /// Words generated with the page (synthetic data): no OCR ran.
  case synthetic
  /// OCR files found on disk, made by an engine LayoutLab did not run.
  case files
}

/// The OCR behind a run's documents: engine and version, settings, and coverage.
public struct OCRProvenance: Codable, Hashable, Sendable {
  public var engine: OCREngine
  /// The engine's version (`tesseract --version`'s first line) when LayoutLab ran it.
  public var engineVersion: String?
  /// Tesseract's page segmentation mode (`--psm`), when tesseract ran.
  public var pageSegmentationMode: Int?
  /// The unit a box covers; always `word` today.
  public var boxLevel: String = OCRProvenance.wordBoxes
  /// Pages in the run's splits.
  public var pages: Int
  /// Pages that have an OCR result (words may still be empty on a blank page).
  public var pagesWithOCR: Int
  /// Pages whose OCR was read from files although the engine is `tesseract` (mixed sources);
  /// nil when every page came from one source.
  public var pagesFromFiles: Int?
  /// Extractive QA: the share of gold answers found among the OCR words; nil for other tasks.
  public var goldFound: Double?

  /// The `boxLevel` of word boxes.
  public static let wordBoxes = "word"

  /// Creates a provenance record.
  public init(
    engine: OCREngine, engineVersion: String? = nil, pageSegmentationMode: Int? = nil,
    pages: Int, pagesWithOCR: Int, pagesFromFiles: Int? = nil, goldFound: Double? = nil
  ) {
    self.engine = engine
    self.engineVersion = engineVersion
    self.pageSegmentationMode = pageSegmentationMode
    self.pages = pages
    self.pagesWithOCR = pagesWithOCR
    self.pagesFromFiles = pagesFromFiles
    self.goldFound = goldFound
  }
}

extension OCRProvenance {
  /// The file `layoutlab ocr` writes beside its TSVs, recording engine, version and settings.
  public static let sidecarName = "ocr-provenance.json"

  /// The provenance `layoutlab ocr` recorded in `folder`, or nil when it has none. A sidecar
  /// that does not decode is an error naming it.
  public static func read(folder: URL) throws -> OCRProvenance? {
    let url = folder.appendingPathComponent(sidecarName)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    let data = try readDataFile(url, what: "OCR provenance", split: "it should be a few lines")
    do {
      return try JSONDecoder().decode(OCRProvenance.self, from: data)
    } catch let error as DecodingError {
      let translated = JSONFileError(file: url.path, decoding: error)
      throw DataFormatError(
        file: translated.file, entry: translated.location, expected: translated.expected)
    } catch {
      throw DataFormatError(
        file: url.path, entry: "", expected: "the JSON 'layoutlab ocr' writes (\(error))")
    }
  }

  /// Writes the sidecar into `folder` (atomically).
  public func write(folder: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try writeFile(try encoder.encode(self), to: folder.appendingPathComponent(Self.sidecarName))
  }
}
