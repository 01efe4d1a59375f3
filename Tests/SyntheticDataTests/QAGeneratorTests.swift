// LayoutLab — tests of the QA pages: answers are on the page, and visual answers need pixels.

import LayoutData
import Seeding
import XCTest

@testable import SyntheticData

final class QAGeneratorTests: XCTestCase {
  func testAnswersAreOnThePageAndEachCueHasItsShape() {
    let generator = QAGenerator(options: SynthesisOptions(ocrNoise: .none, rotationProbability: 0))
    var cues: [String: Int] = [:]
    for index in 0..<20 {
      let page = generator.makePage(
        id: "qa\(index)", firstQuestionId: index * 10, variant: index % 8,
        generator: SeededGenerator(seed: UInt64(index)))
      let text = page.document.words.map(\.text).joined(separator: " ")
      XCTAssertTrue((3...5).contains(page.questions.count))
      for question in page.questions {
        cues[question.cue ?? "none", default: 0] += 1
        XCTAssertEqual(question.documentId, "qa\(index)")
        guard let answer = question.answers.first else { return XCTFail("no answer") }
        XCTAssertTrue(text.contains(answer), "\(question.text) → \(answer)")
        switch question.cue {
        case "text": XCTAssertTrue(question.text.hasPrefix("What is the "))
        case "layout": XCTAssertTrue(question.text.contains(" value for "))
        case "visual": XCTAssertTrue(question.text.hasPrefix("Which "))
        default: XCTFail("unknown cue \(question.cue ?? "nil")")
        }
      }
      XCTAssertEqual(Set(page.questions.map(\.questionId)).count, page.questions.count)
    }
    XCTAssertEqual(Set(cues.keys), ["text", "layout", "visual"])
  }

  /// The visual cue is readable from the pooled 7×7 grid: in the question's option row, the
  /// darkest of the three option cells is the answer's, and no cell holds two options' marks.
  func testVisualAnswersAreTheDarkestCellOfTheirRowInThePooledGrid() {
    let generator = QAGenerator(options: SynthesisOptions(ocrNoise: .none, rotationProbability: 0))
    var asked = 0
    var right = 0
    for index in 0..<60 {
      let page = generator.makePage(
        id: "qa\(index)", firstQuestionId: index * 10, variant: index % 8,
        generator: SeededGenerator(seed: UInt64(1000 + index)))
      let image = PageImageFiles.grayImage(page.canvas).resizedBilinear(width: 224, height: 224)
      let pooled = CueFeatures.pagePixels(image)
      let w = Double(page.document.pageWidth)
      let h = Double(page.document.pageHeight)
      for question in page.questions where question.cue == "visual" {
        guard let answer = question.answers.first,
          let word = page.document.words.last(where: { $0.text == answer })
        else { return XCTFail("\(question.text): answer not on the page") }
        let shaded = question.text.hasSuffix("highlighted?")
        let row = Int((word.box.y0 + word.box.y1) / 2 / h * 7)
        let column = Int((word.box.x0 - (shaded ? 6 : 44)) / w * 7)
        XCTAssertTrue([1, 3, 5].contains(column), "\(question.text): column \(column)")
        let darkest = [1, 3, 5].min { pooled[row * 7 + $0] < pooled[row * 7 + $1] }
        asked += 1
        if darkest == column { right += 1 }
      }
    }
    print("pooled-grid oracle on visual questions: \(right) of \(asked)")
    XCTAssertGreaterThan(asked, 30)
    XCTAssertGreaterThanOrEqual(Double(right) / Double(asked), 0.95, "\(right) of \(asked)")
  }
}
