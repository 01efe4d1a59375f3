// LayoutLab — page images in memory and in the on-disk cache: the same floats either way, the
// cache reused across loads, and a truncated or foreign cache file rebuilt, never read.

import Foundation
import LayoutData
import XCTest

@testable import Training

final class PageImagesTests: XCTestCase {
  var root: URL!
  var documents: [Document] = []

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("ll-pages-\(UUID())")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    // Two small RGB pages with distinct gradients, and one document without an image.
    documents =
      try (0..<2).map { index in
        let (width, height) = (300 + 40 * index, 400)
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
          for x in 0..<width {
            let base = (y * width + x) * 3
            pixels[base] = UInt8((x * 7 + index * 50) % 256)
            pixels[base + 1] = UInt8((y * 3) % 256)
            pixels[base + 2] = UInt8((x + y) % 256)
          }
        }
        let url = root.appendingPathComponent("page\(index).png")
        try PNGEncoder.write(
          RasterImage(width: width, height: height, mode: .rgb, pixels: pixels), to: url)
        return Document(
          id: "page\(index)", pageWidth: width, pageHeight: height, imagePath: url.path)
      } + [Document(id: "blank", pageWidth: 100, pageHeight: 100)]
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  func expectedFloats(_ document: Document) throws -> [Float] {
    guard let path = document.imagePath else {
      return [Float](repeating: 255, count: PageImages.pageBytes)
    }
    return ModelPixels.values(from: try decodeImage(contentsOf: URL(fileURLWithPath: path)))
  }

  func testMemoryAndCacheGiveTheModelPixelsOfEachPage() throws {
    let cacheFolder = root.appendingPathComponent("cache")
    let memory = try PageImages.load(documents, storage: .memory)
    let cached = try PageImages.load(documents, storage: .cache(cacheFolder))
    XCTAssertEqual(memory.missing, 1)
    XCTAssertEqual(cached.missing, 1)
    XCTAssertTrue(cached.cacheNote?.hasPrefix("built") == true, cached.cacheNote ?? "nil")
    let ids = ["page1", "blank", "page0"]
    let fromMemory = try memory.batchTensor(ids)
    let fromCache = try cached.batchTensor(ids)
    XCTAssertEqual(fromMemory.shape, [3, 3, 224, 224])
    let expected = try ids.flatMap { id in
      try expectedFloats(documents.first { $0.id == id }!)
    }
    XCTAssertEqual(fromMemory.array, expected)
    XCTAssertEqual(fromCache.array, expected)
    XCTAssertThrowsError(try cached.batchTensor(["nope"])) { error in
      XCTAssertTrue("\(error)".contains("document nope"), "\(error)")
    }
  }

  func testTheCacheIsReusedAndADamagedOrForeignFileIsRebuilt() throws {
    let folder = root.appendingPathComponent("cache")
    _ = try PageImages.load(documents, storage: .cache(folder))
    let again = try PageImages.load(documents, storage: .cache(folder))
    XCTAssertEqual(again.cacheNote, "reused")
    let file = try XCTUnwrap(
      FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".pages") })
    let url = folder.appendingPathComponent(file)
    let whole = try Data(contentsOf: url)
    let expected = try documents.flatMap(expectedFloats)

    // Truncated: the end marker is gone.
    try whole.prefix(whole.count - 5000).write(to: url)
    let truncated = try PageImages.load(documents, storage: .cache(folder))
    XCTAssertTrue(truncated.cacheNote?.contains("truncated") == true, truncated.cacheNote ?? "")
    XCTAssertEqual(try truncated.batchTensor(documents.map(\.id)).array, expected)
    XCTAssertEqual(try Data(contentsOf: url), whole, "rebuilt to the same bytes")

    // Foreign: a whole cache file made for other pages, under this key's name.
    let others = Array(documents.prefix(1))
    let otherFolder = root.appendingPathComponent("other")
    _ = try PageImages.load(others + [documents[2], documents[2]], storage: .cache(otherFolder))
    let otherFile = try XCTUnwrap(
      FileManager.default.contentsOfDirectory(atPath: otherFolder.path).first {
        $0.hasSuffix(".pages")
      })
    try FileManager.default.removeItem(at: url)
    try FileManager.default.copyItem(at: otherFolder.appendingPathComponent(otherFile), to: url)
    let foreign = try PageImages.load(documents, storage: .cache(folder))
    XCTAssertTrue(
      foreign.cacheNote?.contains("other files") == true
        || foreign.cacheNote?.contains("length")
          == true,
      foreign.cacheNote ?? "")
    XCTAssertTrue(foreign.cacheNote?.hasPrefix("rebuilt") == true)
    XCTAssertEqual(try foreign.batchTensor(documents.map(\.id)).array, expected)

    // Not a cache at all.
    try Data("hello".utf8).write(to: url)
    let junk = try PageImages.load(documents, storage: .cache(folder))
    XCTAssertTrue(junk.cacheNote?.hasPrefix("rebuilt") == true, junk.cacheNote ?? "")
    XCTAssertEqual(try junk.batchTensor(["page0"]).array, try expectedFloats(documents[0]))
  }
}
