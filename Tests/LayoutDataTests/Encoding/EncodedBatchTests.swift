import XCTest

@testable import LayoutData

final class EncodedBatchTests: XCTestCase {
  func testCollatePadsWithMasksAndImages() throws {
    let encoder = try TokenClassificationEncoder(
      tokenizer: try EncodingFixtures.tokenizer(), maxSequenceLength: 5)
    let document = EncodingFixtures.form()
    let windows = try encoder.encode(document).windows
    XCTAssertEqual(windows.map(\.length), [5, 5, 3])
    var loads = 0
    let batch = try EncodedBatch.collate(
      windows, padTo: 6, documents: [document.id: document],
      pixelLoader: { _ in
        loads += 1
        return [Float](repeating: Float(loads), count: EncodedBatch.imageElementCount)
      })
    XCTAssertEqual(batch.batchSize, 3)
    XCTAssertEqual(batch.sequenceLength, 6)
    XCTAssertEqual(batch.inputIds.count, 18)
    XCTAssertEqual(batch.bbox.count, 72)
    XCTAssertEqual(Array(batch.inputIds[12..<18]), windows[2].inputIds + [0, 0, 0])
    XCTAssertEqual(Array(batch.attentionMask[12..<18]), [1, 1, 1, 0, 0, 0])
    XCTAssertEqual(Array(batch.labels[15..<18]), [-100, -100, -100])
    XCTAssertEqual(Array(batch.bbox[(12 * 4)..<(15 * 4)]), windows[2].bbox)
    XCTAssertEqual(Array(batch.bbox[(15 * 4)...]), Array(repeating: 0, count: 12))
    XCTAssertEqual(batch.images?.count, 3 * EncodedBatch.imageElementCount)
    XCTAssertEqual(batch.images?.last, 3)
    XCTAssertEqual(batch.documentIds, ["form", "form", "form"])
    XCTAssertNil(batch.startPositions)
  }

  func testCollateRejectsTooLongWindowsAndWrongImages() throws {
    let encoder = try TokenClassificationEncoder(tokenizer: try EncodingFixtures.tokenizer())
    let document = EncodingFixtures.form()
    let windows = try encoder.encode(document).windows
    XCTAssertThrowsError(try EncodedBatch.collate(windows, padTo: 4))
    XCTAssertThrowsError(
      try EncodedBatch.collate(
        windows, documents: [document.id: document], pixelLoader: { _ in [0] })
    ) { XCTAssertTrue("\($0)".contains("[3, 224, 224]"), "\($0)") }
    XCTAssertThrowsError(try EncodedBatch.collate(windows, pixelLoader: { _ in [] }))
    let unpadded = try EncodedBatch.collate(windows)
    XCTAssertEqual(unpadded.sequenceLength, windows[0].length)
  }
}
