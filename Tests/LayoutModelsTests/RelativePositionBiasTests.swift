// LayoutLab — relative-position buckets reproduce transformers' table exactly.

import Foundation
import LayoutModels
import XCTest
import _TestSupport

final class RelativePositionBiasTests: XCTestCase {
  struct BucketTable: Decodable {
    var relative_position: [Int]
    var bucket_32_128: [Int]
    var bucket_64_256: [Int]
  }

  func testBucketsMatchTransformersForEveryPosition() throws {
    let url = TestPaths.fixture("LayoutModelsTests/Fixtures/relative_position_bucket.json")
    let table = try JSONDecoder().decode(BucketTable.self, from: Data(contentsOf: url))
    XCTAssertEqual(table.relative_position.count, 2201)
    for (i, rel) in table.relative_position.enumerated() {
      XCTAssertEqual(
        relativePositionBucket(rel, buckets: 32, maxDistance: 128), table.bucket_32_128[i],
        "rel \(rel)")
      XCTAssertEqual(
        relativePositionBucket(rel, buckets: 64, maxDistance: 256), table.bucket_64_256[i],
        "rel \(rel)")
    }
  }

  func testVisualBoxesMatchTheReferenceGrids() {
    let seven = visualTokenBoxes(gridHeight: 7, gridWidth: 7)
    XCTAssertEqual(Array(seven[0..<8]), [0, 0, 142, 142, 142, 0, 285, 142])
    XCTAssertEqual(Array(seven.suffix(4)), [857, 857, 1000, 1000])
    let four = visualTokenBoxes(gridHeight: 1, gridWidth: 4)
    XCTAssertEqual(
      four, [0, 0, 250, 1000, 250, 0, 500, 1000, 500, 0, 750, 1000, 750, 0, 1000, 1000])
  }
}
