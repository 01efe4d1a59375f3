// LayoutLab — tests of summary counting and its terminal text.

import XCTest

@testable import SyntheticData

final class SynthesisSummaryTests: XCTestCase {
  func testAddCountsLabelsCuesAndTemplatesAndTimingStaysOutOfTheManifest() throws {
    var summary = SynthesisSummary(kind: .forms, documents: 2, seed: 1, options: SynthesisOptions())
    var page = PageRecord(split: "training_data", template: 3, words: 10)
    page.items = [("question", "text"), ("answer", "visual"), ("other", nil)]
    summary.add(page)
    page.template = 1
    summary.add(page)
    XCTAssertEqual(summary.labels, ["question": 2, "answer": 2, "other": 2])
    XCTAssertEqual(summary.cues, ["text": 2, "visual": 2])
    XCTAssertEqual(summary.labelsByCue["visual"], ["answer": 2])
    XCTAssertEqual(summary.templatesBySplit["training_data"], [1, 3])
    XCTAssertEqual(summary.words, 20)
    summary.elapsedSeconds = 2
    summary.cpuSeconds = 1
    XCTAssertEqual(summary.pagesPerCPUSecond, 2)
    let json = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
    XCTAssertFalse(json.contains("elapsed"))
    XCTAssertFalse(json.contains("cpu"))
    XCTAssertTrue(summary.description.contains("answer 2 (33 %)"))
  }
}
