// LayoutLab — shared helpers for the image tests: the digest fixtures and file loading.

import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

/// One entry of `image-digests.json` or `png-variants/digests.json`.
struct ImageDigest: Decodable {
  var file: String
  var mode: String
  var width: Int
  var height: Int
  var pixel_sum: Int
  var sha256_of_pixels: String
}

/// The top level of both digest files.
struct ImageDigestList: Decodable {
  var images: [ImageDigest]
}

/// One entry of `resize-224/cases.json`.
struct ResizeCase: Decodable {
  var source: String
  var source_mode: String
  var source_size: [Int]
  var output: String
  var sum: Int
  var sha256: String
  var rgb_sum: Int
}

/// The top level of `resize-224/cases.json`.
struct ResizeCaseList: Decodable {
  var cases: [ResizeCase]
}

enum ImageFixtures {
  static func url(_ relative: String) -> URL {
    TestPaths.fixture("LayoutDataTests/Fixtures/images/\(relative)")
  }

  static func load<T: Decodable>(_ type: T.Type, _ relative: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(contentsOf: url(relative)))
  }

  static func bytes(_ url: URL) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: url))
  }
}
