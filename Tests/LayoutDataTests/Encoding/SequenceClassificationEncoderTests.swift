import XCTest

@testable import LayoutData

final class SequenceClassificationEncoderTests: XCTestCase {
  func testOneWindowTruncatedWithClassLabel() throws {
    var document = EncodingFixtures.form()
    document.classLabel = 11
    let encoder = try SequenceClassificationEncoder(
      tokenizer: try EncodingFixtures.tokenizer(), maxSequenceLength: 6)
    let (window, report) = try encoder.encode(document)
    XCTAssertEqual(window.inputIds, [2, 5, 6, 8, 9, 3])
    XCTAssertEqual(window.classLabel, 11)
    XCTAssertEqual(Array(window.bbox.suffix(4)), [1000, 1000, 1000, 1000])
    XCTAssertEqual(report.blankWordsDropped, 1)
    document.classLabel = nil
    XCTAssertThrowsError(try encoder.encode(document))
  }
}
