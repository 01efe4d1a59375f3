// LayoutLab — builds MVLM / TIA / TIM pre-training examples from pages of words, lines and images.

import Foundation
import LayoutData
import LayoutModels
import Seeding
import TensorCore

/// One page ready for sampling: its word pieces with boxes, its lines, its 224×224 gray image.
public struct PretrainingPage: Sendable {
  public var id: String
  /// Word-piece ids, `[N]`, with the word each piece comes from and the word's 0...1000 box.
  public var pieces: [Int32]
  public var pieceWord: [Int32]
  public var wordBoxes: [NormalizedBox]
  /// Page-pixel boxes of the words (for painting), and the word indices of each line.
  public var wordPixelBoxes: [BoundingBox]
  public var lines: [[Int]]
  public var pageWidth: Int
  public var pageHeight: Int
  /// `[224 · 224]` gray levels.
  public var image: [UInt8]

  /// Prepares `document`: tokenises its words, keeps its lines (or makes one line per entity,
  /// or per word, when it has none) and resizes its image to 224×224 (white when absent).
  public init(_ document: Document, tokenizer: WordPieceTokenizer) throws {
    id = document.id
    pageWidth = document.pageWidth
    pageHeight = document.pageHeight
    var normalizer = try BoxNormalizer(
      pageWidth: document.pageWidth, pageHeight: document.pageHeight, source: document.id)
    pieces = []
    pieceWord = []
    wordBoxes = []
    wordPixelBoxes = []
    for (index, word) in document.words.enumerated() {
      wordBoxes.append(normalizer.normalize(word.box))
      wordPixelBoxes.append(word.box)
      for piece in tokenizer.pieces(ofWord: word.text) {
        pieces.append(piece)
        pieceWord.append(Int32(index))
      }
    }
    if !document.lines.isEmpty {
      lines = document.lines.map(\.wordIndices)
    } else if !document.entities.isEmpty {
      lines = document.entities.map(\.wordIndices).filter { !$0.isEmpty }
    } else {
      lines = document.words.indices.map { [$0] }
    }
    if let path = document.imagePath {
      image = try decodeGrayImage(contentsOf: URL(fileURLWithPath: path)).resizedBilinear(
        width: 224, height: 224
      ).pixels
    } else {
      image = [UInt8](repeating: 255, count: 224 * 224)
    }
  }
}

/// One sampled example: model inputs of one row and its labels.
public struct PretrainingExample {
  public var inputIds: [Int32]
  public var bbox: [Int32]
  /// `[224 · 224]` gray levels after covering and painting.
  public var image: [UInt8]
  public var mlmLabels: [Int]
  public var tiaLabels: [Int]
  /// 1: the image is this page's; 0: another page's, or none.
  public var timLabel: Int
  /// Whether the page's visual tokens should be hidden (TIM "no visual tokens").
  public var hideVisualTokens: Bool
  /// Why TIM's label is what it is: `.match`, `.replaced` (another page) or `.dropped`.
  public var timCase: TIMCase
  /// Which MVLM decision each token got: 0 none, 1 `[MASK]`, 2 random, 3 kept.
  public var maskKind: [Int]
  /// Lines covered for TIA, as indices into the page's lines.
  public var coveredLines: [Int]
}

/// How a page's image was chosen for text-image matching.
public enum TIMCase: Sendable {
  case match
  case replaced
  case dropped
}

/// Samples pre-training examples; each is a pure function of (seed, step, row).
public struct PretrainingSampler {
  public var pages: [PretrainingPage]
  public var options: PretrainingOptions
  public var sequenceLength: Int
  public var tokenizer: WordPieceTokenizer
  let maskId: Int32
  let specialIds: Set<Int32>

  /// Creates a sampler over `pages`.
  public init(
    pages: [PretrainingPage], options: PretrainingOptions, sequenceLength: Int,
    tokenizer: WordPieceTokenizer
  ) throws {
    guard !pages.isEmpty else {
      throw DataFormatError(file: "corpus", entry: "pages", expected: "at least one page")
    }
    self.pages = pages
    self.options = options
    self.sequenceLength = sequenceLength
    self.tokenizer = tokenizer
    maskId = tokenizer.vocabulary.id(of: "[MASK]") ?? tokenizer.unknownId
    specialIds = Set(
      ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"].compactMap { tokenizer.vocabulary.id(of: $0) })
  }

  /// The example for batch row `row` at `step`, drawn from page `pageIndex`.
  public func example(pageIndex: Int, generator: inout SeededGenerator) -> PretrainingExample {
    let page = pages[pageIndex]
    let capacity = sequenceLength - 2
    // A random window of the text when the page is longer than the sequence.
    let start =
      page.pieces.count > capacity ? generator.nextInt(below: page.pieces.count - capacity + 1) : 0
    let end = min(page.pieces.count, start + capacity)
    var ids: [Int32] = [tokenizer.clsId]
    var boxes: [Int32] = [0, 0, 0, 0]
    var words: [Int32] = [-1]
    for p in start..<end {
      ids.append(page.pieces[p])
      let box = page.wordBoxes[Int(page.pieceWord[p])]
      boxes += [box.x0, box.y0, box.x1, box.y1]
      words.append(page.pieceWord[p])
    }
    ids.append(tokenizer.sepId)
    boxes += [1000, 1000, 1000, 1000]
    words.append(-1)
    let length = ids.count
    var mlmLabels = [Int](repeating: -100, count: length)
    var maskKind = [Int](repeating: 0, count: length)
    var image = page.image
    // MVLM.
    if options.mvlm {
      for t in 1..<(length - 1) where generator.nextUniformDouble() < options.maskRate {
        mlmLabels[t] = Int(ids[t])
        let u = generator.nextUniformDouble()
        if u < options.maskTokenShare {
          ids[t] = maskId
          maskKind[t] = 1
        } else if u < options.maskTokenShare + options.randomTokenShare {
          ids[t] = randomToken(&generator)
          maskKind[t] = 2
        } else {
          maskKind[t] = 3
        }
        if options.paintMaskedRegions {
          paint(
            &image, page.wordPixelBoxes[Int(words[t])], page: page, fill: options.maskedRegionFill)
        }
      }
    }
    // TIM: which image does the row see?
    var timLabel = 1
    var timCase = TIMCase.match
    var hideVisual = false
    if options.tim {
      let u = generator.nextUniformDouble()
      if u < options.timReplaceRate, pages.count > 1 {
        // With two pages the bound is 1: `nextInt(below: 1)` draws nothing, but this stream has
        // always drawn one word here, so draw it to keep every later draw where it was.
        var other = PretrainingSampler.drawIndex(below: pages.count - 1, &generator)
        if other >= pageIndex { other += 1 }
        image = pages[other].image
        timLabel = 0
        timCase = .replaced
      } else if u < options.timReplaceRate + options.timDropRate {
        timLabel = 0
        timCase = .dropped
        switch options.missingImage {
        case .blank: image = [UInt8](repeating: 255, count: 224 * 224)
        case .noVisualTokens: hideVisual = true
        }
      }
    }
    // TIA: cover lines on the page's own image; in TIM negatives every label is "covered".
    var tiaLabels = [Int](repeating: -100, count: length)
    var covered: [Int] = []
    if options.tia {
      var coveredWords = Set<Int32>()
      for (index, line) in page.lines.enumerated()
      where generator.nextUniformDouble() < options.tiaLineRate {
        covered.append(index)
        for word in line { coveredWords.insert(Int32(word)) }
        if timLabel == 1, let box = BoundingBox.union(line.map { page.wordPixelBoxes[$0] }) {
          paint(&image, box, page: page, fill: options.coverFill)
        }
      }
      let labelPage = timLabel == 1 || options.negativePageTIA == .covered
      for t in 1..<(length - 1) where mlmLabels[t] == -100 && labelPage {
        tiaLabels[t] = timLabel == 0 || coveredWords.contains(words[t]) ? 1 : 0
      }
    }
    return PretrainingExample(
      inputIds: ids, bbox: boxes, image: image, mlmLabels: mlmLabels, tiaLabels: tiaLabels,
      timLabel: timLabel, hideVisualTokens: hideVisual, timCase: timCase, maskKind: maskKind,
      coveredLines: covered)
  }

  /// A random non-special token id.
  func randomToken(_ generator: inout SeededGenerator) -> Int32 {
    while true {
      let id = Int32(PretrainingSampler.drawIndex(below: tokenizer.vocabulary.count, &generator))
      if !specialIds.contains(id) { return id }
    }
  }

  /// `generator.nextInt(below: bound)`, except that a bound of 1 still draws one word (and
  /// gives 0), as this sampler's streams always have: `nextInt(below:)` draws nothing there.
  static func drawIndex(below bound: Int, _ generator: inout SeededGenerator) -> Int {
    if bound == 1 {
      _ = generator.next()
      return 0
    }
    return generator.nextInt(below: bound)
  }

  /// Fills `box` (page pixels), scaled to the 224×224 image, with the gray level `fill`.
  func paint(_ image: inout [UInt8], _ box: BoundingBox, page: PretrainingPage, fill: Float) {
    let region = scaledRegion(box, pageWidth: page.pageWidth, pageHeight: page.pageHeight)
    let fill = UInt8(max(0, min(255, fill.rounded())))
    for y in region.rows {
      for x in region.columns { image[y * 224 + x] = fill }
    }
  }
}

/// The 224×224 pixels a page-pixel box covers: rows `⌊y0·224/H⌋ ..< ⌈y1·224/H⌉`, likewise for
/// columns, clamped to the image.
public func scaledRegion(_ box: BoundingBox, pageWidth: Int, pageHeight: Int) -> (
  rows: Range<Int>, columns: Range<Int>
) {
  func span(_ a: Double, _ b: Double, _ size: Int) -> Range<Int> {
    let lower = max(0, min(224, Int((a * 224 / Double(max(size, 1))).rounded(.down))))
    let upper = max(lower, min(224, Int((b * 224 / Double(max(size, 1))).rounded(.up))))
    return lower..<upper
  }
  return (span(box.y0, box.y1, pageHeight), span(box.x0, box.x1, pageWidth))
}
