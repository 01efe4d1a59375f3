// LayoutLab — LayoutLM JSON records of a synthetic document: kept words, grid boxes, IOB2 tags.

import Foundation
import XCTest

@testable import LayoutData

final class LayoutLMJSONTests: XCTestCase {
  func testExportOfSyntheticDocumentUsesIOB2() throws {
    let (records, counts) = try layoutLMJSONDocuments([EncodingFixtures.form()])
    XCTAssertEqual(records[0].words, ["Date:", "John", "Smith", "123", "Total"])
    XCTAssertEqual(records[0].ner_tags, ["B-QUESTION", "B-ANSWER", "I-ANSWER", "O", "O"])
    XCTAssertEqual(records[0].bboxes[0], [10, 200, 60, 300])
    XCTAssertEqual(counts, BoxClampCounts())
  }
}
