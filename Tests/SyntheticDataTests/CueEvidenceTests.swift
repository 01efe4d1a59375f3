// LayoutLab — the cue checks: visual cues defeat a text+layout oracle but not a pixel oracle.

import Foundation
import LayoutData
import Seeding
import XCTest

@testable import SyntheticData

final class CueEvidenceTests: XCTestCase {
  private func resized(_ canvas: PageCanvas) -> GrayImage {
    PageImageFiles.grayImage(canvas).resizedBilinear(width: 224, height: 224)
  }

  func testFormVisualCuesAreAtChanceForTextLayoutAndClearForPixels() {
    let options = SynthesisOptions()
    let generator = FormGenerator(options: options)
    var pages: [String: GrayImage] = [:]
    func make(_ range: Range<Int>, templates: [Int]) -> [Document] {
      range.map { index in
        let page = generator.makeForm(
          id: "form\(index)", template: FormTemplate(id: templates[index % templates.count]),
          generator: SeededGenerator(
            seed: SeededGenerator.documentSeed(seed: 9, kind: "t", index: index)))
        pages[page.document.id] = resized(page.canvas)
        return page.document
      }
    }
    let train = make(0..<30, templates: FormTemplate.ids(holdout: true, testSplit: false))
    let test = make(30..<45, templates: FormTemplate.ids(holdout: true, testSplit: true))
    let checks = CueEvidence.formChecks(train: train, test: test) { pages[$0.id] }
    for check in checks { print("cue check:", check) }
    func check(_ cue: String, _ oracle: String) -> CueCheck? {
      checks.first { $0.cue == cue && $0.oracle == oracle }
    }
    guard let visualText = check("visual", "text+layout"),
      let visualPixels = check("visual", "pixels"),
      let textText = check("text", "text+layout")
    else { return XCTFail("missing checks: \(checks)") }
    XCTAssertGreaterThan(visualText.testItems, 80)
    // At chance: within the 95 % band around the majority share (plus a little slack).
    XCTAssertLessThan(
      visualText.accuracy, visualText.chance + visualText.chanceMargin + 0.03, "\(visualText)")
    XCTAssertGreaterThan(visualPixels.accuracy, 0.9, "\(visualPixels)")
    // Even the three pooled 7×7 cells at a field separate the labels well above chance.
    if let pooled = check("visual", "pixels 7×7") {
      XCTAssertGreaterThan(pooled.accuracy, pooled.chance + 0.2, "\(pooled)")
    } else {
      XCTFail("missing the pooled check")
    }
    XCTAssertGreaterThan(textText.accuracy, 0.8, "\(textText)")
    // The cue regions differ systematically: shading and checkboxes darken them most.
    let means = CueEvidence.formCueRegionMeans(documents: train) { pages[$0.id] }
    XCTAssertLessThan(means["header"] ?? 1, (means["other"] ?? 0) - 0.05, "\(means)")
    XCTAssertLessThan(means["question"] ?? 1, (means["other"] ?? 0), "\(means)")
  }

  func testClassifyVisualCuesAreAtChanceForTextLayoutAndClearForPixels() {
    let generator = ClassifyGenerator(options: SynthesisOptions())
    var pages: [String: GrayImage] = [:]
    func make(_ cue: Cue, perClass: Int, offset: Int, variants: [Int]) -> [Document] {
      var documents: [Document] = []
      for classLabel in 0..<16 {
        for copy in 0..<perClass {
          let index = offset + classLabel * perClass + copy
          let page = generator.makePage(
            id: "\(cue)\(index)", classLabel: classLabel, cue: cue,
            variant: variants[index % variants.count],
            generator: SeededGenerator(
              seed: SeededGenerator.documentSeed(seed: 4, kind: "\(cue)", index: index)))
          pages[page.document.id] = resized(page.canvas)
          documents.append(page.document)
        }
      }
      return documents
    }
    var train: [Document] = []
    var test: [Document] = []
    for cue in [Cue.visual, .text] {
      train += make(cue, perClass: 5, offset: 0, variants: [0, 1, 2])
      test += make(cue, perClass: 3, offset: 1000, variants: [3])
    }
    let checks = CueEvidence.classifyChecks(train: train, test: test) { pages[$0.id] }
    for check in checks { print("cue check:", check) }
    func check(_ cue: String, _ oracle: String) -> CueCheck? {
      checks.first { $0.cue == cue && $0.oracle == oracle }
    }
    guard let visualText = check("visual", "text+layout"),
      let visualPixels = check("visual", "pixels"),
      let textText = check("text", "text+layout")
    else { return XCTFail("missing checks: \(checks)") }
    XCTAssertEqual(visualText.testItems, 48)
    XCTAssertLessThan(
      visualText.accuracy, 1.0 / 16 + visualText.chanceMargin + 0.05, "\(visualText)")
    XCTAssertGreaterThan(visualPixels.accuracy, 0.5, "\(visualPixels)")
    XCTAssertGreaterThan(textText.accuracy, 0.7, "\(textText)")
  }
}
