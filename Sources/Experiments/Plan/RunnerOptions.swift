// LayoutLab — how `layoutlab run`, `plan` and `status` read a spec: where results live, which
// cells, how many jobs, and which code is running.

import Foundation

/// How to run an experiment.
public struct RunnerOptions {
  /// The results root (normally `results/` beside the spec's repository); stages are cached
  /// in its `.stages/` folder, shared by every spec.
  public var resultsRoot: URL
  /// `--set key.path=value` overrides.
  public var overrides: [String] = []
  /// The repository: relative paths in specs are relative to it, and provenance reads its git
  /// state.
  public var repository: URL
  /// `--only GLOB`: only the cells whose name matches (`*`, `?`).
  public var only: String?
  /// `--only-failed`: only the cells whose last attempt failed.
  public var onlyFailed = false
  /// `--jobs N`: units run at once, each in its own `layoutlab unit run` process with
  /// `threads / N` threads (clamped to the thread count); 1 runs them in this process.
  public var jobs = 1
  /// The `layoutlab` executable that `--jobs` starts its workers from.
  public var executable: URL?
  /// The digest of the running code (`SourceDigest.current(repository:)` of the repository
  /// given to `init`): recorded in every result and stage, and compared with theirs to find
  /// stale ones. Tests set it to pretend the code changed.
  public var sourceDigest: String
  /// `--rerun-stale`: rerun the cells whose cached result was made by other sources (by
  /// default they are reused). Stale stages are reused either way.
  public var rerunStale = false

  /// Creates options; reads the running code's source digest (once per process).
  public init(resultsRoot: URL, repository: URL) {
    self.resultsRoot = resultsRoot
    self.repository = repository
    sourceDigest = SourceDigest.current(repository: repository)
  }
}
