// LayoutLab — the pre-training sampler's statistics, pinned on a fixed seed.

import LayoutData
import Seeding
import TensorCore
import XCTest

@testable import Training

/// Pages of 12 lines × 5 words with no image (white), for sampler statistics.
func samplerFixture(pages: Int = 120, options: PretrainingOptions = PretrainingOptions()) throws
  -> PretrainingSampler
{
  let words = [
    "total", "amount", "date", "name", "signature", "address", "phone", "invoice", "number", "page",
  ]
  let vocabulary = VocabularyBuilder(vocabularySize: 200, minimumFrequency: 1).build(
    from: words + words)
  let tokenizer = try WordPieceTokenizer(vocabulary: vocabulary)
  var result: [PretrainingPage] = []
  for p in 0..<pages {
    var document = Document(id: "page\(p)", pageWidth: 800, pageHeight: 1000)
    for line in 0..<12 {
      var indices: [Int] = []
      for w in 0..<5 {
        let x = Double(40 + w * 140 + (p % 7))
        let y = Double(60 + line * 70)
        indices.append(document.words.count)
        document.words.append(
          Word(
            text: words[(p + line * 5 + w) % words.count],
            box: BoundingBox(x0: x, y0: y, x1: x + 110, y1: y + 22)))
      }
      let box =
        BoundingBox.union(indices.map { document.words[$0].box })
        ?? BoundingBox(x0: 0, y0: 0, x1: 0, y1: 0)
      document.lines.append(TextLine(text: "", box: box, wordIndices: indices))
    }
    result.append(try PretrainingPage(document, tokenizer: tokenizer))
  }
  return try PretrainingSampler(
    pages: result, options: options, sequenceLength: 128, tokenizer: tokenizer)
}

final class PretrainingSamplerTests: XCTestCase {
  func testRatesMatchTheirOptionsOverManyTokensAndLines() throws {
    var options = PretrainingOptions()
    options.paintMaskedRegions = false
    let sampler = try samplerFixture(options: options)
    var generator = SeededGenerator(seed: 2024)
    var (eligible, selected, masked, random, kept) = (0, 0, 0, 0, 0)
    var (lines, coveredLines, examples, replaced, dropped) = (0, 0, 0, 0, 0)
    for i in 0..<2000 {
      let page = i % sampler.pages.count
      let example = sampler.example(pageIndex: page, generator: &generator)
      examples += 1
      eligible += example.inputIds.count - 2
      for kind in example.maskKind where kind != 0 {
        selected += 1
        switch kind {
        case 1: masked += 1
        case 2: random += 1
        default: kept += 1
        }
      }
      lines += sampler.pages[page].lines.count
      coveredLines += example.coveredLines.count
      switch example.timCase {
      case .replaced: replaced += 1
      case .dropped: dropped += 1
      case .match: XCTAssertEqual(example.timLabel, 1)
      }
      // MVLM tokens never enter the TIA loss; TIM negatives are all "covered".
      for t in example.mlmLabels.indices where example.mlmLabels[t] != -100 {
        XCTAssertEqual(example.tiaLabels[t], -100)
      }
      if example.timLabel == 0 {
        for t in 1..<(example.inputIds.count - 1) {
          XCTAssertEqual(example.tiaLabels[t], example.mlmLabels[t] == -100 ? 1 : -100)
        }
      }
    }
    XCTAssertGreaterThan(eligible, 10_000)
    XCTAssertGreaterThan(lines, 1_000)
    XCTAssertEqual(Double(selected) / Double(eligible), 0.15, accuracy: 0.005)
    XCTAssertEqual(Double(masked) / Double(selected), 0.8, accuracy: 0.01)
    XCTAssertEqual(Double(random) / Double(selected), 0.1, accuracy: 0.01)
    XCTAssertEqual(Double(kept) / Double(selected), 0.1, accuracy: 0.01)
    XCTAssertEqual(Double(coveredLines) / Double(lines), 0.15, accuracy: 0.01)
    XCTAssertEqual(Double(replaced) / Double(examples), 0.15, accuracy: 0.02)
    XCTAssertEqual(Double(dropped) / Double(examples), 0.05, accuracy: 0.015)
  }

  func testCoveredPixelsAreExactlyTheLinesScaledToTheImage() throws {
    var options = PretrainingOptions()
    options.mvlm = false
    options.tim = false
    options.tiaLineRate = 0.5
    let sampler = try samplerFixture(pages: 10, options: options)
    var generator = SeededGenerator(seed: 5)
    for page in 0..<10 {
      let example = sampler.example(pageIndex: page, generator: &generator)
      var expected = [UInt8](repeating: 255, count: 224 * 224)
      for line in example.coveredLines {
        let words = sampler.pages[page].lines[line].map { sampler.pages[page].wordPixelBoxes[$0] }
        guard let box = BoundingBox.union(words) else { continue }
        let region = scaledRegion(box, pageWidth: 800, pageHeight: 1000)
        XCTAssertFalse(region.rows.isEmpty || region.columns.isEmpty)
        for y in region.rows { for x in region.columns { expected[y * 224 + x] = 0 } }
      }
      XCTAssertFalse(example.coveredLines.isEmpty)
      XCTAssertEqual(example.image, expected, "page \(page)")
      // Covered words are labelled 1, the rest 0.
      XCTAssertTrue(example.tiaLabels.contains(1))
      XCTAssertTrue(example.tiaLabels.contains(0))
    }
  }

  func testIgnoredNegativePagesLeaveTheTIALossButKeepTheirCovers() throws {
    var options = PretrainingOptions()
    options.negativePageTIA = .ignored
    options.timReplaceRate = 0.4
    options.timDropRate = 0.2
    let sampler = try samplerFixture(pages: 40, options: options)
    var generator = SeededGenerator(seed: 8)
    var (negatives, positives) = (0, 0)
    for page in 0..<40 {
      let example = sampler.example(pageIndex: page, generator: &generator)
      if example.timLabel == 0 {
        negatives += 1
        XCTAssertTrue(example.tiaLabels.allSatisfy { $0 == -100 }, "page \(page)")
      } else {
        positives += 1
        XCTAssertTrue(example.tiaLabels.contains(0), "page \(page)")
      }
    }
    XCTAssertGreaterThan(negatives, 5)
    XCTAssertGreaterThan(positives, 5)
  }

  func testMaskedWordsArePaintedWithTheirOwnFill() throws {
    var options = PretrainingOptions()
    options.tia = false
    options.tim = false
    options.maskRate = 0.3
    options.maskedRegionFill = 128
    options.coverFill = 0
    let sampler = try samplerFixture(pages: 4, options: options)
    var generator = SeededGenerator(seed: 3)
    for page in 0..<4 {
      let example = sampler.example(pageIndex: page, generator: &generator)
      XCTAssertTrue(example.maskKind.contains { $0 != 0 })
      var expected = [UInt8](repeating: 255, count: 224 * 224)
      // Token t (after [CLS]) comes from word t − 1: every word is a single piece here.
      for t in example.maskKind.indices where example.maskKind[t] != 0 {
        let box = sampler.pages[page].wordPixelBoxes[t - 1]
        let region = scaledRegion(box, pageWidth: 800, pageHeight: 1000)
        for y in region.rows { for x in region.columns { expected[y * 224 + x] = 128 } }
      }
      XCTAssertEqual(example.image, expected, "page \(page)")
      XCTAssertFalse(example.image.contains(0))
    }
  }

  func testSamplingIsAFunctionOfTheSeed() throws {
    let sampler = try samplerFixture(pages: 5)
    var a = SeededGenerator(seed: 9)
    var b = SeededGenerator(seed: 9)
    let x = sampler.example(pageIndex: 3, generator: &a)
    let y = sampler.example(pageIndex: 3, generator: &b)
    XCTAssertEqual(x.inputIds, y.inputIds)
    XCTAssertEqual(x.image, y.image)
    XCTAssertEqual(x.tiaLabels, y.tiaLabels)
  }

  func testLongPagesGetARandomWindow() throws {
    let sampler = try samplerFixture(pages: 2)
    var short = sampler
    short.sequenceLength = 20
    var generator = SeededGenerator(seed: 1)
    let starts = Set(
      (0..<50).map { _ in
        short.example(pageIndex: 0, generator: &generator).inputIds[1...3].map { $0 }
      })
    XCTAssertGreaterThan(starts.count, 3, "windows should start at different places")
    XCTAssertEqual(short.example(pageIndex: 0, generator: &generator).inputIds.count, 20)
  }

  // `nextInt(below: 1)` draws nothing; the sampler's streams have always drawn a word there (TIM
  // with two pages), so its index draws keep doing so.
  func testIndexDrawsUseOneWordEvenForABoundOfOne() {
    var generator = SeededGenerator(seed: 4)
    var reference = SeededGenerator(seed: 4)
    XCTAssertEqual(PretrainingSampler.drawIndex(below: 1, &generator), 0)
    _ = reference.next()
    XCTAssertEqual(generator.next(), reference.next())
    XCTAssertEqual(
      PretrainingSampler.drawIndex(below: 7, &generator), reference.nextInt(below: 7))
    XCTAssertEqual(generator.next(), reference.next())
  }
}
