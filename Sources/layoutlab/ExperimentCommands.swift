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

let selectionOptions: [OptionSpec] = [
  .value("only", "GLOB", "Only the cells whose name matches (shell-style: * and ?)."),
  .flag("only-failed", "Only the cells whose last attempt failed."),
]

let runCommand = CommandSpec(
  name: "run",
  abstract: "Run every cell × seed of a spec (stages cached, resumable), then report.",
  positionals: ["SPEC"],
  discussion: """
    Finished runs are skipped: each writes results/<name>/<variant>/<seed>/result.json
    atomically; delete one to run it again. Pre-training stages (a spec's `pretraining`
    section) are built once per distinct setting into results/.stages/, shared by every spec,
    and a killed stage resumes from its last checkpoint. A cell that fails records
    failed.json and the others go on; the exit code is then 1. Every result.json and
    stage.json records the commit, a dirty flag and a digest of Package.swift and Sources/; a
    cached result made by other sources is stale: `run` reuses it and says how many it reused,
    and --rerun-stale reruns those cells (stale stages are reused either way; delete a stage's
    folder to rebuild it). Keys without a top-level prefix (name, base, variants, axes,
    exclude, seeds, compare) are relative to `base`: --set data.test=/path/testing_data.
    """,
  options: experimentOptions + selectionOptions + [
    .flag("dry-run", "Print the plan (as `layoutlab plan`) and run nothing."),
    .flag(
      "rerun-stale",
      "Rerun the cells whose cached result was made by other sources (see `layoutlab status`)."),
    .value(
      "jobs", "N",
      "Run up to N stages or cells at once, each in its own process (`unit run`) with "
        + "threads/N threads (default 1). Every worker gets the same thread count, so a cell's "
        + "metrics equal a LAYOUTLAB_THREADS=threads/N run's."),
  ]
) { args in
  let url = try specArgument(args, command: "run")
  var options = runnerOptions(url, args)
  options.jobs = try args.int("jobs", default: 1, in: 1...1024)
  options.rerunStale = args.flag("rerun-stale")
  options.executable = Bundle.main.executableURL
  if args.flag("dry-run") {
    print(try planExperiment(specURL: url, options: options).planText)
    return 0
  }
  let (report, failed) = try runSpec(url, options: options)
  print("report: \(report.path)")
  if !failed.isEmpty {
    printError(
      "error: \(failed.count) run(s) failed; see failed.json in each, or `layoutlab status`:")
    for (plan, message) in failed { printError("  \(plan.variant) seed \(plan.seed): \(message)") }
    return 1
  }
  return 0
}

/// The one SPEC positional of `run`, `plan`, `status` and `report`.
func specArgument(_ args: ParsedArguments, command: String) throws -> URL {
  guard args.positionals.count == 1 else {
    throw UsageError.positionalCount(
      command: "layoutlab \(command)", expected: "one SPEC", got: args.positionals.count)
  }
  return URL(fileURLWithPath: args.positionals[0])
}

/// The runner options of `run`, `plan` and `status`.
func runnerOptions(_ url: URL, _ args: ParsedArguments) -> RunnerOptions {
  var options = RunnerOptions(
    resultsRoot: args.value("results").map { URL(fileURLWithPath: $0) }
      ?? resultsRoot(forSpec: url),
    repository: repositoryRoot(forSpec: url))
  options.overrides = args.allValues("set")
  options.only = args.value("only")
  options.onlyFailed = args.flag("only-failed")
  return options
}

/// `layoutlab run SPEC`: runs every unfinished cell, then writes the report; returns its path
/// and the cells that failed.
func runSpec(_ url: URL, options: RunnerOptions) throws -> (URL, [(RunPlan, String)]) {
  let summary = try runExperiment(specURL: url, options: options)
  let report = try reportSpec(
    url, overrides: options.overrides, resultsDirectory: options.resultsRoot)
  return (report, summary.failed)
}

let planCommand = CommandSpec(
  name: "plan",
  abstract: "Print a spec's cells and stages: cached, to run, and estimated time.",
  positionals: ["SPEC"],
  discussion: """
    Expands axes and variants, checks every setting, and lists each pre-training stage (with the
    cells that start from it) and each cell × seed. Estimates come from step times measured on
    this machine by earlier stages and runs of the same shape; nothing is run. Cached work made
    by other sources (another digest of Package.swift and Sources/) shows as
    `cached, stale (made by COMMIT)`, and results older than the digest as
    `cached (code unknown)`; `run` reuses both, `run --rerun-stale` reruns the stale cells.
    """,
  options: experimentOptions + selectionOptions
) { args in
  let url = try specArgument(args, command: "plan")
  print(try planExperiment(specURL: url, options: runnerOptions(url, args)).planText)
  return 0
}

let statusCommand = CommandSpec(
  name: "status",
  abstract: "Show done / running / failed / missing per cell and stage of a spec.",
  positionals: ["SPEC"],
  discussion: """
    Reads the results and the running.json files a run keeps up to date; safe to use from a
    second terminal while `layoutlab run` works (it writes nothing). A cached result made by
    other sources shows as `done, stale (made by COMMIT)` (`run --rerun-stale` reruns it), one
    older than the source digest as `done (code unknown)`.
    """,
  options: experimentOptions + selectionOptions
) { args in
  let url = try specArgument(args, command: "status")
  print(try planExperiment(specURL: url, options: runnerOptions(url, args)).statusText)
  return 0
}

let reportCommand = CommandSpec(
  name: "report", abstract: "Regenerate results/<name>/report.md from stored results alone.",
  positionals: ["SPEC"], options: experimentOptions
) { args in
  let url = try specArgument(args, command: "report")
  let report = try reportSpec(
    url, overrides: args.allValues("set"),
    resultsDirectory: args.value("results").map { URL(fileURLWithPath: $0) })
  print("report: \(report.path)")
  return 0
}

let unitRunCommand = CommandSpec(
  name: "run",
  abstract: "Run one unit of a planned spec from its unit file (what --jobs workers run).",
  positionals: ["UNIT.json"],
  discussion: """
    A unit file (results/<name>/units/<key>.json, written by `layoutlab run`) holds one corpus,
    pre-training stage or fine-tuning cell with its resolved settings, its key and the keys of
    the units it reads; those must be finished. The spec is not read. A failed cell records
    failed.json; the exit code is then 1.
    """
) { args in
  guard args.positionals.count == 1 else {
    throw UsageError.positionalCount(
      command: "layoutlab unit run", expected: "one UNIT.json", got: args.positionals.count)
  }
  print(try runUnitFile(at: URL(fileURLWithPath: args.positionals[0])))
  return 0
}

let unitCommand = CommandSpec(
  name: "unit", abstract: "Work with the units a spec is planned into.",
  subcommands: [unitRunCommand])
