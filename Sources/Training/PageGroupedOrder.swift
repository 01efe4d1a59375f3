// LayoutLab — a training order that keeps the windows of one page together.

import Seeding

/// The page of every window, as the ordinal of its document id in first-appearance order
/// (`[W]`), read in chunks so an on-disk list is never loaded whole.
func pageOrdinals(of windows: WindowList) throws -> [Int] {
  var ordinal: [String: Int] = [:]
  var pages: [Int] = []
  pages.reserveCapacity(windows.count)
  for start in stride(from: 0, to: windows.count, by: 1024) {
    for window in try windows.windows(start..<min(start + 1024, windows.count)) {
      if let page = ordinal[window.documentId] {
        pages.append(page)
      } else {
        ordinal[window.documentId] = ordinal.count
        pages.append(ordinal.count - 1)
      }
    }
  }
  return pages
}

/// Window indices with the pages shuffled and each page's windows one after another (in their
/// stored order), so consecutive batches share pages: `training.batchByPage`.
func pageGroupedOrder(_ pages: [Int], generator: inout SeededGenerator) -> [Int] {
  var windowsOfPage: [[Int]] = Array(repeating: [], count: (pages.max() ?? -1) + 1)
  for (index, page) in pages.enumerated() { windowsOfPage[page].append(index) }
  generator.shuffle(&windowsOfPage)
  return windowsOfPage.flatMap { $0 }
}
