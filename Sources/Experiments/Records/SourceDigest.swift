// LayoutLab — the digest of the sources that produce results, recorded in every result.json and
// stage.json so that `plan` and `status` can tell a result made by other code.

import Foundation
import LayoutData
import Synchronization

/// The code that makes results, as one SHA-256 over `Package.swift` and every `.swift` file
/// under `Sources/` (sorted by path; each file's path, size and bytes), read at run time from
/// the package's checkout.
///
/// The package is the spec's repository when it is a LayoutLab checkout, else the
/// package above the running executable (`.build/debug/layoutlab`). An installed binary with no
/// checkout records ``unknown``, which is never stale: a digest cannot be embedded at build time
/// without a build plugin. The digest covers the sources on disk, so an edit that was not
/// rebuilt yet counts as the new code (the `gitDirty` flag beside it says the tree was edited).
/// ``environmentVariable`` overrides it (tests). A unit file carries the digest of the code that
/// planned it, so a `--jobs` worker records its parent's digest without reading the sources.
public enum SourceDigest {
  /// What is recorded when the sources cannot be read: never stale.
  public static let unknown = "unknown"

  /// `LAYOUTLAB_SOURCE_DIGEST`: when set and not empty, the digest of the running code.
  public static let environmentVariable = "LAYOUTLAB_SOURCE_DIGEST"

  /// Digests already computed in this process, by package folder.
  private static let computed = Mutex<[String: String]>([:])

  /// The digest of the running code for a spec in `repository`: the environment's override,
  /// else the digest of the package's sources (computed once per process), else ``unknown``.
  public static func current(repository: URL) -> String {
    if let value = ProcessInfo.processInfo.environment[environmentVariable], !value.isEmpty {
      return value
    }
    guard let package = packageRoot(repository: repository) else { return unknown }
    if let known = computed.withLock({ $0[package.path] }) { return known }
    let digest = compute(packageRoot: package) ?? unknown
    computed.withLock { $0[package.path] = digest }
    return digest
  }

  /// The digest of module `name`'s sources (`Sources/<name>/`) in the package of the running
  /// executable, computed once per process; ``unknown`` without a checkout. Keys what one module
  /// makes, such as the synthetic sets (`SyntheticData`), so that only its own edits remake it.
  public static func module(_ name: String) -> String {
    guard let package = packageRoot(repository: nil) else { return unknown }
    let key = package.path + "#" + name
    if let known = computed.withLock({ $0[key] }) { return known }
    let digest = compute(packageRoot: package, module: name) ?? unknown
    computed.withLock { $0[key] = digest }
    return digest
  }

  /// The 64-hex-digit digest of the sources of the package at `packageRoot` (only
  /// `Sources/<module>/` when `module` is given), or nil when it has no `Package.swift` or
  /// `Sources/Experiments/`, or a source file cannot be read.
  public static func compute(packageRoot: URL, module: String? = nil) -> String? {
    guard var files = sourceFiles(packageRoot: packageRoot) else { return nil }
    if let module { files = files.filter { $0.hasPrefix("Sources/\(module)/") } }
    var hasher = SHA256()
    for path in files {
      guard
        let data = try? Data(contentsOf: packageRoot.appendingPathComponent(path))
      else { return nil }
      hasher.update(Array("\(path)\u{0}\(data.count)\u{0}".utf8))
      hasher.update(Array(data))
    }
    return SHA256.hexString(hasher.finalize())
  }

  /// `Package.swift` and the `.swift` files under `Sources/`, as sorted paths relative to
  /// `packageRoot`; nil when it is not a package.
  static func sourceFiles(packageRoot: URL) -> [String]? {
    guard isPackage(packageRoot) else { return nil }
    let sources = packageRoot.appendingPathComponent("Sources")
    var files: [String] = ["Package.swift"]
    let keys: [URLResourceKey] = [.isRegularFileKey]
    guard let walk = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: keys)
    else { return nil }
    let prefix = sources.standardizedFileURL.path + "/"
    for case let url as URL in walk where url.pathExtension == "swift" {
      guard (try? url.resourceValues(forKeys: Set(keys)))?.isRegularFile == true else { continue }
      let path = url.standardizedFileURL.path
      guard path.hasPrefix(prefix) else { continue }
      files.append("Sources/" + path.dropFirst(prefix.count))
    }
    return files.sorted()
  }

  /// The package whose sources made the running code: `repository` if it is a package, else
  /// the first folder above the running executable that is one; nil when neither is.
  static func packageRoot(repository: URL?) -> URL? {
    if let repository, isPackage(repository) { return repository }
    guard var folder = Bundle.main.executableURL?.standardizedFileURL.deletingLastPathComponent()
    else { return nil }
    while folder.path != "/" && !folder.path.isEmpty {
      if isPackage(folder) { return folder }
      folder = folder.deletingLastPathComponent()
    }
    return nil
  }

  /// Whether `folder` is a LayoutLab checkout: `Package.swift` and `Sources/Experiments/`.
  private static func isPackage(_ folder: URL) -> Bool {
    var isFolder: ObjCBool = false
    let manifest = folder.appendingPathComponent("Package.swift").path
    let experiments = folder.appendingPathComponent("Sources/Experiments").path
    return FileManager.default.fileExists(atPath: manifest)
      && FileManager.default.fileExists(atPath: experiments, isDirectory: &isFolder)
      && isFolder.boolValue
  }
}
