// LayoutLab — synthetic FUNSD-style forms whose entities are each decided by one modality.

import LayoutData
import Seeding

/// Builds one synthetic form: header, question, answer and other entities with links.
///
/// Blocks are stacked down the page; each block's cue is chosen so that the entity counts
/// follow the cue weights:
/// - `text`: keys end in ':' and come from the key list, values look like values (dates,
///   names, amounts), headers are upper-case titles and boilerplate is a sentence;
/// - `layout`: both strings come from one ambiguous pool; the left (or upper) string of a pair
///   is the question, a table's first row holds questions and its body answers, and a lone
///   centred line is a header;
/// - `visual`: one ambiguous string in a fixed slot whose label is drawn uniformly and shown
///   only by pixels: shaded band = header, thick frame = question, checked box = answer,
///   struck out = other.
struct FormGenerator {
  static let labels = ["header", "question", "answer", "other"]

  let options: SynthesisOptions

  /// The form with id `id` from `template`, drawn with `generator`.
  func makeForm(id: String, template: FormTemplate, generator: SeededGenerator)
    -> (document: Document, canvas: PageCanvas)
  {
    var page = PageBuilder(
      width: options.pageWidth, height: options.pageHeight, generator: generator)
    let margin = template.margin + page.generator.nextInt(in: -8...8)
    let right = page.width - margin
    let bottom = page.height - margin - 30
    let lineHeight = PageBuilder.lineHeight(scale: template.bodyScale)
    var y = margin + page.generator.nextInt(in: -6...10)
    if template.hasLogo {
      page.canvas.logo(cx: margin + 40, cy: y + 36, radius: 34)
      y += 12
    }
    // The title (a text-cue header) and form number (text-cue other), unless text is off.
    let textOn = options.cueWeights[0] > 0
    if textOn {
      let title = page.generator.pick(WordBank.headers, or: "")
      let titleWidth = BitmapFont.width(of: title, scale: template.headerScale)
      let titleX =
        template.centeredHeader || template.hasLogo
        ? max(margin, (page.width - titleWidth) / 2) : margin
      let titleWords = page.drawLine(
        title, x: titleX, y: y, scale: template.headerScale, bold: true)
      page.addEntity(label: "header", cue: .text, wordIndices: titleWords)
    }
    y += PageBuilder.lineHeight(scale: template.headerScale) + 24
    if template.hasLogo { y = max(y, margin + 90) }

    var counts = [0.0, 0.0, 0.0]
    var usedBands = Set<Int>()
    let weights = options.cueWeights
    let weightSum = weights.reduce(0, +)
    counts[0] = textOn ? 1 : 0
    while y + lineHeight * 3 < bottom {
      let total = counts.reduce(0, +) + 2
      // The cue furthest below its share goes next (ties and near-ties broken at random).
      let deficits = (0..<3).map {
        weights[$0] > 0
          ? weights[$0] / weightSum * total - counts[$0] + page.generator.nextUniformDouble()
          : -.infinity
      }
      let cue = Cue.allCases[deficits.indices.max { deficits[$0] < deficits[$1] } ?? 0]
      let before = page.entities.count
      switch cue {
      case .text:
        y = textBlock(&page, template: template, y: y, margin: margin, right: right)
      case .layout:
        y = layoutBlock(
          &page, template: template, y: y, margin: margin, right: right, bottom: bottom)
      case .visual:
        // One or two fields side by side; two pay back a large deficit faster.
        let fields = deficits[2] >= 2 ? 2 : 1
        y = visualRow(
          &page, template: template, y: y, margin: margin, right: right, bottom: bottom,
          fields: fields, usedBands: &usedBands)
      }
      counts[Cue.allCases.firstIndex(of: cue) ?? 0] += Double(page.entities.count - before)
      y += template.rowGap + page.generator.nextInt(in: 0...6)
    }
    // A form number in the corner, as on real forms: text-cue other.
    if textOn {
      let code =
        "Form \(page.generator.nextInt(in: 10...99))-\(page.generator.nextInt(in: 100...999))"
      let codeWords = page.drawLine(
        code, x: margin, y: page.height - margin / 2 - 14, scale: template.bodyScale)
      page.addEntity(label: "other", cue: .text, wordIndices: codeWords)
    }
    return page.finish(id: id, options: options)
  }

  /// A text-cue block: a key with a colon and its value, a boilerplate line or a section title.
  private func textBlock(
    _ page: inout PageBuilder, template: FormTemplate, y: Int, margin: Int, right: Int
  ) -> Int {
    let s = template.bodyScale
    let lineHeight = PageBuilder.lineHeight(scale: s)
    let roll = page.generator.nextUniformDouble()
    if roll < 0.62 {
      let columnWidth = (right - margin) / template.columns
      var rowY = y
      for column in 0..<template.columns {
        let keyWord = page.generator.pick(WordBank.keys, or: "")
        let key = keyWord + ":"
        let value = WordBank.value(forKey: keyWord, &page.generator)
        let x = margin + column * columnWidth
        let keyEnd = x + BitmapFont.width(of: key, scale: s)
        let valueX = max(x + min(template.keyColumnWidth, columnWidth / 2), keyEnd + 3 * s * 2)
        if valueX + BitmapFont.width(of: value, scale: s) > x + columnWidth - 8 { break }
        let q = page.addEntity(
          label: "question", cue: .text, wordIndices: page.drawLine(key, x: x, y: y, scale: s))
        let a = page.addEntity(
          label: "answer", cue: .text,
          wordIndices: page.drawLine(value, x: valueX, y: y, scale: s))
        page.canvas.ink(
          x0: valueX - 4, y0: y + lineHeight - 4, x1: x + columnWidth - 16, y1: y + lineHeight - 3,
          ink: 40)
        page.link(q, a)
        rowY = y + lineHeight
      }
      return rowY
    }
    if roll < 0.7 {
      let words = page.drawLine(
        page.generator.pick(WordBank.boilerplate, or: ""), x: margin, y: y, scale: s)
      page.addEntity(label: "other", cue: .text, wordIndices: words)
      return y + lineHeight
    }
    if roll < 0.88 {
      // An instruction paragraph: one `other` entity over several lines.
      let perLine = (right - margin) / BitmapFont.advance(scale: s)
      var words: [Int] = []
      var rowY = y
      for _ in 0..<page.generator.nextInt(in: 2...4) {
        var line = ""
        while true {
          let next = page.generator.pick(WordBank.instructionWords, or: "")
          if line.count + next.count + 1 > perLine { break }
          line += line.isEmpty ? next : " " + next
        }
        words += page.drawLine(line, x: margin, y: rowY, scale: s)
        rowY += lineHeight
      }
      page.addEntity(label: "other", cue: .text, wordIndices: words)
      return rowY
    }
    let title = page.generator.pick(WordBank.headers, or: "")
    let words = page.drawLine(title, x: margin, y: y + 6, scale: s, bold: true)
    page.addEntity(label: "header", cue: .text, wordIndices: words)
    return y + lineHeight + 10
  }

  /// A layout-cue block over ambiguous strings: a pair side by side, a pair one above the
  /// other, a table, or a lone centred section line.
  private func layoutBlock(
    _ page: inout PageBuilder, template: FormTemplate, y: Int, margin: Int, right: Int, bottom: Int
  ) -> Int {
    let s = template.bodyScale
    let lineHeight = PageBuilder.lineHeight(scale: s)
    let roll = page.generator.nextUniformDouble()
    if roll < 0.35 {
      let key = WordBank.ambiguousPhrase(&page.generator)
      let value = WordBank.ambiguousPhrase(&page.generator)
      let keyEnd = margin + BitmapFont.width(of: key, scale: s)
      let valueX = max(margin + template.keyColumnWidth, keyEnd + 40)
      let q = page.addEntity(
        label: "question", cue: .layout, wordIndices: page.drawLine(key, x: margin, y: y, scale: s))
      let a = page.addEntity(
        label: "answer", cue: .layout,
        wordIndices: page.drawLine(value, x: valueX, y: y, scale: s))
      page.link(q, a)
      return y + lineHeight
    }
    if roll < 0.6 {
      let key = WordBank.ambiguousPhrase(&page.generator)
      let value = WordBank.ambiguousPhrase(&page.generator)
      let x = margin + page.generator.nextInt(in: 0...40)
      let q = page.addEntity(
        label: "question", cue: .layout, wordIndices: page.drawLine(key, x: x, y: y, scale: s))
      let a = page.addEntity(
        label: "answer", cue: .layout,
        wordIndices: page.drawLine(value, x: x + 2 * s, y: y + lineHeight + 2, scale: s))
      page.link(q, a)
      return y + 2 * lineHeight + 2
    }
    if roll < 0.85 {
      return table(&page, template: template, y: y, margin: margin, right: right, bottom: bottom)
    }
    let title = WordBank.ambiguousPhrase(&page.generator)
    let titleX = (page.width - BitmapFont.width(of: title, scale: s)) / 2
    let words = page.drawLine(title, x: titleX, y: y + 8, scale: s)
    page.addEntity(label: "header", cue: .layout, wordIndices: words)
    return y + lineHeight + 16
  }

  /// A table: the first row's cells are questions, the body's cells answers, linked by column.
  private func table(
    _ page: inout PageBuilder, template: FormTemplate, y: Int, margin: Int, right: Int, bottom: Int
  ) -> Int {
    let s = template.bodyScale
    let rowHeight = PageBuilder.lineHeight(scale: s) + 6
    let columns = template.tableColumns
    let bodyRows = min(page.generator.nextInt(in: 1...2), max(1, (bottom - y) / rowHeight - 2))
    let cellWidth = (right - margin) / columns
    var headerIds: [Int?] = []
    for column in 0..<columns {
      let text = WordBank.ambiguousPhrase(&page.generator, maxWords: 1)
      let words = page.drawLine(text, x: margin + column * cellWidth + 6, y: y + 4, scale: s)
      headerIds.append(page.addEntity(label: "question", cue: .layout, wordIndices: words))
    }
    for row in 1...bodyRows {
      for column in 0..<columns {
        let text = WordBank.ambiguousPhrase(&page.generator, maxWords: 1)
        let words = page.drawLine(
          text, x: margin + column * cellWidth + 6, y: y + 4 + row * rowHeight, scale: s)
        let id = page.addEntity(label: "answer", cue: .layout, wordIndices: words)
        page.link(headerIds[column], id)
      }
    }
    let tableBottom = y + (bodyRows + 1) * rowHeight
    if template.ruledTables {
      page.canvas.frame(x0: margin, y0: y, x1: right, y1: tableBottom, thickness: 2, ink: 0)
      for row in 1...bodyRows {
        let ry = y + row * rowHeight
        page.canvas.ink(x0: margin, y0: ry, x1: right, y1: ry + 1, ink: 0)
      }
      for column in 1..<columns {
        let cx = margin + column * cellWidth
        page.canvas.ink(x0: cx, y0: y, x1: cx + 1, y1: tableBottom, ink: 0)
      }
    } else {
      page.canvas.ink(x0: margin, y0: y + rowHeight - 2, x1: right, y1: y + rowHeight, ink: 0)
    }
    return tableBottom + 4
  }
}
