// LayoutLab — live and dead processes, and the temporary files the dead ones left.

import Foundation
import HostCPU
import XCTest

final class ProcessLivenessTests: XCTestCase {
  func testOnlyTheDeadProcessesPartialsAreRemoved() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ll-live-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("pages.bin")
    let me = ProcessInfo.processInfo.processIdentifier
    XCTAssertTrue(HostProcess.isAlive(me))
    // A process that ran and ended: its pid is free until reused.
    let ended = Process()
    ended.executableURL = URL(fileURLWithPath: "/bin/sh")
    ended.arguments = ["-c", "exit 0"]
    try ended.run()
    ended.waitUntilExit()
    let dead = ended.processIdentifier
    XCTAssertFalse(HostProcess.isAlive(dead))
    XCTAssertFalse(HostProcess.isAlive(0))
    for name in [
      HostProcess.partialName("pages.bin", pid: me),
      HostProcess.partialName("pages.bin", pid: dead),
      "pages.bin.partial-x", "other.bin.partial-\(dead)",
    ] {
      XCTAssertTrue(
        FileManager.default.createFile(
          atPath: folder.appendingPathComponent(name).path, contents: nil))
    }
    HostProcess.removeOrphanedPartials(of: target)
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
      ["other.bin.partial-\(dead)", "pages.bin.partial-\(me)", "pages.bin.partial-x"])
  }
}
