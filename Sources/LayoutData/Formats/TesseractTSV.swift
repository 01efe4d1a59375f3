// LayoutLab — tesseract's TSV output: one row per page, block, paragraph, line and word.

import Foundation

/// Reads and writes tesseract TSV (`tesseract IMAGE BASE tsv`): 12 tab-separated columns
/// `level page_num block_num par_num line_num word_num left top width height conf text`.
/// Level 1 rows give the page size; level 5 rows are words; words sharing
/// (page, block, paragraph, line) form a `TextLine`.
public enum TesseractTSV {
  static let header =
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"

  /// Reads a TSV file; `documentId` defaults to the file stem.
  public static func read(_ url: URL, documentId: String? = nil) throws -> Document {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw DataEnvironmentError("cannot read \(url.path): \(error.localizedDescription)")
    }
    return try parse(
      text, file: url.path, documentId: documentId ?? url.deletingPathExtension().lastPathComponent)
  }

  /// Parses TSV text; errors name `file` and the line number.
  public static func parse(_ text: String, file: String, documentId: String) throws -> Document {
    var document = Document(id: documentId, pageWidth: 0, pageHeight: 0)
    var lineKeys: [[Int]] = []
    var lineOfKey: [[Int]: Int] = [:]
    for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let row = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      if row.isEmpty { continue }
      if offset == 0, row.hasPrefix("level") { continue }
      let columns = row.split(separator: "\t", omittingEmptySubsequences: false)
      guard columns.count == 12 || columns.count == 11 else {
        throw DataFormatError(
          file: file, entry: "line \(offset + 1)",
          expected: "12 tab-separated columns, got \(columns.count)")
      }
      var numbers: [Int] = []
      for index in 0..<10 {
        guard let value = Int(columns[index]) else {
          throw DataFormatError(
            file: file, entry: "line \(offset + 1) column \(index + 1) '\(columns[index])'",
            expected: "an integer")
        }
        numbers.append(value)
      }
      guard Double(columns[10]) != nil else {
        throw DataFormatError(
          file: file, entry: "line \(offset + 1) conf '\(columns[10])'", expected: "a number")
      }
      let level = numbers[0]
      let box = BoundingBox(
        x0: Double(numbers[6]), y0: Double(numbers[7]), x1: Double(numbers[6] + numbers[8]),
        y1: Double(numbers[7] + numbers[9]))
      if level == 1, document.pageWidth == 0 {
        document.pageWidth = numbers[8]
        document.pageHeight = numbers[9]
      }
      guard level == 5 else { continue }
      let wordText = columns.count == 12 ? String(columns[11]) : ""
      if isBlank(wordText) { continue }
      let key = Array(numbers[1...4])
      let lineIndex: Int
      if let existing = lineOfKey[key] {
        lineIndex = existing
      } else {
        lineIndex = document.lines.count
        lineOfKey[key] = lineIndex
        lineKeys.append(key)
        document.lines.append(TextLine(text: "", box: box, wordIndices: []))
      }
      document.lines[lineIndex].wordIndices.append(document.words.count)
      document.words.append(Word(text: wordText, box: box))
    }
    guard document.pageWidth > 0, document.pageHeight > 0 else {
      throw DataFormatError(
        file: file, entry: "level 1 row", expected: "the page size (width, height > 0)")
    }
    for index in document.lines.indices {
      let words = document.lines[index].wordIndices.map { document.words[$0] }
      document.lines[index].text = words.map(\.text).joined(separator: " ")
      document.lines[index].box = BoundingBox.union(words.map(\.box)) ?? document.lines[index].box
    }
    return document
  }

  /// The TSV text of `document`: a page row, then for each line a line row and its word rows.
  /// Words outside every line get a line of their own. Boxes are rounded to whole pixels.
  public static func tsv(_ document: Document) -> String {
    var rows = [header]
    rows.append("1\t1\t0\t0\t0\t0\t0\t0\t\(document.pageWidth)\t\(document.pageHeight)\t-1\t")
    var lines = document.lines
    let covered = Set(lines.flatMap(\.wordIndices))
    for (index, word) in document.words.enumerated() where !covered.contains(index) {
      lines.append(TextLine(text: word.text, box: word.box, wordIndices: [index]))
    }
    for (lineNumber, line) in lines.enumerated() {
      rows.append("4\t1\t1\t1\t\(lineNumber + 1)\t0\t" + pixels(line.box) + "\t-1\t")
      for (wordNumber, index) in line.wordIndices.enumerated()
      where document.words.indices.contains(index) {
        let word = document.words[index]
        let text = word.text.replacingOccurrences(of: "\t", with: " ")
          .replacingOccurrences(of: "\n", with: " ")
        rows.append(
          "5\t1\t1\t1\t\(lineNumber + 1)\t\(wordNumber + 1)\t" + pixels(word.box) + "\t95\t" + text)
      }
    }
    return rows.joined(separator: "\n") + "\n"
  }

  static func pixels(_ box: BoundingBox) -> String {
    let left = Int(box.x0.rounded())
    let top = Int(box.y0.rounded())
    let width = max(0, Int(box.x1.rounded()) - left)
    let height = max(0, Int(box.y1.rounded()) - top)
    return "\(left)\t\(top)\t\(width)\t\(height)"
  }

  /// Writes the TSV of `document` to `url`.
  public static func write(_ document: Document, to url: URL) throws {
    try writeFile(Data(tsv(document).utf8), to: url)
  }
}
