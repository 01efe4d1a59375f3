// LayoutLab — tests that pages written as PNG and TIFF decode to the same pixels.

import Foundation
import LayoutData
import Seeding
import XCTest

@testable import SyntheticData

final class PageImageFilesTests: XCTestCase {
  func testPNGAndTIFFRoundTrip() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "synth-images-\(ProcessInfo.processInfo.processIdentifier)")
    defer { try? FileManager.default.removeItem(at: folder) }
    var canvas = PageCanvas(width: 64, height: 48)
    var generator = SeededGenerator(seed: 1)
    canvas.text("Hi 42", x: 2, y: 2, scale: 2, generator: &generator)
    canvas.fill(x0: 30, y0: 30, x1: 60, y1: 40, value: 140)
    let png = folder.appendingPathComponent("a/page.png")
    let tiff = folder.appendingPathComponent("b/page.tif")
    try PageImageFiles.writePNG(canvas, to: png)
    try PageImageFiles.writeTIFF(canvas, to: tiff)
    for url in [png, tiff] {
      let image = try decodeImage(contentsOf: url)
      XCTAssertEqual(image.width, 64)
      XCTAssertEqual(image.height, 48)
      XCTAssertEqual(image.convertedToGray().pixels, canvas.pixels, url.lastPathComponent)
    }
  }

  func testWriteFailureNamesTheFile() {
    XCTAssertThrowsError(
      try PageImageFiles.write([1], to: URL(fileURLWithPath: "/proc/nope/x.png"))
    ) {
      XCTAssertTrue("\($0)".contains("/proc/nope/x.png"))
    }
  }
}
