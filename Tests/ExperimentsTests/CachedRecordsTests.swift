// LayoutLab — every cached result.json of a results folder still reads as a `RunRecord`, and
// loses nothing: written back, it holds every value the file holds (adding only its version,
// the migration's metric names and the defaults of settings added since).

import Foundation
import JSONValues
import XCTest
import _TestSupport

@testable import Experiments

final class CachedRecordsTests: XCTestCase {
  /// `results/<experiment>/<variant>/<seed>/result.json` under `root`, sorted.
  func recordFiles(under root: URL) -> [URL] {
    let manager = FileManager.default
    func folders(_ url: URL) -> [URL] {
      ((try? manager.contentsOfDirectory(atPath: url.path)) ?? []).sorted().map {
        url.appendingPathComponent($0)
      }
    }
    return folders(root).flatMap(folders).flatMap(folders)
      .map { $0.appendingPathComponent("result.json") }
      .filter { manager.fileExists(atPath: $0.path) }
  }

  /// The package's own `results/` (results are not committed: empty in a fresh checkout), or
  /// the folder `LAYOUTLAB_RECORDS_ROOT` names (read only; nothing is written there).
  func testEveryCachedResultReadsAndRoundTrips() throws {
    let root =
      ProcessInfo.processInfo.environment["LAYOUTLAB_RECORDS_ROOT"].map {
        URL(fileURLWithPath: $0)
      } ?? TestPaths.packageRoot.appendingPathComponent("results")
    let files = recordFiles(under: root)
    print("checked \(files.count) result.json file(s) under \(root.path)")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    for url in files {
      // A run in progress may replace its file while this reads (write, then rename).
      guard let data = try? Data(contentsOf: url) else { continue }
      let record = try JSONDecoder().decode(RunRecord.self, from: data)
      let stored = try JSONValue.parseJSON5(data)
      let written = try JSONValue.parseJSON5(encoder.encode(record))
      let difference = firstLoss(stored, in: written, at: "")
      XCTAssertNil(difference, "\(url.path): written back, the record loses \(difference ?? "")")
    }
  }

  /// The key path of the first value of `stored` that `written` lacks or changes (numbers
  /// compared as numbers), or nil when `written` holds all of `stored`.
  func firstLoss(_ stored: JSONValue, in written: JSONValue, at path: String) -> String? {
    switch (stored, written) {
    case (.object(let x), .object(let y)):
      for (key, value) in x {
        guard let kept = y.first(where: { $0.0 == key })?.1 else { return path + "." + key }
        if let found = firstLoss(value, in: kept, at: path + "." + key) { return found }
      }
      return nil
    case (.array(let x), .array(let y)):
      guard x.count == y.count else { return path + " (\(y.count) of \(x.count) items)" }
      for (index, pair) in zip(x, y).enumerated() {
        if let found = firstLoss(pair.0, in: pair.1, at: path + "[\(index)]") { return found }
      }
      return nil
    default:
      return number(stored) != nil && number(stored) == number(written) || stored == written
        ? nil : path
    }
  }

  func number(_ value: JSONValue) -> Double? {
    switch value {
    case .integer(let n): return Double(n)
    case .number(let n): return n
    default: return nil
    }
  }
}
