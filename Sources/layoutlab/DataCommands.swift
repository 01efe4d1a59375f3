// LayoutLab — `layoutlab data stats|export` and `layoutlab ocr`: thin wrappers over LayoutData.

import ArgumentParsing
import Commands
import LayoutData

/// The `--format` value, or `nil` when absent (then the format is detected).
private func datasetFormat(_ args: ParsedArguments) throws -> DatasetFormat? {
  guard args.value("format") != nil else { return nil }
  let name = try args.choice("format", DatasetFormat.allCases.map(\.rawValue), default: "funsd")
  return DatasetFormat(rawValue: name)
}

private func positional(_ args: ParsedArguments, count: Int, expected: String) throws -> [String] {
  guard args.positionals.count == count else {
    throw UsageError.positionalCount(
      command: args.commandPath.joined(separator: " "), expected: expected,
      got: args.positionals.count)
  }
  return args.positionals
}

let dataStatsCommand = CommandSpec(
  name: "stats", abstract: "Count documents, words, entities, links, questions and classes.",
  positionals: ["PATH"],
  discussion: """
    PATH is a FUNSD split folder (annotations/, images/) or dataset root (training_data/ and
    testing_data/, as 'data synth' writes it; each split is reported), a DocVQA folder or
    *_v1.0.json file, or an RVL-CDIP label list or folder. For DocVQA, --ocr names a folder of OCR files
    (<page>.json from the Read API or <page>.tsv from 'layoutlab ocr'); the report then says how
    many answers were found among the OCR words.
    """,
  options: [
    .value("format", "F", "funsd, docvqa or rvlcdip (default: detected from PATH)."),
    .value("ocr", "DIR", "DocVQA: folder with the OCR of the pages (default: ocr_results/)."),
    .flag("json", "Print one JSON object."),
  ]
) { args in
  let path = try positional(args, count: 1, expected: "one PATH")[0]
  print(
    try runDataStats(
      path: path, format: try datasetFormat(args), ocrDirectory: args.value("ocr"),
      json: args.flag("json")))
  return 0
}

let dataExportCommand = CommandSpec(
  name: "export", abstract: "Write documents as LayoutLM JSON (words, 0..1000 boxes, IOB2 tags).",
  positionals: ["PATH", "OUT"],
  discussion: "The output has the schema of HF's funsd builder: id, words, bboxes, ner_tags.",
  options: [
    .value("to", "FORMAT", "Output format: layoutlm-json."),
    .value("format", "F", "Input format: funsd, docvqa or rvlcdip (default: detected)."),
  ]
) { args in
  let paths = try positional(args, count: 2, expected: "PATH and OUT")
  let target = try args.choice(
    "to", ExportFormat.allCases.map(\.rawValue), default: "layoutlm-json")
  print(
    try runDataExport(
      path: paths[0], format: try datasetFormat(args),
      to: ExportFormat(rawValue: target) ?? .layoutlmJSON,
      out: paths[1]))
  return 0
}

/// `layoutlab data …`.
let dataCommand = CommandSpec(
  name: "data", abstract: "Inspect and convert datasets in their official layouts.",
  subcommands: [dataStatsCommand, dataExportCommand, synthCommand, cardCommand])

/// `layoutlab ocr IMAGE… --out DIR`.
let ocrCommand = CommandSpec(
  name: "ocr", abstract: "OCR page images with tesseract; write words with boxes as TSV.",
  positionals: ["IMAGE..."],
  discussion: """
    Needs the tesseract command (Debian/Ubuntu: apt-get install -y tesseract-ocr). Writes
    DIR/<image stem>.tsv, which 'data stats --ocr DIR' and the DocVQA and RVL-CDIP readers pick
    up, and DIR/ocr-provenance.json (engine, version, --psm), which run reports quote.
    """,
  options: [
    .value("out", "DIR", "Output folder (required)."),
    .value("psm", "N", "Tesseract page segmentation mode (default 4)."),
    .value("lang", "LANG", "Tesseract language (default eng)."),
  ]
) { args in
  guard !args.positionals.isEmpty else {
    throw UsageError.positionalCount(
      command: args.commandPath.joined(separator: " "), expected: "at least one IMAGE", got: 0)
  }
  print(
    try TesseractOCR.run(
      images: args.positionals, outDirectory: try args.required("out"),
      options: TesseractOptions(
        pageSegmentationMode: try args.int("psm", default: 4, in: 0...13),
        language: args.value("lang") ?? "eng")))
  return 0
}
