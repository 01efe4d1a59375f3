// LayoutLab — the 16 visual signatures of `classify`: what each document type looks like.

import Seeding

/// Draws the coarse look of a class: furniture with no words, so a `visual`-cue page is
/// decided by pixels alone. Every signature is large (tens of pixels or more), so it survives
/// resizing the page to 224×224 and pooling to a 7×7 grid.
enum ClassVisuals {
  /// One line per class, for the data card.
  static let descriptions = [
    "letter: a round logo at the top centre and a signature scrawl at the bottom",
    "form: a column of empty checkboxes down the right margin",
    "email: a dark gray header bar across the top",
    "handwritten: pen strokes over the margins",
    "advertisement: a large dark picture block and a thick page border",
    "scientific report: thick rules at the top and bottom of the page",
    "scientific publication: a framed figure with a plotted curve",
    "specification: a light gray grid over the page",
    "file folder: a folder tab outline and a thick inset outline",
    "news article: a black masthead bar and vertical column rules",
    "budget: light gray ledger stripes over the page",
    "invoice: a large round stamp on the right",
    "presentation: a thick dark slide frame with a shaded footer band",
    "questionnaire: a column of answer bubbles down the left margin",
    "resume: a photo block at the top right",
    "memo: a light shaded band behind the top of the page",
  ]

  /// Draws the signature of class `visualClass` on `canvas`.
  static func draw(
    _ visualClass: Int, on canvas: inout PageCanvas, generator: inout SeededGenerator
  ) {
    let w = canvas.width
    let h = canvas.height
    let jx = generator.nextInt(in: -10...10)
    let jy = generator.nextInt(in: -10...10)
    switch visualClass {
    case 0:
      canvas.logo(cx: w / 2 + jx, cy: 48 + jy, radius: 36)
      canvas.scribble(
        x0: w / 2 + 40, y0: h - 150 + jy, x1: w - 80, y1: h - 90 + jy, strokes: 3, thickness: 3,
        generator: &generator)
    case 1:
      for row in 0..<10 {
        let x = w - 52 + jx / 3
        let y = 120 + row * 80 + jy
        canvas.frame(x0: x, y0: y, x1: x + 38, y1: y + 38, thickness: 6, ink: 0)
      }
    case 2:
      canvas.ink(x0: 0, y0: 0, x1: w, y1: 46 + jy / 2, ink: 70)
    case 3:
      canvas.scribble(
        x0: 0, y0: 0, x1: 50, y1: h, strokes: 14, thickness: 3, generator: &generator)
      canvas.scribble(
        x0: w - 60, y0: 0, x1: w, y1: h, strokes: 14, thickness: 3, generator: &generator)
      canvas.scribble(
        x0: 60, y0: h - 70, x1: w - 60, y1: h, strokes: 10, thickness: 3, generator: &generator)
    case 4:
      canvas.ink(x0: 60 + jx, y0: h - 380 + jy, x1: 400 + jx, y1: h - 140 + jy, ink: 90)
      canvas.frame(x0: 8, y0: 8, x1: w - 8, y1: h - 8, thickness: 12, ink: 20)
    case 5:
      canvas.ink(x0: 30, y0: 24 + jy, x1: w - 30, y1: 34 + jy, ink: 0)
      canvas.ink(x0: 30, y0: h - 40 + jy, x1: w - 30, y1: h - 30 + jy, ink: 0)
    case 6:
      let x0 = w - 330 + jx
      let y0 = h - 300 + jy
      canvas.ink(x0: x0, y0: y0, x1: x0 + 270, y1: y0 + 200, ink: 215)
      canvas.frame(x0: x0, y0: y0, x1: x0 + 270, y1: y0 + 200, thickness: 4, ink: 0)
      var previous = (x0 + 10, y0 + 180)
      for step in 1...25 {
        let next = (x0 + 10 + step * 10, y0 + 180 - step * 6 + generator.nextInt(in: -15...15))
        canvas.line(
          x0: previous.0, y0: previous.1, x1: next.0, y1: next.1, thickness: 4, ink: 0)
        previous = next
      }
    case 7:
      var x = 20 + jx
      while x < w {
        canvas.ink(x0: x, y0: 0, x1: x + 3, y1: h, ink: 150)
        x += 44
      }
      var y = 20 + jy
      while y < h {
        canvas.ink(x0: 0, y0: y, x1: w, y1: y + 3, ink: 150)
        y += 44
      }
    case 8:
      canvas.line(x0: 30, y0: 60, x1: 70, y1: 10, thickness: 6, ink: 0)
      canvas.line(x0: 70, y0: 10, x1: 330, y1: 10, thickness: 6, ink: 0)
      canvas.line(x0: 330, y0: 10, x1: 370, y1: 60, thickness: 6, ink: 0)
      canvas.frame(x0: 20, y0: 58, x1: w - 20, y1: h - 20, thickness: 7, ink: 0)
    case 9:
      canvas.ink(x0: 20, y0: 8, x1: w - 20, y1: 44, ink: 0)
      canvas.ink(x0: 20, y0: 52, x1: w - 20, y1: 55, ink: 0)
      for column in 1...2 {
        let x = column * w / 3 + jx / 2
        canvas.ink(x0: x, y0: 70, x1: x + 3, y1: h - 40, ink: 0)
      }
    case 10:
      canvas.stripes(x0: 0, y0: 100 + jy, x1: w, y1: h, pitch: 56, level: 205)
    case 11:
      canvas.stamp(
        cx: w - 170 + jx, cy: h / 2 + jy, radius: 95, word: "PAID", generator: &generator)
    case 12:
      canvas.frame(x0: 0, y0: 0, x1: w, y1: h, thickness: 26, ink: 40)
      canvas.ink(x0: 26, y0: h - 90 + jy, x1: w - 26, y1: h - 26, ink: 150)
    case 13:
      for row in 0..<11 {
        canvas.ring(cx: 26 + jx / 3, cy: 110 + row * 78 + jy, outer: 19, inner: 12, ink: 0)
      }
    case 14:
      let x0 = w - 190 + jx
      canvas.ink(x0: x0, y0: 40 + jy, x1: x0 + 140, y1: 220 + jy, ink: 120)
      canvas.frame(x0: x0, y0: 40 + jy, x1: x0 + 140, y1: 220 + jy, thickness: 4, ink: 0)
    default:
      canvas.ink(x0: 0, y0: 30 + jy, x1: w, y1: 230 + jy, ink: 200)
    }
  }
}
