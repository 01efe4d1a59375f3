// LayoutLab — tesseract's TSV output: one row per page, block, paragraph, line and word.

import Foundation

/// Reads and writes tesseract TSV (`tesseract IMAGE BASE tsv`): 12 tab-separated columns
/// `level page_num block_num par_num line_num word_num left top width height conf text`.
/// Level 1 rows give the page size; level 5 rows are words; words sharing
/// (page, block, paragraph, line) form a `TextLine`.
public enum TesseractTSV {
  static let header =
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"

  /// The names of the 12 columns, for error messages.
  static let columnNames = header.split(separator: "\t").map(String.init)

  /// `column 7 (left)`: the 1-based number and name of the column at `index`.
  static func column(_ index: Int) -> String { "column \(index + 1) (\(columnNames[index]))" }

  /// Reads a TSV file; `documentId` defaults to the file stem.
  public static func read(_ url: URL, documentId: String? = nil) throws -> Document {
    let text = try readTextFile(
      url, what: "tesseract TSV", split: "it should hold one page; OCR pages one by one")
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
            file: file,
            entry: "line \(offset + 1) \(column(index)) \(DataFormatError.quoted(columns[index]))",
            expected: "an integer")
        }
        numbers.append(value)
      }
      guard Double(columns[10]) != nil else {
        throw DataFormatError(
          file: file, entry: "line \(offset + 1) conf \(DataFormatError.quoted(columns[10]))",
          expected: "a number")
      }
      let level = numbers[0]
      let box = try pixelBox(numbers, file: file, line: offset + 1)
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

  /// The box of a row from its `left top width height` columns (`numbers[6...9]`), each
  /// range-checked (`PixelLimits`) and summed with overflow checks; errors name the line and
  /// the column.
  static func pixelBox(_ numbers: [Int], file: String, line: Int) throws -> BoundingBox {
    var values: [Int] = []
    for index in 6...9 {
      values.append(
        try PixelLimits.checked(
          numbers[index], file: file, entry: "line \(line) \(column(index))",
          allowNegative: index < 8))
    }
    let right = values[0].addingReportingOverflow(values[2])
    let bottom = values[1].addingReportingOverflow(values[3])
    guard !right.overflow, !bottom.overflow else {
      throw DataFormatError(
        file: file, entry: "line \(line) left + width, top + height",
        expected: "sums that fit in an integer")
    }
    return BoundingBox(
      x0: Double(values[0]), y0: Double(values[1]), x1: Double(right.partialValue),
      y1: Double(bottom.partialValue))
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
