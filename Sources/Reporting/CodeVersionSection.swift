// LayoutLab — which code made a report's runs: a loud warning under the main table when they
// were made by different sources, and the source digests in the provenance section.

import Experiments
import Foundation
import Tasks

/// The source digests the runs recorded (`unknown` for runs without one), each with its run
/// count and the commits that made them, most runs first.
func sourceDigestCounts(_ results: ExperimentResults) -> [(
  digest: String, runs: Int, commits: [String]
)] {
  let groups = Dictionary(grouping: results.runs) { $0.provenance.sourceDigest ?? "unknown" }
  return groups.map { digest, runs in
    (String(digest.prefix(12)), runs.count, Set(runs.map(commitLabel)).sorted())
  }.sorted { ($0.runs, $1.digest) > ($1.runs, $0.digest) }
}

/// A bold warning (then a blank line) when the runs were made by more than one version of the
/// sources (more than one known source digest); nothing otherwise. Runs without a digest are
/// not counted as a version.
func mixedCodeWarning(_ results: ExperimentResults) -> [String] {
  let known = sourceDigestCounts(results).filter { $0.digest != "unknown" }
  guard known.count > 1 else { return [] }
  let versions = known.map {
    "sources \($0.digest) (\($0.runs) run(s), commit \($0.commits.joined(separator: ", ")))"
  }
  return [
    "**Warning: these runs were made by \(known.count) versions of the code**: "
      + versions.joined(separator: "; ") + ". Numbers from different versions may not be "
      + "comparable: `layoutlab status SPEC` marks the cells made by other code as stale, and "
      + "`layoutlab run SPEC --rerun-stale` reruns them.", "",
  ]
}

/// The provenance line `- sources: 1a2b3c4d5e6f (4 runs)`; empty when no run records a digest.
func sourceDigestLines(_ results: ExperimentResults) -> [String] {
  let counts = sourceDigestCounts(results)
  guard counts.contains(where: { $0.digest != "unknown" }) else { return [] }
  return [
    "- sources: "
      + counts.map { "\($0.digest) (\($0.runs) run\($0.runs == 1 ? "" : "s"))" }.joined(
        separator: ", ")
  ]
}
