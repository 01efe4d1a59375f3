// LayoutLab — tests of the synthetic classification pages.

import Foundation
import LayoutData
import Seeding
import XCTest

@testable import SyntheticData

final class ClassifyGeneratorTests: XCTestCase {
  func testNeutralCuesUseOnlyNeutralWordsAndTextCueShowsKeywords() {
    let generator = ClassifyGenerator(options: SynthesisOptions(ocrNoise: .none))
    let neutral = Set(ClassVocabulary.neutral)
    for classLabel in 0..<16 {
      for cue in Cue.allCases {
        let page = generator.makePage(
          id: "c\(classLabel)\(cue)", classLabel: classLabel, cue: cue, variant: classLabel % 4,
          generator: SeededGenerator(seed: UInt64(classLabel * 7 + 1)))
        XCTAssertGreaterThan(page.document.words.count, 2, "class \(classLabel) \(cue)")
        XCTAssertEqual(page.document.classLabel, classLabel)
        XCTAssertEqual(page.document.cue, cue.rawValue)
        let texts = page.document.words.map(\.text)
        let keywords = Set(
          ClassVocabulary.keywords[classLabel].flatMap { $0.split(separator: " ").map(String.init) }
        )
        if cue == .text {
          XCTAssertTrue(texts.contains(where: keywords.contains), "class \(classLabel) text cue")
        } else {
          let nonNeutral = texts.filter {
            !neutral.contains($0) && Int($0.filter(\.isNumber)) == nil
          }
          XCTAssertTrue(nonNeutral.isEmpty, "class \(classLabel) \(cue): \(nonNeutral.prefix(5))")
        }
        if let dump = ProcessInfo.processInfo.environment["SYNTH_DUMP"], cue != .text {
          let header = Data("P5\n\(page.canvas.width) \(page.canvas.height)\n255\n".utf8)
          try? (header + Data(page.canvas.pixels)).write(
            to: URL(fileURLWithPath: dump + "/class\(classLabel)-\(cue).pgm"))
        }
      }
    }
  }
}
