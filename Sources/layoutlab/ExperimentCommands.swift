// LayoutLab — `layoutlab run` and `layoutlab report`.

import ArgumentParsing
import Experiments
import Foundation
import Reporting

let experimentOptions: [OptionSpec] = [
  .value(
    "set", "KEY=VALUE",
    "Override a spec value, typed like the spec (e.g. data.root=/x, training.epochs=3).",
    repeatable: true),
  .value("results", "DIR", "Results folder (default: results/ beside experiments/)."),
]

let runCommand = CommandSpec(
  name: "run", abstract: "Run every variant × seed of a spec (cached, resumable), then report.",
  positionals: ["SPEC"],
  discussion: """
    Finished runs are skipped: each writes results/<name>/<variant>/<seed>/result.json
    atomically; delete one to run it again. Keys without a top-level prefix (name, base,
    variants, seeds) are relative to `base`: --set data.test=/path/testing_data.
    """,
  options: experimentOptions
) { args in
  guard args.positionals.count == 1 else {
    throw UsageError.positionalCount(
      command: "layoutlab run", expected: "one SPEC", got: args.positionals.count)
  }
  let report = try runSpec(
    URL(fileURLWithPath: args.positionals[0]), overrides: args.allValues("set"),
    resultsDirectory: args.value("results").map { URL(fileURLWithPath: $0) })
  print("report: \(report.path)")
  return 0
}

/// `layoutlab run SPEC`: runs every unfinished run, then writes the report; returns its path.
func runSpec(_ url: URL, overrides: [String], resultsDirectory: URL?) throws -> URL {
  var options = RunnerOptions(
    resultsRoot: resultsDirectory ?? resultsRoot(forSpec: url),
    repository: repositoryRoot(forSpec: url))
  options.overrides = overrides
  _ = try runExperiment(specURL: url, options: options)
  return try reportSpec(url, overrides: overrides, resultsDirectory: options.resultsRoot)
}

let reportCommand = CommandSpec(
  name: "report", abstract: "Regenerate results/<name>/report.md from stored results alone.",
  positionals: ["SPEC"], options: experimentOptions
) { args in
  guard args.positionals.count == 1 else {
    throw UsageError.positionalCount(
      command: "layoutlab report", expected: "one SPEC", got: args.positionals.count)
  }
  let report = try reportSpec(
    URL(fileURLWithPath: args.positionals[0]), overrides: args.allValues("set"),
    resultsDirectory: args.value("results").map { URL(fileURLWithPath: $0) })
  print("report: \(report.path)")
  return 0
}
