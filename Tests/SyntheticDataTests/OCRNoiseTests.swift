// LayoutLab — tests of simulated OCR errors.

import LayoutData
import Seeding
import XCTest

@testable import SyntheticData

final class OCRNoiseTests: XCTestCase {
  private func document() -> Document {
    var page = PageBuilder(width: 800, height: 200, generator: SeededGenerator(seed: 1))
    let first = page.drawLine("Total amount received", x: 0, y: 0, scale: 2)
    let second = page.drawLine("Submitted by office", x: 0, y: 40, scale: 2)
    page.addEntity(label: "question", cue: .text, wordIndices: first)
    page.addEntity(label: "answer", cue: .text, wordIndices: second)
    return Document(
      id: "d", pageWidth: 800, pageHeight: 200, words: page.words, lines: page.lines,
      entities: page.entities)
  }

  func testNoNoiseChangesNothing() {
    var doc = document()
    var generator = SeededGenerator(seed: 3)
    OCRNoise.apply(.none, to: &doc, generator: &generator)
    XCTAssertEqual(doc, document())
  }

  func testSplitsAndMergesKeepEntitiesAndLinesConsistent() {
    for seed in 0..<20 {
      var doc = document()
      var generator = SeededGenerator(seed: UInt64(seed))
      OCRNoise.apply(
        OCRNoiseRates(characterError: 0.2, wordSplit: 0.5, wordMerge: 0.5, boxJitter: 3), to: &doc,
        generator: &generator)
      let entityWords = doc.entities.flatMap(\.wordIndices)
      XCTAssertEqual(entityWords.sorted(), Array(0..<doc.words.count), "seed \(seed)")
      XCTAssertEqual(doc.lines.flatMap(\.wordIndices).sorted(), Array(0..<doc.words.count))
      XCTAssertEqual(Set(doc.entities[0].wordIndices).intersection(doc.entities[1].wordIndices), [])
      for word in doc.words {
        XCTAssertLessThan(word.box.x0, word.box.x1)
        XCTAssertLessThan(word.box.y0, word.box.y1)
      }
    }
  }

  func testCharacterErrorsUseLookAlikes() {
    var generator = SeededGenerator(seed: 5)
    XCTAssertEqual(OCRNoise.corrupt("lll", rate: 1, generator: &generator).count, 3)
    XCTAssertFalse(OCRNoise.corrupt("lll", rate: 1, generator: &generator).contains("l"))
    XCTAssertEqual(OCRNoise.corrupt("xyz", rate: 1, generator: &generator), "xyz")
  }
}
