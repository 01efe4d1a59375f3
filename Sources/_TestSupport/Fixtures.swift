// LayoutLab — locating committed test fixtures and the optional ../shared folder.

import Foundation
import XCTest

/// Paths that tests read from.
public enum TestPaths {
  /// The package root, found from this file's location.
  public static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// A committed fixture under `Tests/<component>`, e.g. `fixture("TensorCoreTests/Fixtures/ops.safetensors")`.
  public static func fixture(_ relativePath: String) -> URL {
    packageRoot.appendingPathComponent("Tests").appendingPathComponent(relativePath)
  }

  /// The `../shared` folder beside the package, or a skip (a failure when
  /// `LAYOUTLAB_REQUIRE_SHARED=1`) with a printed reason when it is absent.
  public static func shared(_ relativePath: String = "") throws -> URL {
    let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
      .appendingPathComponent(relativePath)
    if FileManager.default.fileExists(atPath: url.path) { return url }
    let reason = "needs ../shared/\(relativePath), which is absent"
    if ProcessInfo.processInfo.environment["LAYOUTLAB_REQUIRE_SHARED"] == "1" {
      XCTFail("\(reason) and LAYOUTLAB_REQUIRE_SHARED=1")
      throw SharedDataMissing(reason: reason)
    }
    print("skipped: \(reason)")
    throw XCTSkip(reason)
  }
}

/// Thrown after a failure is recorded when required shared data is absent.
public struct SharedDataMissing: Error, CustomStringConvertible {
  /// What was missing.
  public var reason: String
  public var description: String { reason }
}
