// LayoutLab — draws text on a canvas while recording words, lines, entities and links.

import LayoutData
import Seeding

/// A page under construction: the canvas plus the words, lines, entities and links drawn on it.
///
/// Word boxes come from the font metrics, so they are exact before OCR noise and rotation.
struct PageBuilder {
  var canvas: PageCanvas
  var generator: SeededGenerator
  var words: [Word] = []
  var lines: [TextLine] = []
  var entities: [Entity] = []
  var links: [EntityLink] = []

  init(width: Int, height: Int, generator: SeededGenerator) {
    canvas = PageCanvas(width: width, height: height)
    self.generator = generator
  }

  var width: Int { canvas.width }
  var height: Int { canvas.height }

  /// Line height in pixels for a font scale (glyph plus leading).
  static func lineHeight(scale: Int) -> Int { BitmapFont.lineUnits * scale + 2 * scale + 2 }

  /// Draws one line of space-separated words at `(x, y)` and records it; returns the new word
  /// indices. Empty text records nothing.
  @discardableResult
  mutating func drawLine(
    _ text: String, x: Int, y: Int, scale: Int, bold: Bool = false, ink: UInt8 = 0,
    handwritten: Bool = false
  ) -> [Int] {
    let pieces = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard !pieces.isEmpty else { return [] }
    let advance = BitmapFont.advance(scale: scale)
    var indices: [Int] = []
    var column = 0
    var penX = x
    for piece in pieces {
      let jitter = handwritten ? max(1, scale) : 0
      let drawn = canvas.text(
        piece, x: penX, y: y, scale: scale, ink: ink, bold: bold || handwritten,
        baselineJitter: jitter, generator: &generator)
      let box = BoundingBox(
        x0: Double(drawn.x0), y0: Double(drawn.y0 - jitter), x1: Double(drawn.x1),
        y1: Double(drawn.y1 + jitter))
      indices.append(words.count)
      words.append(Word(text: piece, box: box))
      column += piece.utf8.count + 1
      penX = x + column * advance
    }
    let lineBox =
      BoundingBox.union(indices.map { words[$0].box }) ?? BoundingBox(x0: 0, y0: 0, x1: 0, y1: 0)
    lines.append(TextLine(text: pieces.joined(separator: " "), box: lineBox, wordIndices: indices))
    return indices
  }

  /// Records an entity over `wordIndices`; returns its id (nothing is recorded for no words).
  @discardableResult
  mutating func addEntity(label: String, cue: Cue?, wordIndices: [Int]) -> Int? {
    guard !wordIndices.isEmpty,
      let box = BoundingBox.union(wordIndices.map { words[$0].box })
    else { return nil }
    let id = entities.count
    entities.append(
      Entity(id: id, label: label, wordIndices: wordIndices, box: box, cue: cue?.rawValue))
    return id
  }

  /// Records a link between two entity ids when both exist.
  mutating func link(_ from: Int?, _ to: Int?) {
    guard let from, let to else { return }
    links.append(EntityLink(from: from, to: to))
  }

  /// The finished page: OCR noise on the recorded words, scan noise and an optional small turn
  /// on the image (with every box turned to match).
  mutating func finish(
    id: String, options: SynthesisOptions, classLabel: Int? = nil, cue: Cue? = nil
  ) -> (document: Document, canvas: PageCanvas) {
    var document = Document(
      id: id, pageWidth: canvas.width, pageHeight: canvas.height, words: words, lines: lines,
      entities: entities, links: links, classLabel: classLabel, cue: cue?.rawValue)
    OCRNoise.apply(options.ocrNoise, to: &document, generator: &generator)
    let speckleCount = Int(Double(options.speckles) * generator.nextUniformDouble())
    canvas.scanNoise(speckles: speckleCount, generator: &generator)
    var page = canvas
    let maxDegrees = options.maxRotationDegrees
    if maxDegrees > 0, generator.nextBool(probability: options.rotationProbability) {
      let degrees = generator.nextUniformDouble(in: -maxDegrees...maxDegrees)
      page = canvas.rotated(degrees: degrees)
      rotateBoxes(of: &document, on: page, degrees: degrees)
    }
    return (document, page)
  }

  /// Turns every box of `document` as the page was turned, keeping each axis-aligned.
  private func rotateBoxes(of document: inout Document, on page: PageCanvas, degrees: Double) {
    func turn(_ box: BoundingBox) -> BoundingBox {
      let corners = [(box.x0, box.y0), (box.x1, box.y0), (box.x1, box.y1), (box.x0, box.y1)].map {
        page.rotatedPoint(x: $0.0, y: $0.1, degrees: degrees)
      }
      let maxX = Double(page.width)
      let maxY = Double(page.height)
      return BoundingBox(
        x0: min(maxX, max(0, corners.map(\.x).min() ?? 0).rounded()),
        y0: min(maxY, max(0, corners.map(\.y).min() ?? 0).rounded()),
        x1: min(maxX, max(0, corners.map(\.x).max() ?? 0).rounded()),
        y1: min(maxY, max(0, corners.map(\.y).max() ?? 0).rounded()))
    }
    for i in document.words.indices { document.words[i].box = turn(document.words[i].box) }
    for i in document.lines.indices { document.lines[i].box = turn(document.lines[i].box) }
    for i in document.entities.indices {
      document.entities[i].box = turn(document.entities[i].box)
    }
  }
}
