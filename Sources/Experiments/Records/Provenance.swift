// LayoutLab — provenance of a run: git state, source digest, toolchain, SIMD variant, CPU,
// threads, hashes.

import Foundation
import HostCPU
import LayoutData
import TensorCore

/// The lower-case hex SHA-256 of `text`'s UTF-8 bytes.
func sha256Hex(_ text: String) -> String {
  SHA256.hexDigest(Array(text.utf8))
}

/// The canonical text of `value` that keys and hashes are made from: compact JSON with sorted
/// keys (the same value always gives the same text).
func canonicalJSON<T: Encodable>(_ value: T) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// Runs `git` with `arguments` in `directory`; nil when git is unavailable or fails.
func git(_ arguments: [String], in directory: URL) -> String? {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["git", "-C", directory.path] + arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = FileHandle.nullDevice
  do { try process.run() } catch { return nil }
  let data = try? pipe.fileHandleForReading.readToEnd()
  process.waitUntilExit()
  guard process.terminationStatus == 0, let data else { return nil }
  return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// The provenance of a run started from `directory` (the repository), made by the sources
/// whose digest is `sourceDigest`.
func currentProvenance(
  specHash: String, configurationHash: String, sourceDigest: String, directory: URL
) -> Provenance {
  let commit = git(["rev-parse", "HEAD"], in: directory) ?? "unknown"
  let dirty = !(git(["status", "--porcelain", "--untracked-files=no"], in: directory) ?? "").isEmpty
  #if compiler(>=6.3)
    let toolchain = "Swift 6.3+"
  #else
    let toolchain = "Swift < 6.3"
  #endif
  return Provenance(
    gitCommit: commit, gitDirty: dirty, toolchain: toolchain,
    threads: ThreadPool.shared.threadCount, specHash: specHash,
    configurationHash: configurationHash, host: ProcessInfo.processInfo.hostName,
    numericVariant: NumericBuild.summary, cpu: CPUDescription.current().modelName,
    sourceDigest: sourceDigest)
}
