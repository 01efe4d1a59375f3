// LayoutLab — synthetic DocVQA pages and questions, each decided by one modality.

import LayoutData
import Seeding

/// Builds one `qa` page and its extractive questions.
///
/// Every page holds key/value fields, a table and option rows; each question's cue picks where
/// its answer comes from:
/// - `text`: "What is the date?" — the answer follows its key ("Date:") in reading order;
/// - `layout`: "What is the Q3 value for Region?" — row and column labels are unique words
///   and the answer sits where that row meets that column, which reading order does not show;
/// - `visual`: "Which control option is checked?" (or "…is highlighted?") — the options are
///   words of the same kind at regular positions; only the checked box or the shaded cell
///   in the image tells which one is meant. Each option row has a band of the 7×7 visual grid
///   to itself and each option's mark a grid column, so the pooled grid can tell them apart.
struct QAGenerator {
  let options: SynthesisOptions

  /// The page `id` and its questions (ids from `firstQuestionId`), from template `variant`.
  func makePage(
    id: String, firstQuestionId: Int, variant: Int, generator: SeededGenerator
  ) -> (document: Document, canvas: PageCanvas, questions: [Question]) {
    var page = PageBuilder(
      width: options.pageWidth, height: options.pageHeight, generator: generator)
    var template = SeededGenerator(
      seed: SeededGenerator.stableHash("qa-template") ^ UInt64(variant))
    let margin = template.nextInt(in: 40...80) + page.generator.nextInt(in: -6...6)
    let right = page.width - margin
    let s = 2
    let lineHeight = PageBuilder.lineHeight(scale: s)
    var y = margin
    let title = page.generator.pick(WordBank.headers, or: "")
    page.drawLine(title, x: margin, y: y, scale: 3, bold: true)
    y += 60

    // Key/value fields: the text-cue answers.
    var fields: [(key: String, value: String)] = []
    var usedKeys = Set<String>()
    let keyColumn = template.nextInt(in: 160...230)
    for _ in 0..<page.generator.nextInt(in: 4...6) {
      let key = page.generator.pick(WordBank.keys, or: "")
      if usedKeys.contains(key) { continue }
      usedKeys.insert(key)
      let value = WordBank.value(forKey: key, &page.generator)
      page.drawLine(key + ":", x: margin, y: y, scale: s)
      page.drawLine(value, x: margin + keyColumn, y: y, scale: s)
      fields.append((key, value))
      y += lineHeight + 6
    }
    y += 20

    // A table: the layout-cue answers.
    let columnCount = template.nextInt(in: 3...4)
    let rowCount = page.generator.nextInt(in: 3...5)
    let words = page.generator.shuffled(WordBank.ambiguous)
    let columnNames = (0..<columnCount).map { "Q\($0 + 1)" }
    let rowNames = Array(words.prefix(rowCount))
    let cellWidth = (right - margin - 200) / columnCount
    for (c, name) in columnNames.enumerated() {
      page.drawLine(name, x: margin + 200 + c * cellWidth, y: y, scale: s, bold: true)
    }
    page.canvas.ink(x0: margin, y0: y + lineHeight, x1: right, y1: y + lineHeight + 2, ink: 0)
    y += lineHeight + 8
    var cells: [[String]] = []
    for rowName in rowNames {
      page.drawLine(rowName, x: margin, y: y, scale: s)
      var row: [String] = []
      for c in 0..<columnCount {
        let value = "\(page.generator.nextInt(in: 1...999)).\(page.generator.nextInt(in: 0...9))"
        page.drawLine(value, x: margin + 200 + c * cellWidth, y: y, scale: s)
        row.append(value)
      }
      cells.append(row)
      y += lineHeight + 4
    }
    y += 30

    // Option rows: the visual-cue answers (checked box, or a shaded option), one row per band
    // of the 7×7 visual grid and each option's decoration in its own grid column (1, 3, 5),
    // so that after resizing to 224×224 and pooling, one visual token holds one option's mark.
    var optionRows: [(topic: String, options: [String], chosen: Int, shaded: Bool)] = []
    var pool = Array(words.dropFirst(rowCount))
    let band = Double(page.height) / 7
    let column = Double(page.width) / 7
    var row = Int((Double(y) / band).rounded(.up))
    while row < 7, pool.count >= 4 {
      let top = Int(Double(row) * band)
      let optionTop = top + lineHeight + 16
      guard optionTop + 38 <= Int(Double(row + 1) * band) - 4 else { break }
      let topic = pool.removeFirst().lowercased()
      let choices = Array(pool.prefix(3))
      pool.removeFirst(3)
      let chosen = page.generator.nextInt(below: choices.count)
      let shaded = page.generator.nextBool(probability: 0.5)
      page.drawLine(topic.capitalized + ":", x: margin, y: top + 8, scale: s)
      for (index, choice) in choices.enumerated() {
        let x = Int(Double(1 + 2 * index) * column) + 8
        if shaded {
          if index == chosen {
            page.canvas.fill(
              x0: x - 4, y0: optionTop, x1: x + Int(column) - 12, y1: optionTop + 38, value: 140)
          }
        } else {
          page.canvas.checkbox(x: x, y: optionTop + 2, size: 34, checked: index == chosen)
        }
        page.drawLine(choice, x: x + (shaded ? 6 : 44), y: optionTop + 10, scale: s)
      }
      optionRows.append((topic, choices, chosen, shaded))
      row += 1
    }

    var questions: [Question] = []
    let count = page.generator.nextInt(in: 3...5)
    for q in 0..<count {
      let cue = Cue.allCases[page.generator.weightedIndex(options.cueWeights)]
      let questionId = firstQuestionId + q
      switch cue {
      case .text where !fields.isEmpty:
        let field = fields[page.generator.nextInt(below: fields.count)]
        questions.append(
          Question(
            questionId: questionId, text: "What is the \(field.key.lowercased())?",
            answers: [field.value], documentId: id, cue: cue.rawValue))
      case .visual where !optionRows.isEmpty:
        let row = optionRows[page.generator.nextInt(below: optionRows.count)]
        let verb = row.shaded ? "highlighted" : "checked"
        questions.append(
          Question(
            questionId: questionId, text: "Which \(row.topic) option is \(verb)?",
            answers: [row.options[row.chosen]], documentId: id, cue: cue.rawValue))
      default:
        let r = page.generator.nextInt(below: rowNames.count)
        let c = page.generator.nextInt(below: columnCount)
        questions.append(
          Question(
            questionId: questionId,
            text: "What is the \(columnNames[c]) value for \(rowNames[r])?",
            answers: [cells[r][c]], documentId: id, cue: Cue.layout.rawValue))
      }
    }
    let finished = page.finish(id: id, options: options)
    return (finished.document, finished.canvas, questions)
  }
}
