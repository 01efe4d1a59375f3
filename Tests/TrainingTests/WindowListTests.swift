// LayoutLab — window lists: the on-disk store gives back exactly the windows written, in any
// order asked, and a damaged record is an error naming what was expected.

import LayoutData
import XCTest

@testable import Training

final class WindowListTests: XCTestCase {
  func sampleWindows() -> [EncodedWindow] {
    (0..<7).map { index in
      var window = EncodedWindow(documentId: "doc-\(index / 2)-ü", windowIndex: index % 2)
      let length = 3 + index * 5
      window.inputIds = (0..<length).map { Int32($0 * 31 + index) }
      window.bbox = (0..<(4 * length)).map { Int32(($0 * 7) % 1001) }
      window.attentionMask = Array(repeating: 1, count: length)
      window.tokenTypeIds = (0..<length).map { Int32($0 % 2) }
      window.labels = (0..<length).map { $0 == 0 ? ignoredLabel : Int32($0 % 5) }
      window.wordIndexOfToken = (0..<length).map { $0 == 0 ? -1 : Int32($0 / 2) }
      if index % 3 == 0 {
        window.startPosition = Int32(index)
        window.endPosition = Int32(index + 2)
        window.questionId = 1_000_000_000_000 + index
      }
      if index % 2 == 1 { window.classLabel = Int32(index) }
      return window
    }
  }

  func testDiskAndMemoryListsHoldTheSameWindows() throws {
    let windows = sampleWindows()
    var memory = try WindowList.Builder(onDisk: false)
    var disk = try WindowList.Builder(onDisk: true)
    for window in windows {
      try memory.append(contentsOf: [window])
      try disk.append(contentsOf: [window])
    }
    let (inMemory, onDisk) = (try memory.finish(), try disk.finish())
    XCTAssertEqual(onDisk.count, windows.count)
    XCTAssertEqual(try onDisk.all(), windows)
    XCTAssertEqual(try inMemory.all(), windows)
    XCTAssertEqual(
      try onDisk.windows([5, 0, 5, 2]), [windows[5], windows[0], windows[5], windows[2]])
    XCTAssertEqual(try onDisk.windows([Int]()), [])
  }

  func testADamagedRecordIsAnErrorNotAWindow() throws {
    var bytes: [UInt8] = []
    WindowRecordWriter.write(sampleWindows()[3], into: &bytes)
    var whole = WindowRecordReader(bytes: bytes)
    XCTAssertEqual(try whole.window(), sampleWindows()[3])
    for cut in [0, 5, bytes.count / 2, bytes.count - 1] {
      var reader = WindowRecordReader(bytes: Array(bytes.prefix(cut)))
      XCTAssertThrowsError(try reader.window(), "cut at \(cut)") { error in
        XCTAssertTrue("\(error)".contains("a whole record"), "\(error)")
      }
    }
    var longer = WindowRecordReader(bytes: bytes + [0])
    XCTAssertThrowsError(try longer.window(), "trailing bytes")
  }
}
