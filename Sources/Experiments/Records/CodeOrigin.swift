// LayoutLab — which code made a cached result or stage: the current sources, other sources
// (stale), or unknown.

import Foundation

/// Which code made a cached result or stage, compared with the code running now.
///
/// A record is stale when both it and the running code have a known source digest
/// (`SourceDigest`) and the two differ. A record without a digest (written before digests were
/// recorded, or by a binary without its sources) and any record read by such a binary are
/// `unknown`, never stale.
public enum CodeOrigin: Equatable, Sendable {
  /// Made by the sources running now.
  case current
  /// The record or the running code has no known digest.
  case unknown
  /// Made by other sources: the commit (and whether its tree was edited) that made it, and
  /// the digest of those sources.
  case stale(commit: String, dirty: Bool, sources: String)

  /// How `provenance` compares with the running code's digest `currentDigest`.
  public init(_ provenance: Provenance, currentDigest: String) {
    guard let recorded = provenance.sourceDigest, recorded != SourceDigest.unknown,
      currentDigest != SourceDigest.unknown
    else {
      self = .unknown
      return
    }
    self =
      recorded == currentDigest
      ? .current
      : .stale(commit: provenance.gitCommit, dirty: provenance.gitDirty, sources: recorded)
  }

  /// Whether it was made by other sources than the running ones.
  public var isStale: Bool {
    if case .stale = self { return true }
    return false
  }

  /// What `plan` and `status` append to `cached` or `done`: nothing, ` (code unknown)`, or
  /// `, stale (made by 1a2b3c4d5e6f)` (see ``madeBy``).
  public var note: String {
    switch self {
    case .current: return ""
    case .unknown: return " (code unknown)"
    case .stale: return ", stale (\(madeBy))"
    }
  }

  /// `made by 1a2b3c4d5e6f` (`+dirty` when its tree had edits), or `made by sources 9f8e7d6c5b4a`
  /// when git did not name the commit; empty unless stale.
  public var madeBy: String {
    guard case .stale(let commit, let dirty, let sources) = self else { return "" }
    if commit == "unknown" { return "made by sources \(sources.prefix(12))" }
    return "made by \(commit.prefix(12))\(dirty ? "+dirty" : "")"
  }
}
