// LayoutLab — `layoutlab data synth` and `layoutlab data card`: thin wrappers over SyntheticData.

import ArgumentParsing
import Foundation
import SyntheticData

/// The synthesis options from the command line, defaults where absent.
private func synthesisOptions(_ args: ParsedArguments) throws -> SynthesisOptions {
  var options = SynthesisOptions()
  if let mix = args.value("cue-mix") {
    let weights = mix.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard weights.count == 3, weights.allSatisfy({ ($0 ?? -1) >= 0 }) else {
      throw UsageError.invalidValue(
        name: "cue-mix", value: mix, expected: "three non-negative numbers text,layout,visual")
    }
    options.cueWeights = weights.map { $0 ?? 0 }
  }
  options.ocrNoise.characterError = try args.double(
    "char-error", default: options.ocrNoise.characterError)
  options.ocrNoise.wordSplit = try args.double("word-split", default: options.ocrNoise.wordSplit)
  options.ocrNoise.wordMerge = try args.double("word-merge", default: options.ocrNoise.wordMerge)
  options.ocrNoise.boxJitter = try args.int(
    "box-jitter", default: options.ocrNoise.boxJitter, in: 0...20)
  options.trainFraction = try args.double("train-fraction", default: options.trainFraction)
  options.validationFraction = try args.double("val-fraction", default: options.validationFraction)
  options.templateHoldout = args.flag("template-holdout")
  if args.flag("neutral-parts") { options.neutralParts = true }
  options.rotationProbability = try args.double(
    "rotation-probability", default: options.rotationProbability)
  options.maxRotationDegrees = try args.double("max-rotation", default: options.maxRotationDegrees)
  options.speckles = try args.int("speckles", default: options.speckles, in: 0...100_000)
  options.pageHeight = try args.int("page-height", default: options.pageHeight, in: 200...4000)
  return options
}

let synthCommand = CommandSpec(
  name: "synth",
  abstract: "Generate a synthetic dataset whose items are tagged with the deciding cue.",
  discussion: """
    Kinds: corpus (unlabelled pages with Read-format OCR), forms (FUNSD: training_data/,
    testing_data/), classify (RVL-CDIP: labels/{train,val,test}.txt, TIFF pages and TSV OCR) and
    qa (DocVQA: *_v1.0.json, documents/, ocr_results/). Every labelled item carries a cue tag
    (text, layout or visual) in a field the standard readers ignore. The same arguments give
    byte-identical output, whatever --threads is. OUT must be absent, empty or an earlier
    synthetic dataset (which is replaced).
    """,
  options: [
    .value("kind", "KIND", "corpus, forms, classify or qa."),
    .value("docs", "N", "Pages to generate (default 100)."),
    .value("seed", "S", "Random seed (default 0)."),
    .value("out", "DIR", "Output folder."),
    .value("cue-mix", "T,L,V", "Weights of the text, layout and visual cues (default 40,30,30)."),
    .value("char-error", "P", "OCR: probability a character becomes a look-alike (default 0.01)."),
    .value("word-split", "P", "OCR: probability a word is split (default 0.01)."),
    .value("word-merge", "P", "OCR: probability a word merges with the next (default 0.01)."),
    .value("box-jitter", "PX", "OCR: largest box jitter in pixels (default 2)."),
    .value("train-fraction", "F", "Share of pages in the training split (default 0.8)."),
    .value("val-fraction", "F", "Share in the validation split, classify and qa (default 0.1)."),
    .flag("template-holdout", "Put a quarter of the templates only in the test split."),
    .flag(
      "neutral-parts",
      "classify: parts not carrying the class are neutral, not another class's decoys."),
    .value("rotation-probability", "P", "Share of pages turned slightly (default 0.3)."),
    .value("max-rotation", "DEG", "Largest turn in degrees (default 1)."),
    .value("speckles", "N", "Most scan speckles a page (default 300)."),
    .value("page-height", "PX", "Page height in pixels (default 1000; width is 0.762 of it)."),
    .value("threads", "N", "Worker threads (default 1; output does not depend on it)."),
  ]
) { args in
  let kindName = try args.choice(
    "kind", SynthesisKind.allCases.map(\.rawValue), default: try args.required("kind"))
  let seedText = args.value("seed") ?? "0"
  guard let seed = UInt64(seedText) else {
    throw UsageError.invalidValue(
      name: "seed", value: seedText, expected: "an integer in 0...2^64-1")
  }
  let summary = try generateSyntheticDataset(
    kind: SynthesisKind(rawValue: kindName) ?? .forms,
    docs: try args.int("docs", default: 100, in: 1...1_000_000), seed: seed,
    outputDirectory: URL(fileURLWithPath: try args.required("out")),
    options: try synthesisOptions(args), threads: try args.int("threads", default: 1, in: 1...256))
  print(summary)
  return 0
}

let cardCommand = CommandSpec(
  name: "card",
  abstract: "Write DATA_CARD.md for a synthetic dataset: counts, cues, thumbnails, checks.",
  positionals: ["DIR"],
  discussion:
    "DIR is a folder written by 'layoutlab data synth'. The card and card/*.png go into it.",
  options: [
    .value("check-limit", "N", "Pages per split used by the cue checks (default 400).")
  ]
) { args in
  guard args.positionals.count == 1 else {
    throw UsageError.positionalCount(
      command: args.commandPath.joined(separator: " "), expected: "one DIR",
      got: args.positionals.count)
  }
  let card = try writeDataCard(
    directory: URL(fileURLWithPath: args.positionals[0]),
    checkLimit: try args.int("check-limit", default: 400, in: 1...1_000_000))
  print("wrote \(card.path)")
  return 0
}
