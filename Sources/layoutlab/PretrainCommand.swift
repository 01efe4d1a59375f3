// LayoutLab — `layoutlab pretrain`.

import ArgumentParsing
import Experiments
import Foundation

/// The defaults the help lists (written once, on the settings' properties).
private let d = PretrainSettings()

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

    Settings: a JSON5 file (--settings) of the form { model: {…}, pretraining: {…} }, then
    each --set key.path=value in order, with the grammar `layoutlab run` uses. `model` is a
    spec's model section (preset, version, hiddenSize, layers, heads, grid: [Gh, Gw], …);
    keys without a `model.` prefix belong to `pretraining`:
      tasks: mvlm, tia, tim (true/false; v2: all three, v1: mvlm only)
      masking: maskRate (\(d.tasks.maskRate)), maskTokenShare (\(d.tasks.maskTokenShare)),
        randomTokenShare (\(d.tasks.randomTokenShare)), paintMaskedRegions (v2: \(d.tasks.paintMaskedRegions)),
        maskedRegionFill (\(d.tasks.maskedRegionFill))
      TIA: tiaLineRate (\(d.tasks.tiaLineRate)), coverFill (\(d.tasks.coverFill)),
        tiaPositiveWeight (\(d.tasks.tiaPositiveWeight))
      TIM: timReplaceRate (\(d.tasks.timReplaceRate)), timDropRate (\(d.tasks.timDropRate)),
        missingImage (blank | noVisualTokens; \(d.tasks.missingImage.rawValue)),
        negativePageTIA (covered | ignored; \(d.tasks.negativePageTIA.rawValue))
      loss weights: mvlmWeight, tiaWeight, timWeight (\(d.tasks.mvlmWeight))
      optimiser: steps (\(d.run.steps)), batchSize (\(d.run.batchSize)),
        sequenceLength (\(d.run.sequenceLength)), learningRate (\(d.run.learningRate)),
        warmupRatio (\(d.run.warmupRatio)), weightDecay (\(d.run.weightDecay)),
        maxGradNorm (\(d.run.maxGradNorm)), seed (\(d.run.seed))
      checkpointEvery (\(d.run.checkpointEvery)), vocabularySize (\(d.vocabularySize)),
        heldOutEvery (\(d.heldOutEvery))
    e.g. --set model.hiddenSize=128 --set model.layers=2 --set model.grid=[4,4]
      --set maskRate=0.2
    """,
  options: [
    .value("corpus", "DIR", "A corpus folder (repeatable).", repeatable: true),
    .value("preset", "NAME", "tiny, small or base (default \(d.model.preset.rawValue))."),
    .value("version", "V", "v1 or v2 (default \(d.model.version.rawValue))."),
    .value("tasks", "LIST", "Comma-separated mvlm,tia,tim (default: all for v2, mvlm for v1)."),
    .value("steps", "N", "Optimiser steps (default \(d.run.steps))."),
    .value("settings", "FILE", "A JSON5 settings file ({ model: {…}, pretraining: {…} })."),
    .value("set", "KEY=VALUE", "A setting, typed like a spec (repeatable).", repeatable: true),
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
  // The flags are shorthands for settings; --set comes after them, so it wins.
  var shorthands: [String] = []
  if let preset = args.value("preset") { shorthands.append("model.preset=\(preset)") }
  if let version = args.value("version") { shorthands.append("model.version=\(version)") }
  if let steps = args.value("steps") { shorthands.append("pretraining.steps=\(steps)") }
  if let tasks = args.value("tasks") {
    let chosen = Set(tasks.split(separator: ",").map(String.init))
    let unknown = chosen.subtracting(["mvlm", "tia", "tim"])
    guard unknown.isEmpty, !chosen.isEmpty else {
      throw UsageError.invalidValue(
        name: "tasks", value: tasks, expected: "a comma-separated list of mvlm, tia, tim")
    }
    for task in ["mvlm", "tia", "tim"] {
      shorthands.append("pretraining.\(task)=\(chosen.contains(task))")
    }
  }
  request.overrides = shorthands + args.allValues("set")
  request.settingsFile = args.value("settings").map { URL(fileURLWithPath: $0) }
  request.stopAfter =
    args.value("stop-after") == nil
    ? nil : try args.int("stop-after", default: 1, in: 1...10_000_000)
  print(try runPretraining(request))
  return 0
}
