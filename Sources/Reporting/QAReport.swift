// LayoutLab — the report of an extractive-QA experiment (ANLS).

import Evaluation
import Experiments
import Foundation
import Tasks

/// DocVQA ANLS of the BASE models (`layoutlm-reference.md` §D.2.4–5): validation from the v2
/// paper's Table 5 (both pre-trained 1 epoch on IIT-CDIP), test from Table 4.
let paperDocVQA: [(String, String, Double)] = [
  ("LayoutLM BASE (Table 5 row 1)", "val", 0.6841),
  ("LayoutLMv2 BASE, BERT init (Table 5 row 3)", "val", 0.7217),
  ("LayoutLM BASE (Table 4)", "test", 0.6979),
  ("LayoutLMv2 BASE (Table 4)", "test", 0.7808),
]

/// Builds `report.md` for QA runs: ANLS per variant (mean ± sd and t-CI over seeds; a bootstrap
/// CI over test questions), exact match, per cue, the [CLS] share, what the encoder could not
/// find, baselines on the same questions, paired tests and the papers' numbers as context.
func renderQAReport(
  _ results: ExperimentResults, title: String, description: String, notes: [String],
  comparisons: [(String, String)]
) throws -> String {
  var out = reportHeading(title: title, description: description)
  let (variants, byVariant) = runsByVariant(results)
  func qa(_ run: RunRecord) -> QAFineTuningResult? { run.qa }
  let hasTest = results.runs.contains { qa($0)?.test != nil }
  let cues = Set(results.runs.flatMap { qa($0)?.dev.perCue.keys.map { $0 } ?? [] }).sorted()
  let options = reportBootstrapOptions

  out += ["## ANLS (RRC scorer, τ = 0.5)", ""]
  var table = MarkdownTable(
    header: ["variant", "n", "dev ANLS (mean ± sd)", "dev 95% CI (t, seeds)"]
      + (hasTest
        ? ["test ANLS (mean ± sd)", "test 95% CI (bootstrap, questions)", "test exact match"]
        : ["dev exact match"])
      + cues.map { "\(hasTest ? "test" : "dev") cue: \($0)" }
      + ["[CLS] preferred", "train ANLS (256 questions)", "params", "train time / run", "peak RSS"])
  for variant in variants {
    let runs = byVariant[variant] ?? []
    let dev = try summarizeSeeds(runs.compactMap { qa($0)?.dev.anls })
    var row = [
      variant, "\(runs.count)", meanSD(dev),
      dev.lower.map { "[\(fixed($0)), \(fixed(dev.upper))]" } ?? "–",
    ]
    let shown = runs.compactMap { hasTest ? qa($0)?.test : qa($0)?.dev }
    if hasTest {
      let tests = shown.map(\.anls)
      row.append(tests.isEmpty ? "–" : meanSD(try summarizeSeeds(tests)))
      // Questions pooled over seeds: each seed's per-question ANLS, averaged question by question.
      let perSeed = runs.compactMap { qa($0)?.testAnswers?.map(\.anls) }
      if let pooled = averagedPerQuestion(perSeed) {
        let ci = try bootstrapConfidenceInterval(
          try ItemStatistics(scores: pooled), statistic: .mean, options: options)
        row.append("[\(fixed(ci.lower)), \(fixed(ci.upper))]")
      } else {
        row.append("–")
      }
    }
    row.append(fixed(mean(shown.map(\.exactMatch))))
    for cue in cues { row.append(fixed(mean(shown.compactMap { $0.perCue[cue] }))) }
    row.append(percent(mean(shown.map(\.clsPreferredShare))))
    row.append(fixed(mean(runs.compactMap { qa($0)?.trainSubset?.anls })))
    row.append("\(runs.first?.parameterCount ?? 0)")
    row.append(minutes(mean(runs.map(\.timings.totalSeconds)) ?? 0))
    row.append(peakMemory(runs))
    table.rows.append(row)
  }
  out += [table.markdown, ""] + mixedCodeWarning(results)
  out += [
    "\"[CLS] preferred\": the share of questions whose [CLS] score beat their best span (the "
      + "no-answer fallback; the answer is still the best span unless `qa.clsFallback` is on). "
      + "The dev split selects the epoch; test is never used for selection.", "",
  ]
  if let first = results.runs.first.flatMap(qa) {
    out += answerCoverageSection(first)
    out += ocrSection(variants: variants, byVariant: byVariant)
    out += qaBaselineSection(first, hasTest: hasTest, cues: cues)
  }
  out += try comparisonSection(
    pairs: comparisonPairs(requested: comparisons, variants: variants), byVariant: byVariant,
    metric: "ANLS", statistic: .mean,
    documentIDs: { (qa($0)?.devAnswers ?? []).map { "\($0.questionId)" } }, unit: "question",
    items: { run in try ItemStatistics(scores: (qa(run)?.devAnswers ?? []).map(\.anls)) })
  out += configurationSection(variants: variants, byVariant: byVariant)
  out += ["## Reference numbers from the papers (DocVQA ANLS)", ""]
  var paper = MarkdownTable(header: ["model", "split", "ANLS"])
  for (name, split, value) in paperDocVQA { paper.rows.append([name, split, fixed(value, 4)]) }
  out += [
    paper.markdown, "",
    "BASE models pre-trained on 11M pages and fine-tuned on DocVQA with Microsoft Read OCR; the "
      + "runs above are small models on this machine's budget and other data, so these are "
      + "context, not a target.", "",
  ]
  if !notes.isEmpty { out += ["## Analysis", ""] + notes.flatMap { [$0, ""] } }
  out += shortProvenanceSection(results)
  return out.joined(separator: "\n")
}

/// Per-question means over seeds, when every seed scored the same number of questions.
func averagedPerQuestion(_ perSeed: [[Double]]) -> [Double]? {
  guard let count = perSeed.first?.count, count > 0, perSeed.allSatisfy({ $0.count == count })
  else { return nil }
  return (0..<count).map { index in
    perSeed.reduce(0) { $0 + $1[index] } / Double(perSeed.count)
  }
}

/// What the encoder found per split: the not-found count and the extractive ceiling.
func answerCoverageSection(_ qa: QAFineTuningResult) -> [String] {
  var table = MarkdownTable(
    header: [
      "split", "questions", "windows", "answer found", "of which fuzzy", "not in the OCR",
      "in no single window", "ceiling ANLS",
    ])
  let splits =
    [("train", qa.trainCounts), ("dev", qa.devCounts)]
    + (qa.testCounts.map { [("test", $0)] } ?? [])
  for (name, counts) in splits {
    table.rows.append([
      name, "\(counts.questions)", "\(counts.windows)", "\(counts.answersFound)",
      "\(counts.answersMatchedFuzzily)", "\(counts.answersNotFound)",
      "\(counts.answersOutsideWindows)", fixed(counts.ceilingANLS),
    ])
  }
  return [
    "## Answers the encoder could locate", "", table.markdown, "",
    "A question whose answer is not in the OCR words (after lower-casing, punctuation "
      + "normalisation and the fuzzy match) is trained as pointing at [CLS] and scored as "
      + "asked; the ceiling ANLS answers every question with its located span's words, the "
      + "best any extractive model can do on this OCR.", "",
  ]
}

/// The QA baselines on the same questions.
func qaBaselineSection(_ qa: QAFineTuningResult, hasTest: Bool, cues: [String]) -> [String] {
  guard !qa.baselines.isEmpty else { return [] }
  var table = MarkdownTable(
    header: ["baseline", "what it does", "dev ANLS"] + (hasTest ? ["test ANLS"] : [])
      + cues.map { "\(hasTest ? "test" : "dev") cue: \($0)" })
  for baseline in qa.baselines {
    var row = [baseline.name, baseline.description, fixed(baseline.dev.anls)]
    if hasTest { row.append(fixed(baseline.test?.anls)) }
    let shown = hasTest ? baseline.test : baseline.dev
    for cue in cues { row.append(fixed(shown?.perCue[cue])) }
    table.rows.append(row)
  }
  return ["## Baselines on the same questions", "", table.markdown, ""]
}

/// `0.123` as `12.3 %`.
func percent(_ value: Double?) -> String {
  value.map { String(format: "%.1f %%", $0 * 100) } ?? "–"
}
