// LayoutLab — a fresh repository-like folder per test: `root/experiments/` for the specs a test
// writes, and whatever results it makes under `root`; removed afterwards.

import Foundation
import XCTest

class SpecFolderTestCase: XCTestCase {
  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ll-\(type(of: self))-\(UUID())")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("experiments"), withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }
}
