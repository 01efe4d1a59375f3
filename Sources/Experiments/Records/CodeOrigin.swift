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
  /// Made by other sources: the commit (and whether its tree was edited) that made it.
  case stale(commit: String, dirty: Bool)

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
      ? .current : .stale(commit: provenance.gitCommit, dirty: provenance.gitDirty)
  }

  /// Whether it was made by other sources than the running ones.
  public var isStale: Bool {
    if case .stale = self { return true }
    return false
  }

  /// What `plan` and `status` append to `cached` or `done`: nothing, ` (code unknown)`, or
  /// `, stale (made by 1a2b3c4d5e6f)` (`+dirty` when its tree had edits).
  public var note: String {
    switch self {
    case .current: return ""
    case .unknown: return " (code unknown)"
    case .stale: return ", stale (\(madeBy))"
    }
  }

  /// `made by 1a2b3c4d5e6f` (`+dirty` when its tree had edits); empty unless stale.
  public var madeBy: String {
    guard case .stale(let commit, let dirty) = self else { return "" }
    return "made by \(commit.prefix(12))\(dirty ? "+dirty" : "")"
  }
}
