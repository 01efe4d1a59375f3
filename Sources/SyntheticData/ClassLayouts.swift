// LayoutLab — the 16 page arrangements of `classify`: where text goes on each document type.

import Seeding

/// Draws the words of a `classify` page in the arrangement of one class.
///
/// An arrangement fixes geometry only (blocks, columns, alignment, font sizes, spacing); the
/// words come from a `PhraseSource`, so a `layout`-cue page is decided by geometry alone.
/// `variant` (the template) shifts margins, sizes and counts.
struct ClassLayouts {
  let source: PhraseSource
  let variant: Int

  /// Draws the arrangement of class `layoutClass` on `page` (a negative class: the plain
  /// arrangement no class uses).
  func draw(_ layoutClass: Int, on page: inout PageBuilder) {
    var g = SeededGenerator(
      seed: SeededGenerator.stableHash("layout-\(layoutClass)") ^ UInt64(variant))
    let margin = 50 + g.nextInt(in: 0...30) + page.generator.nextInt(in: -6...6)
    let top = 60 + g.nextInt(in: 0...40) + page.generator.nextInt(in: -6...6)
    let frame = Frame(left: margin, top: top, right: page.width - margin, bottom: page.height - 60)
    switch layoutClass {
    case ..<0: plain(&page, frame)
    case 0: letter(&page, frame)
    case 1: keyValueGrid(&page, frame, columns: 2, underline: true)
    case 2: email(&page, frame)
    case 3: handwritten(&page, frame)
    case 4: advertisement(&page, frame)
    case 5: report(&page, frame)
    case 6: columns(&page, frame, count: 2, titleScale: 3, bodyScale: 2)
    case 7: table(&page, frame, columns: 6, rows: 18, numeric: true, totals: false)
    case 8: folder(&page, frame)
    case 9: columns(&page, frame, count: 3, titleScale: 5, bodyScale: 2)
    case 10: table(&page, frame, columns: 3, rows: 22, numeric: true, totals: true)
    case 11: invoice(&page, frame)
    case 12: slide(&page, frame)
    case 13: questionnaire(&page, frame)
    case 14: resume(&page, frame)
    default: memo(&page, frame)
    }
  }

  struct Frame {
    var left: Int
    var top: Int
    var right: Int
    var bottom: Int
    var width: Int { right - left }
  }

  /// The neutral arrangement: left-aligned body paragraphs down the page, no title.
  func plain(_ page: inout PageBuilder, _ frame: Frame) {
    var y = frame.top
    while y < frame.bottom - 120 {
      y = paragraph(&page, x: frame.left, y: y, width: frame.width, lines: 4, scale: 2) + 24
    }
  }

  /// Wrapped running text from `y`; returns the y after the paragraph.
  func paragraph(
    _ page: inout PageBuilder, x: Int, y: Int, width: Int, lines: Int, scale: Int,
    indent: Int = 0, handwritten: Bool = false, leading: Int = 0
  ) -> Int {
    let perLine = max(4, width / BitmapFont.advance(scale: scale))
    var rowY = y
    for line in 0..<lines {
      var text = ""
      let limit = line == lines - 1 ? perLine * 2 / 3 : perLine - (line == 0 ? indent / 6 : 0)
      while true {
        let next = source.word(&page.generator)
        if text.count + next.count + 1 > limit { break }
        text += text.isEmpty ? next : " " + next
      }
      if text.isEmpty { text = source.word(&page.generator) }
      page.drawLine(
        text, x: x + (line == 0 ? indent : 0), y: rowY, scale: scale, handwritten: handwritten)
      rowY += PageBuilder.lineHeight(scale: scale) + leading
    }
    return rowY
  }

  private func letter(_ page: inout PageBuilder, _ f: Frame) {
    page.drawLine(source.phrase(2, &page.generator), x: f.right - 180, y: f.top, scale: 2)
    var y = f.top + 60
    for _ in 0..<3 {
      page.drawLine(source.phrase(3, &page.generator), x: f.left, y: y, scale: 2)
      y += 22
    }
    y += 24
    page.drawLine(source.phrase(2, &page.generator), x: f.left, y: y, scale: 2)
    y += 40
    for _ in 0..<page.generator.nextInt(in: 2...4) {
      y =
        paragraph(
          &page, x: f.left, y: y, width: f.width, lines: page.generator.nextInt(in: 3...6),
          scale: 2,
          indent: 40) + 16
      if y > f.bottom - 160 { break }
    }
    page.drawLine(source.phrase(1, &page.generator), x: f.left + f.width / 2, y: y + 10, scale: 2)
    page.drawLine(source.phrase(2, &page.generator), x: f.left + f.width / 2, y: y + 70, scale: 2)
  }

  private func keyValueGrid(_ page: inout PageBuilder, _ f: Frame, columns: Int, underline: Bool) {
    let title = source.title(&page.generator)
    page.drawLine(
      title, x: (page.width - BitmapFont.width(of: title, scale: 3)) / 2, y: f.top, scale: 3,
      bold: true)
    var y = f.top + 60
    let columnWidth = f.width / columns
    while y < f.bottom - 30 {
      for column in 0..<columns {
        let x = f.left + column * columnWidth
        page.drawLine(source.phrase(1, &page.generator), x: x, y: y, scale: 2)
        page.drawLine(source.phrase(2, &page.generator), x: x + 110, y: y, scale: 2)
        if underline {
          page.canvas.ink(x0: x + 104, y0: y + 19, x1: x + columnWidth - 14, y1: y + 20, ink: 30)
        }
      }
      y += 38
    }
  }

  private func email(_ page: inout PageBuilder, _ f: Frame) {
    var y = f.top
    for _ in 0..<5 {
      page.drawLine(source.phrase(1, &page.generator), x: f.left, y: y, scale: 2)
      page.drawLine(source.phrase(4, &page.generator), x: f.left + 90, y: y, scale: 2)
      y += 21
    }
    page.canvas.ink(x0: f.left, y0: y + 6, x1: f.right, y1: y + 8, ink: 0)
    y += 30
    while y < f.bottom - 120 {
      y =
        paragraph(
          &page, x: f.left, y: y, width: f.width, lines: page.generator.nextInt(in: 2...4),
          scale: 2) + 22
    }
  }

  private func handwritten(_ page: inout PageBuilder, _ f: Frame) {
    var y = f.top + 20
    while y < f.bottom - 60 {
      let x = f.left + page.generator.nextInt(in: 0...50)
      page.drawLine(
        source.phrase(page.generator.nextInt(in: 2...5), &page.generator), x: x, y: y, scale: 3,
        handwritten: true)
      y += 58 + page.generator.nextInt(in: 0...20)
    }
  }

  private func advertisement(_ page: inout PageBuilder, _ f: Frame) {
    var y = f.top + 40
    let big = source.title(&page.generator)
    let scale =
      BitmapFont.width(of: big, scale: 6) < f.width
      ? 6 : BitmapFont.width(of: big, scale: 4) < f.width ? 4 : 3
    page.drawLine(
      big, x: (page.width - BitmapFont.width(of: big, scale: scale)) / 2, y: y, scale: scale,
      bold: true)
    y += 140
    for _ in 0..<3 {
      let line = source.phrase(3, &page.generator)
      page.drawLine(
        line, x: (page.width - BitmapFont.width(of: line, scale: 3)) / 2, y: y, scale: 3)
      y += 60
    }
    page.drawLine(
      source.number(&page.generator), x: f.right - 200, y: f.bottom - 100, scale: 5, bold: true)
  }

  private func report(_ page: inout PageBuilder, _ f: Frame) {
    let title = source.title(&page.generator)
    page.drawLine(
      title, x: (page.width - BitmapFont.width(of: title, scale: 3)) / 2, y: f.top, scale: 3,
      bold: true)
    var y = f.top + 70
    var section = 1
    while y < f.bottom - 120 {
      page.drawLine(
        "\(section). " + source.phrase(2, &page.generator), x: f.left, y: y, scale: 2, bold: true)
      y =
        paragraph(
          &page, x: f.left + 30, y: y + 30, width: f.width - 30,
          lines: page.generator.nextInt(in: 3...5), scale: 2) + 20
      section += 1
    }
  }

  private func columns(
    _ page: inout PageBuilder, _ f: Frame, count: Int, titleScale: Int, bodyScale: Int
  ) {
    var title = source.title(&page.generator)
    while BitmapFont.width(of: title, scale: titleScale) > f.width, title.contains(" ") {
      title = String(title[..<(title.lastIndex(of: " ") ?? title.endIndex)])
    }
    page.drawLine(title, x: f.left, y: f.top, scale: titleScale, bold: true)
    let y0 = f.top + BitmapFont.lineUnits * titleScale + 36
    let gap = 24
    let columnWidth = (f.width - gap * (count - 1)) / count
    let lines = (f.bottom - y0) / PageBuilder.lineHeight(scale: bodyScale)
    for column in 0..<count {
      _ = paragraph(
        &page, x: f.left + column * (columnWidth + gap), y: y0, width: columnWidth,
        lines: max(1, lines - 1), scale: bodyScale)
    }
  }

  private func table(
    _ page: inout PageBuilder, _ f: Frame, columns: Int, rows: Int, numeric: Bool, totals: Bool
  ) {
    page.drawLine(source.title(&page.generator), x: f.left, y: f.top, scale: 3, bold: true)
    var y = f.top + 60
    let firstWidth = columns > 3 ? 130 : 260
    let cellWidth = (f.width - firstWidth) / max(1, columns - 1)
    for row in 0..<rows where y < f.bottom - 20 {
      page.drawLine(
        row == 0 ? source.phrase(1, &page.generator) : source.phrase(1, &page.generator), x: f.left,
        y: y, scale: 2)
      for column in 1..<columns {
        let text = row == 0 ? source.word(&page.generator) : source.number(&page.generator)
        let right = f.left + firstWidth + column * cellWidth - 8
        page.drawLine(
          text, x: right - BitmapFont.width(of: text, scale: 2), y: y, scale: 2, bold: row == 0)
      }
      y += 30
    }
    if totals {
      page.canvas.ink(x0: f.left, y0: y, x1: f.right, y1: y + 2, ink: 0)
      let total = source.number(&page.generator)
      page.drawLine(
        total, x: f.right - 8 - BitmapFont.width(of: total, scale: 2), y: y + 8, scale: 2,
        bold: true)
    }
  }
}
