// LayoutLab — the office-document layouts of `classify`: folder, invoice, slide,
// questionnaire, resume and memo.

import Seeding

extension ClassLayouts {
  func folder(_ page: inout PageBuilder, _ f: Frame) {
    page.drawLine(
      source.title(&page.generator), x: f.left + 20, y: f.top + 10, scale: 3, bold: true)
    page.drawLine(source.number(&page.generator), x: f.left + 20, y: f.top + 60, scale: 3)
  }

  func invoice(_ page: inout PageBuilder, _ f: Frame) {
    page.drawLine(source.title(&page.generator), x: f.left, y: f.top, scale: 4, bold: true)
    for row in 0..<3 {
      page.drawLine(
        source.phrase(1, &page.generator), x: f.right - 240, y: f.top + row * 24, scale: 2)
      page.drawLine(source.number(&page.generator), x: f.right - 110, y: f.top + row * 24, scale: 2)
    }
    var y = f.top + 110
    for _ in 0..<3 {
      page.drawLine(source.phrase(3, &page.generator), x: f.left, y: y, scale: 2)
      y += 22
    }
    y += 40
    page.canvas.ink(x0: f.left, y0: y - 6, x1: f.right, y1: y - 4, ink: 0)
    for _ in 0..<page.generator.nextInt(in: 4...9) {
      page.drawLine("\(page.generator.nextInt(in: 1...99))", x: f.left, y: y, scale: 2)
      page.drawLine(source.phrase(3, &page.generator), x: f.left + 60, y: y, scale: 2)
      page.drawLine(source.number(&page.generator), x: f.right - 120, y: y, scale: 2)
      y += 28
    }
    page.canvas.ink(x0: f.right - 240, y0: y + 4, x1: f.right, y1: y + 6, ink: 0)
    page.drawLine(source.word(&page.generator), x: f.right - 240, y: y + 14, scale: 2, bold: true)
    page.drawLine(source.number(&page.generator), x: f.right - 120, y: y + 14, scale: 2, bold: true)
  }

  func slide(_ page: inout PageBuilder, _ f: Frame) {
    page.drawLine(
      source.title(&page.generator), x: f.left + 20, y: f.top + 30, scale: 4, bold: true)
    var y = f.top + 160
    for _ in 0..<page.generator.nextInt(in: 3...6) {
      page.canvas.ring(cx: f.left + 40, cy: y + 10, outer: 6, inner: 0, ink: 0)
      page.drawLine(source.phrase(3, &page.generator), x: f.left + 64, y: y, scale: 3)
      y += 80
    }
  }

  func questionnaire(_ page: inout PageBuilder, _ f: Frame) {
    page.drawLine(source.title(&page.generator), x: f.left, y: f.top, scale: 3, bold: true)
    var y = f.top + 60
    var number = 1
    while y < f.bottom - 70 {
      page.drawLine("\(number). " + source.phrase(5, &page.generator), x: f.left, y: y, scale: 2)
      for option in 0..<4 {
        page.drawLine(
          source.word(&page.generator), x: f.left + 60 + option * (f.width - 60) / 4, y: y + 28,
          scale: 2)
      }
      y += 76
      number += 1
    }
  }

  func resume(_ page: inout PageBuilder, _ f: Frame) {
    let name = source.phrase(2, &page.generator)
    page.drawLine(
      name, x: (page.width - BitmapFont.width(of: name, scale: 3)) / 2, y: f.top, scale: 3,
      bold: true)
    var y = f.top + 70
    while y < f.bottom - 100 {
      page.drawLine(source.phrase(1, &page.generator), x: f.left, y: y, scale: 2, bold: true)
      y =
        paragraph(
          &page, x: f.left + 180, y: y, width: f.width - 180,
          lines: page.generator.nextInt(in: 2...4),
          scale: 2) + 24
    }
  }

  func memo(_ page: inout PageBuilder, _ f: Frame) {
    var y = f.top
    for _ in 0..<4 {
      page.drawLine(source.phrase(1, &page.generator), x: f.left, y: y, scale: 2, bold: true)
      page.drawLine(source.phrase(3, &page.generator), x: f.left + 140, y: y, scale: 2)
      y += 36
    }
    page.canvas.ink(x0: f.left, y0: y + 4, x1: f.right, y1: y + 8, ink: 0)
    y += 40
    while y < f.bottom - 200 {
      y =
        paragraph(
          &page, x: f.left, y: y, width: f.width, lines: page.generator.nextInt(in: 3...6),
          scale: 2) + 28
    }
  }
}
