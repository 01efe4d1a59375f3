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
}
