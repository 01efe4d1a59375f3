// LayoutLab — `layoutlab score …`: seqeval, ANLS and accuracy over gold and prediction files.

import ArgumentParsing
import Commands
import Evaluation

/// Options every `score` subcommand takes.
let scoreCommonOptions: [OptionSpec] = [
  .value("gold", "FILE", "Gold file (required)."),
  .value("pred", "FILE", "Prediction file (required)."),
  .flag("json", "Print one JSON object."),
  .value("resamples", "N", "Bootstrap resamples for the confidence interval (default 1000)."),
  .value("seed", "N", "Bootstrap seed (default 0)."),
  .value("confidence", "C", "Interval coverage in (0, 1) (default 0.95)."),
]

/// The shared options parsed into `ScoreCommandOptions`.
func scoreOptions(_ args: ParsedArguments) throws -> ScoreCommandOptions {
  let confidence = try args.double("confidence", default: 0.95)
  guard confidence > 0, confidence < 1 else {
    throw UsageError.invalidValue(
      name: "confidence", value: args.value("confidence") ?? "", expected: "a number in (0, 1)")
  }
  return ScoreCommandOptions(
    goldPath: try args.required("gold"), predictedPath: try args.required("pred"),
    json: args.flag("json"),
    bootstrap: BootstrapOptions(
      resamples: try args.int("resamples", default: 1000, in: 1...1_000_000),
      confidence: confidence, seed: UInt64(try args.int("seed", default: 0))),
    tagsPath: args.value("tags"))
}

let scoreSeqeval = CommandSpec(
  name: "seqeval", abstract: "Entity F1 of tag sequences, identical to seqeval 1.2.2.",
  discussion: """
    G and P are JSON lists of tag lists (IOB2 or BIOES). 'default' is seqeval's conlleval mode
    (what LayoutLM scripts report); 'strict' is mode='strict' with --scheme (IOB2 by default).
    The interval resamples sequences.
    """,
  options: scoreCommonOptions + [
    .value("mode", "MODE", "default or strict (default: default)."),
    .value("scheme", "S", "Strict-mode scheme: iob2 or bioes (default: iob2)."),
    .value("tags", "FILE", "JSON list with one tag (or tag list) per sequence, for a breakdown."),
  ]
) { args in
  let mode = try args.choice("mode", ["default", "strict"], default: "default")
  let scheme = try args.choice("scheme", ["iob2", "bioes"], default: "iob2")
  print(
    try runSeqevalScore(
      try scoreOptions(args),
      mode: mode == "default" ? .conlleval : .strict(TaggingScheme(rawValue: scheme) ?? .iob2)))
  return 0
}

let scoreANLS = CommandSpec(
  name: "anls", abstract: "ANLS of a DocVQA submission (official RRC scorer).",
  discussion: """
    G is the official question file with answers ({"data": [{"questionId", "answers"}]}); P is
    the official submission list of {"questionId", "answer"}. The interval resamples documents
    (docId) when every question has one, else questions.
    """,
  options: scoreCommonOptions + [
    .value("threshold", "TAU", "ANLS threshold τ (default 0.5)."),
    .value("convention", "C", "rrc (official scorer, default) or paper (strict NL < τ)."),
  ]
) { args in
  let threshold = try args.double("threshold", default: 0.5)
  guard threshold > 0, threshold <= 1 else {
    throw UsageError.invalidValue(
      name: "threshold", value: args.value("threshold") ?? "", expected: "a number in (0, 1]")
  }
  let convention = try args.choice("convention", ["rrc", "paper"], default: "rrc")
  print(
    try runANLSScore(
      try scoreOptions(args), threshold: threshold,
      convention: convention == "rrc" ? .rrcScorer : .paperFormula))
  return 0
}

let scoreAccuracy = CommandSpec(
  name: "accuracy", abstract: "Accuracy, per-class P/R/F1 and the confusion matrix.",
  discussion: """
    G and P are JSON lists of labels (strings or integers), or lists of label lists (one per
    document). The interval resamples entries.
    """,
  options: scoreCommonOptions + [
    .value("tags", "FILE", "JSON list with one tag (or tag list) per entry, for a breakdown.")
  ]
) { args in
  print(try runAccuracyScore(try scoreOptions(args)))
  return 0
}

/// `layoutlab score`: the scorers, with bootstrap intervals.
let scoreCommand = CommandSpec(
  name: "score", abstract: "Score predictions: entity F1, ANLS, accuracy.",
  subcommands: [scoreSeqeval, scoreANLS, scoreAccuracy])
