// LayoutLab — `layoutlab pretrain`.

import ArgumentParsing
import ExperimentWorkflow
import Foundation

let pretrainCommand = CommandSpec(
  name: "pretrain", abstract: "Pre-train with MVLM, TIA and TIM on a corpus; write a checkpoint.",
  discussion: """
    CORPUS is a synthetic dataset (layoutlab data synth --kind corpus) or a FUNSD folder (labels
    unused); repeat --corpus to combine. A killed run resumes from OUT/checkpoint and continues
    with the same losses. Fine-tune from the result with:
    layoutlab run SPEC --set model.initFrom=OUT

    The defaults follow the LayoutLMv2 paper as written; for a TIA that learns, see
    results/pretrain/README.md (tiaPositiveWeight=5 maskedRegionFill=255
    negativePageTIA=ignored tiaWeight=5 timWeight=2).

    Settings for --set (defaults in brackets):
    """
      + "\n"
      + pretrainSettingKeys.keys.sorted().map { "  \($0): \(pretrainSettingKeys[$0] ?? "")" }
      .joined(separator: "\n"),
  options: [
    .value("corpus", "DIR", "A corpus folder (repeatable).", repeatable: true),
    .value("preset", "NAME", "tiny, small or base (default small)."),
    .value("version", "V", "v1 or v2 (default v2)."),
    .value("tasks", "LIST", "Comma-separated mvlm,tia,tim (default: all for v2, mvlm for v1)."),
    .value("steps", "N", "Optimiser steps (default 1000)."),
    .value("set", "KEY=VALUE", "A pre-training setting (repeatable).", repeatable: true),
    .value("out", "DIR", "Output folder."),
    .value("stop-after", "N", "Stop after N steps (the run can be resumed)."),
  ]
) { args in
  let corpora = args.allValues("corpus").map { URL(fileURLWithPath: $0) }
  guard !corpora.isEmpty else {
    throw UsageError.missingOption(name: "corpus", command: "layoutlab pretrain")
  }
  var request = PretrainRequest(
    corpora: corpora, output: URL(fileURLWithPath: try args.required("out")))
  request.preset = try args.choice("preset", ["tiny", "small", "base"], default: "small")
  request.version = try args.choice("version", ["v1", "v2"], default: "v2")
  request.tasks = args.value("tasks").map { Set($0.split(separator: ",").map(String.init)) }
  request.steps =
    args.value("steps") == nil ? nil : try args.int("steps", default: 1000, in: 1...10_000_000)
  request.stopAfter =
    args.value("stop-after") == nil
    ? nil : try args.int("stop-after", default: 1, in: 1...10_000_000)
  request.settings = args.allValues("set")
  print(try runPretraining(request))
  return 0
}
