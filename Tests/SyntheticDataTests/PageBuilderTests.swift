// LayoutLab — tests of the page builder: word boxes, lines, entities, links and finishing.

import LayoutData
import Seeding
import XCTest

@testable import SyntheticData

final class PageBuilderTests: XCTestCase {
  func testDrawLineRecordsOneWordPerTokenWithFontBoxes() {
    var page = PageBuilder(width: 400, height: 200, generator: SeededGenerator(seed: 1))
    let indices = page.drawLine("Date: 9/3/92", x: 20, y: 30, scale: 2)
    XCTAssertEqual(indices, [0, 1])
    XCTAssertEqual(page.words.map(\.text), ["Date:", "9/3/92"])
    XCTAssertEqual(page.words[0].box, BoundingBox(x0: 20, y0: 30, x1: 20 + 58, y1: 44))
    XCTAssertEqual(page.words[1].box.x0, 20 + 6 * 12)
    XCTAssertEqual(page.lines.count, 1)
    XCTAssertEqual(page.lines[0].text, "Date: 9/3/92")
    XCTAssertTrue(page.drawLine("   ", x: 0, y: 0, scale: 2).isEmpty)
    let q = page.addEntity(label: "question", cue: .text, wordIndices: [0])
    let a = page.addEntity(label: "answer", cue: .text, wordIndices: [1])
    XCTAssertNil(page.addEntity(label: "other", cue: nil, wordIndices: []))
    page.link(q, a)
    page.link(q, nil)
    XCTAssertEqual(page.links, [EntityLink(from: 0, to: 1)])
    XCTAssertEqual(page.entities[1].cue, "text")
  }

  func testFinishWithoutNoiseKeepsEverythingAndRotationKeepsBoxesOnThePage() {
    var options = SynthesisOptions(ocrNoise: .none, rotationProbability: 0, speckles: 0)
    var page = PageBuilder(width: 300, height: 300, generator: SeededGenerator(seed: 2))
    page.drawLine("alpha beta gamma", x: 10, y: 10, scale: 2)
    page.addEntity(label: "other", cue: .layout, wordIndices: [0, 1, 2])
    let plain = page.finish(id: "p", options: options, classLabel: 3, cue: .visual)
    XCTAssertEqual(plain.document.words, page.words)
    XCTAssertEqual(plain.document.classLabel, 3)
    XCTAssertEqual(plain.document.cue, "visual")
    options.rotationProbability = 1
    options.maxRotationDegrees = 5
    var turnedPage = PageBuilder(width: 300, height: 300, generator: SeededGenerator(seed: 2))
    turnedPage.drawLine("alpha beta gamma", x: 10, y: 10, scale: 2)
    let turned = turnedPage.finish(id: "t", options: options)
    XCTAssertNotEqual(turned.document.words.map(\.box), page.words.map(\.box))
    for word in turned.document.words {
      XCTAssertTrue(
        word.box.x0 >= 0 && word.box.x1 <= 300 && word.box.y0 >= 0 && word.box.y1 <= 300)
    }
  }
}
