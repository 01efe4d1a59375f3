// LayoutLab — RVL-CDIP label lists (`path class` lines) with TIFF page images.

import Foundation

/// Reads and writes RVL-CDIP label lists. A line is `<relative/image/path.tif> <class id>`.
/// The synthetic cue tag lives in a side file `<list>.cues` (`<path> <cue>` lines) that
/// standard readers never open; a third column on the label line is accepted too.
public enum RVLCDIP {
  /// The 16 classes in the standard order (ids 0...15).
  public static let classNames = [
    "letter", "form", "email", "handwritten", "advertisement", "scientific report",
    "scientific publication", "specification", "file folder", "news article", "budget",
    "invoice", "presentation", "questionnaire", "resume", "memo",
  ]
  /// The label lists of the standard splits.
  public static let splitNames = ["train.txt", "val.txt", "test.txt"]

  /// Reads one label list. Images are looked up under `imagesRoot`, or else under `images/`
  /// beside the list or beside its folder. A page whose image exists gets its size from the TIFF
  /// header and `imagePath`; a tesseract TSV next to the image (same stem) gives its words.
  /// With `requireImages`, a missing image is an error naming the list and the line; without
  /// it the page is kept without an image.
  public static func readLabels(_ file: URL, imagesRoot: URL? = nil, requireImages: Bool = false)
    throws -> [Document]
  {
    let text = try readTextFile(
      file, what: "label list",
      split: "split it into several lists (train.txt, val.txt, test.txt or more)")
    let cues = try readCues(URL(fileURLWithPath: file.path + ".cues"))
    var entries: [(path: String, label: Int, cue: String?, line: Int)] = []
    for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let fields = rawLine.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
      if fields.isEmpty { continue }
      guard fields.count == 2 || fields.count == 3, let label = Int(fields[1]),
        classNames.indices.contains(label)
      else {
        throw DataFormatError(
          file: file.path, entry: "line \(offset + 1) \(DataFormatError.quoted(rawLine))",
          expected: "'<image path> <class 0...15>' (an optional third column is the cue)")
      }
      let path = String(fields[0])
      entries.append((path, label, fields.count == 3 ? String(fields[2]) : cues[path], offset + 1))
    }
    let root = imagesRoot ?? locateImagesRoot(for: file, firstPath: entries.first?.path)
    return try entries.map { entry in
      let source = "line \(entry.line) \(DataFormatError.quoted(entry.path))"
      return try namingSource(file: file.path, entry: source) {
        try readPage(entry, root: root, requireImages: requireImages)
      }
    }
  }

  /// The page of one label-list entry: its TSV words (when a TSV sits beside the image) and its
  /// image size. Errors name the image or TSV; the caller puts the list and line first.
  private static func readPage(
    _ entry: (path: String, label: Int, cue: String?, line: Int), root: URL, requireImages: Bool
  ) throws -> Document {
    let image = root.appendingPathComponent(entry.path)
    let id = (entry.path as NSString).deletingPathExtension
    var document = Document(
      id: id, pageWidth: 0, pageHeight: 0, classLabel: entry.label, cue: entry.cue)
    let ocr = image.deletingPathExtension().appendingPathExtension("tsv")
    if try listedFileExists(ocr, what: "a tesseract TSV") {
      let words = try TesseractTSV.read(ocr, documentId: id)
      document.words = words.words
      document.lines = words.lines
      document.pageWidth = words.pageWidth
      document.pageHeight = words.pageHeight
    }
    let imageExists = try listedFileExists(image, what: "a page image")
    if requireImages, !imageExists {
      throw DataFormatError(
        file: image.path, entry: "", expected: "a page image here, which does not exist")
    }
    if imageExists {
      let size = try ImageHeader.pixelSize(of: image)
      document.pageWidth = size.width
      document.pageHeight = size.height
      document.imagePath = image.path
    }
    return document
  }

  static func locateImagesRoot(for file: URL, firstPath: String?) -> URL {
    let folder = file.deletingLastPathComponent()
    let candidates = [
      folder.appendingPathComponent("images"),
      folder.deletingLastPathComponent().appendingPathComponent("images"), folder,
    ]
    if let firstPath {
      for candidate in candidates
      where FileManager.default.fileExists(atPath: candidate.appendingPathComponent(firstPath).path)
      {
        return candidate
      }
    }
    return candidates[0]
  }

  static func readCues(_ url: URL) throws -> [String: String] {
    guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
    let text = try readTextFile(url, what: "cue file", split: "split its label list first")
    var cues: [String: String] = [:]
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
      if fields.isEmpty { continue }
      guard fields.count == 2 else {
        throw DataFormatError(
          file: url.path, entry: "line \(offset + 1) \(DataFormatError.quoted(line))",
          expected: "'<image path> <cue>'")
      }
      cues[String(fields[0])] = String(fields[1])
    }
    return cues
  }

  /// Reads a label list, or every split list (`train.txt`, `val.txt`, `test.txt`, also under
  /// `labels/`) in a folder, in that order.
  public static func readAll(_ url: URL) throws -> [Document] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw DataEnvironmentError("\(url.path) does not exist")
    }
    if !isDirectory.boolValue { return try readLabels(url) }
    var documents: [Document] = []
    for folder in [url, url.appendingPathComponent("labels")] {
      for name in splitNames {
        let file = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: file.path) {
          documents.append(contentsOf: try readLabels(file))
        }
      }
    }
    return documents
  }

  /// Writes a label list (`<imagePath relative to imagesRoot, or id.tif> <class>`) and, when
  /// any document has a cue, the side file `<list>.cues`.
  public static func writeLabels(_ documents: [Document], to file: URL, imagesRoot: URL? = nil)
    throws
  {
    var lines: [String] = []
    var cueLines: [String] = []
    for document in documents {
      guard let label = document.classLabel, classNames.indices.contains(label) else {
        throw DataFormatError(file: document.id, entry: "classLabel", expected: "a class in 0...15")
      }
      var path = document.id + ".tif"
      if let image = document.imagePath, let root = imagesRoot?.path, image.hasPrefix(root + "/") {
        path = String(image.dropFirst(root.count + 1))
      }
      lines.append("\(path) \(label)")
      if let cue = document.cue { cueLines.append("\(path) \(cue)") }
    }
    try writeFile(Data((lines.joined(separator: "\n") + "\n").utf8), to: file)
    if !cueLines.isEmpty {
      try writeFile(
        Data((cueLines.joined(separator: "\n") + "\n").utf8),
        to: URL(fileURLWithPath: file.path + ".cues"))
    }
  }
}
