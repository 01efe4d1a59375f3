// LayoutLab — `layoutlab compare A B`: metric tables of two experiments, with paired statistics.

import ArgumentParsing
import Foundation
import Reporting

let compareCommand = CommandSpec(
  name: "compare",
  abstract: "Compare two experiments' metrics (paired bootstraps), settings and code.",
  positionals: ["A", "B"],
  discussion: """
    A and B are results folders (results/<experiment>) or spec files (their results folders).
    Cells are matched by variant and seed. For each task metric (entity F1, accuracy, ANLS,
    exact match; dev and test as stored) a table shows A, B and B − A and, where both sides
    kept per-document or per-question scores, a paired bootstrap interval and p-value over the
    items both scored, seeds pooled as reports pool them. Below: cells on one side only, the
    settings that differ (by spec key path), each side's commit, and a loud line when the
    sides ran on different data, OCR or SIMD variants. Markdown goes to stdout:
      layoutlab compare results/quickstart-old results/quickstart > compare.md
    """,
  options: [
    .value(
      "metric", "NAME",
      "Only this metric: 'dev ANLS', 'test.entity-f1', or 'accuracy' for both splits "
        + "(repeatable).",
      repeatable: true),
    .flag("json", "Print one JSON object instead of Markdown."),
    .value(
      "threshold", "P",
      "Exit 1 when any difference has a paired-bootstrap p-value below P (e.g. 0.05), for CI."),
  ]
) { args in
  guard args.positionals.count == 2 else {
    throw UsageError.positionalCount(
      command: "layoutlab compare", expected: "two results folders or specs, A and B",
      got: args.positionals.count)
  }
  var threshold: Double?
  if args.value("threshold") != nil {
    let value = try args.double("threshold", default: 0.05)
    guard value > 0, value < 1 else {
      throw UsageError.invalidValue(
        name: "threshold", value: args.value("threshold") ?? "", expected: "a number in (0, 1)")
    }
    threshold = value
  }
  let outcome = try compareFolders(
    args.positionals[0], args.positionals[1], metrics: args.allValues("metric"),
    json: args.flag("json"), threshold: threshold)
  print(outcome.text, terminator: "")
  return outcome.exitCode
}
