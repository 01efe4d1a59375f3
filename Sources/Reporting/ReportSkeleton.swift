// LayoutLab — the parts every task's report shares: heading, runs by variant, provenance.

import Experiments
import Foundation
import Tasks

/// `# title` and the description paragraph.
func reportHeading(title: String, description: String) -> [String] {
  ["# \(title)", ""] + (description.isEmpty ? [] : [description, ""])
}

/// The variants in the order their runs appear, and the runs of each.
func runsByVariant(_ results: ExperimentResults) -> (
  variants: [String], byVariant: [String: [RunRecord]]
) {
  let variants = results.runs.map(\.variant).reduce(into: [String]()) {
    if !$0.contains($1) { $0.append($1) }
  }
  return (variants, Dictionary(grouping: results.runs, by: \.variant))
}

/// `## Provenance`: run count and wall time, commits, source digests, and the machine.
func shortProvenanceSection(_ results: ExperimentResults) -> [String] {
  let total = results.runs.reduce(0) { $0 + $1.timings.totalSeconds }
  let commits = Set(results.runs.map(commitLabel)).sorted()
  return [
    "## Provenance", "",
    "- runs: \(results.runs.count); run time \(minutes(total)) in all (the sum over runs; `run --jobs` overlaps them)",
    "- commits: \(commits.joined(separator: ", "))",
  ] + sourceDigestLines(results) + machineLines(results) + [""]
}

/// A run's commit as the provenance lists it: `0123456789ab`, `+dirty` when its tree had edits.
func commitLabel(_ run: RunRecord) -> String {
  let commit = run.provenance.gitCommit
  if commit.isEmpty || commit == "unknown" { return "unknown" }
  return String(commit.prefix(12)) + (run.provenance.gitDirty ? "+dirty" : "")
}
