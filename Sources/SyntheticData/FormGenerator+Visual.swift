// LayoutLab — the visual-cue fields of synthetic forms, each row in its own band of the 7×7 grid.

extension FormGenerator {
  /// A row of visual-cue fields in its own band of the 7×7 visual grid (1/7 of the page
  /// height), so that after resizing to 224×224 and pooling no grid cell holds the decorations
  /// of two fields above each other; two fields share a band only side by side, in different
  /// grid columns. Returns the y below the row (the page bottom when no band is left).
  func visualRow(
    _ page: inout PageBuilder, template: FormTemplate, y: Int, margin: Int, right: Int,
    bottom: Int, fields: Int, usedBands: inout Set<Int>
  ) -> Int {
    let fieldHeight = PageBuilder.lineHeight(scale: template.bodyScale) + 18
    let bandHeight = Double(page.height) / 7
    var band = Int(Double(y) / bandHeight)
    var top = max(y, Int(Double(band) * bandHeight) + 6)
    if usedBands.contains(band) || top + fieldHeight > Int(Double(band + 1) * bandHeight) - 6 {
      band += 1
      top = Int(Double(band) * bandHeight) + 6
    }
    guard top + fieldHeight <= bottom else { return bottom }
    usedBands.insert(band)
    if fields >= 2 {
      let half = page.width / 2
      let width = min(200, half - margin - 60)
      visualField(&page, slotX: margin, width: width, y: top, scale: template.bodyScale)
      visualField(&page, slotX: half + 14, width: width, y: top, scale: template.bodyScale)
    } else {
      let free = right - margin - template.visualFieldWidth - 48
      let slotX = margin + Int(Double(max(0, free)) * template.visualOffset)
      visualField(
        &page, slotX: slotX, width: min(template.visualFieldWidth, right - slotX - 48), y: top,
        scale: template.bodyScale)
    }
    return top + fieldHeight
  }

  /// One visual-cue field: an ambiguous string after a 48-pixel checkbox slot; its label is
  /// drawn uniformly and only the decoration shows it.
  func visualField(
    _ page: inout PageBuilder, slotX: Int, width: Int, y: Int, scale s: Int
  ) {
    let fieldHeight = PageBuilder.lineHeight(scale: s) + 18
    let fieldX = slotX + 48
    let fieldRight = fieldX + width
    let labelIndex = page.generator.nextInt(below: FormGenerator.labels.count)
    let text = WordBank.ambiguousPhrase(&page.generator)
    let textY = y + 9
    // The decoration behind the text goes first, so the glyphs stay black on top.
    switch labelIndex {
    case 0:
      page.canvas.fill(x0: fieldX, y0: y, x1: fieldRight, y1: y + fieldHeight, value: 140)
    case 1:
      page.canvas.frame(
        x0: fieldX, y0: y, x1: fieldRight, y1: y + fieldHeight, thickness: 6, ink: 0)
    case 2:
      page.canvas.checkbox(x: slotX + 4, y: y + (fieldHeight - 34) / 2, size: 34, checked: true)
    default:
      break
    }
    let words = page.drawLine(text, x: fieldX + 12, y: textY, scale: s)
    if labelIndex == 3 {
      let mid = textY + 3 * s + 1
      page.canvas.ink(x0: fieldX, y0: mid, x1: fieldRight, y1: mid + 4, ink: 0)
    }
    page.addEntity(label: FormGenerator.labels[labelIndex], cue: .visual, wordIndices: words)
  }
}
