// LayoutLab — tests of the synthetic form generator.

import Foundation
import LayoutData
import Seeding
import XCTest

@testable import SyntheticData

final class FormGeneratorTests: XCTestCase {
  func testFormHasEntitiesOfEveryCueWithWordsInsideThePage() throws {
    let generator = FormGenerator(options: SynthesisOptions())
    var cueCounts: [String: Int] = [:]
    for index in 0..<8 {
      let page = generator.makeForm(
        id: "f\(index)", template: FormTemplate(id: index),
        generator: SeededGenerator(seed: UInt64(index)))
      XCTAssertGreaterThan(page.document.entities.count, 10)
      for entity in page.document.entities {
        XCTAssertFalse(entity.wordIndices.isEmpty)
        cueCounts[entity.cue ?? "none", default: 0] += 1
      }
      for word in page.document.words {
        XCTAssertGreaterThanOrEqual(word.box.x0, 0)
        XCTAssertLessThanOrEqual(word.box.x1, Double(page.canvas.width))
        XCTAssertLessThanOrEqual(word.box.y1, Double(page.canvas.height))
      }
      if let dump = ProcessInfo.processInfo.environment["SYNTH_DUMP"] {
        let header = Data("P5\n\(page.canvas.width) \(page.canvas.height)\n255\n".utf8)
        try (header + Data(page.canvas.pixels)).write(
          to: URL(fileURLWithPath: dump + "/form\(index).pgm"))
      }
    }
    let total = Double(cueCounts.values.reduce(0, +))
    XCTAssertEqual(Double(cueCounts["text"] ?? 0) / total, 0.4, accuracy: 0.08)
    XCTAssertEqual(Double(cueCounts["layout"] ?? 0) / total, 0.3, accuracy: 0.08)
    XCTAssertEqual(Double(cueCounts["visual"] ?? 0) / total, 0.3, accuracy: 0.08)
  }

  func testCueMixOfOnlyVisualGivesOnlyVisualEntities() {
    let generator = FormGenerator(options: SynthesisOptions(cueWeights: [0, 0, 1]))
    let page = generator.makeForm(
      id: "v", template: FormTemplate(id: 2), generator: SeededGenerator(seed: 3))
    XCTAssertGreaterThan(page.document.entities.count, 8)
    XCTAssertTrue(page.document.entities.allSatisfy { $0.cue == "visual" })
  }
}
