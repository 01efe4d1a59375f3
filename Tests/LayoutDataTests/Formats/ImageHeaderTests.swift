import Foundation
import XCTest
import _TestSupport

@testable import LayoutData

final class ImageHeaderTests: XCTestCase {
  func testSizesMatchPillowForEveryRealImage() throws {
    let digests = try TestPaths.shared("fixtures/image-digests.json")
    let data = try TestPaths.shared("data")
    let root = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(contentsOf: digests)) as? [String: Any])
    let images = try XCTUnwrap(root["images"] as? [[String: Any]])
    XCTAssertEqual(images.count, 155)
    for image in images {
      let file = try XCTUnwrap(image["file"] as? String)
      let size = try ImageHeader.pixelSize(of: data.appendingPathComponent(file))
      XCTAssertEqual(size.width, image["width"] as? Int, file)
      XCTAssertEqual(size.height, image["height"] as? Int, file)
    }
  }

  func testTruncatedOrForeignFilesThrowNamingThem() throws {
    let folder = FileManager.default.temporaryDirectory
    let png = folder.appendingPathComponent("truncated-\(UUID()).png")
    try Data([137, 80, 78, 71, 13, 10, 26, 10, 0, 0]).write(to: png)
    let text = folder.appendingPathComponent("text-\(UUID()).png")
    try Data("hello, not an image".utf8).write(to: text)
    let tiff = folder.appendingPathComponent("tiff-\(UUID()).tif")
    try Data([0x49, 0x49, 42, 0, 200, 0, 0, 0]).write(to: tiff)
    defer { for url in [png, text, tiff] { try? FileManager.default.removeItem(at: url) } }
    for url in [png, text, tiff] {
      XCTAssertThrowsError(try ImageHeader.pixelSize(of: url)) {
        XCTAssertTrue("\($0)".contains(url.lastPathComponent), "\($0)")
      }
    }
  }
}
