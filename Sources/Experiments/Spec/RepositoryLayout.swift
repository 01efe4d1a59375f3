// LayoutLab — where a spec's repository and results live.

import Foundation

/// The results root for a spec: `results/` in the repository that holds `experiments/`.
public func resultsRoot(forSpec url: URL) -> URL {
  repositoryRoot(forSpec: url).appendingPathComponent("results")
}

/// The folder above `experiments/` (or the spec's own folder when it is elsewhere): relative
/// paths in the spec are relative to it.
public func repositoryRoot(forSpec url: URL) -> URL {
  let folder = url.standardizedFileURL.deletingLastPathComponent()
  return folder.lastPathComponent == "experiments" ? folder.deletingLastPathComponent() : folder
}
