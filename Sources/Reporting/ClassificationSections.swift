// LayoutLab — parts of the classification report: baselines and every page's prediction.

import Experiments
import Foundation
import Tasks

/// `## Baselines on the same splits`: each classification baseline's dev (and test) accuracy;
/// empty without baselines.
func classificationBaselineSection(_ baselines: [ClassificationBaselineScores], hasTest: Bool)
  -> [String]
{
  guard !baselines.isEmpty else { return [] }
  var table = MarkdownTable(
    header: ["baseline", "what it does", "dev accuracy"] + (hasTest ? ["test accuracy"] : []))
  for baseline in baselines {
    table.rows.append(
      [baseline.name, baseline.description, fixed(baseline.dev.accuracy)]
        + (hasTest ? [fixed(baseline.test?.accuracy)] : []))
  }
  return ["## Baselines on the same splits", "", table.markdown, ""]
}

/// The most pages for which the report lists every page's prediction.
let pageListLimit = 30

/// `## Every page's prediction`: for small sets (at most `pageListLimit` pages), each page's
/// split, gold class and each run's predicted class, and each run's accuracy over all the
/// pages it predicted (training pages included). Empty for larger sets.
func pagePredictionSection(variants: [String], byVariant: [String: [RunRecord]]) -> [String] {
  let runs = variants.flatMap { byVariant[$0] ?? [] }
  guard let first = runs.first?.classification else { return [] }
  var pages: [(split: String, id: String, gold: Int)] = []
  for (split, predictions) in [
    ("train", first.trainPredictions ?? []), ("dev", first.devPredictions),
    ("test", first.testPredictions ?? []),
  ] {
    pages += predictions.map { (split, $0.id, $0.gold) }
  }
  guard !pages.isEmpty, pages.count <= pageListLimit else { return [] }
  func predictions(_ run: RunRecord) -> [String: Int] {
    guard let scores = run.classification else { return [:] }
    var byPage: [String: Int] = [:]
    for prediction in (scores.trainPredictions ?? []) + scores.devPredictions
      + (scores.testPredictions ?? [])
    {
      byPage[prediction.id] = prediction.predicted
    }
    return byPage
  }
  let predicted = runs.map(predictions)
  var table = MarkdownTable(
    header: ["page", "split", "gold class"] + runs.map { "\($0.variant) seed \($0.seed)" })
  for page in pages {
    table.rows.append(
      [page.id, page.split, "\(page.gold)"] + predicted.map { $0[page.id].map { "\($0)" } ?? "–" })
  }
  var all = ["all pages", "", ""]
  for byPage in predicted {
    let scored = pages.filter { byPage[$0.id] != nil }
    let right = scored.filter { byPage[$0.id] == $0.gold }.count
    all.append("\(right) of \(scored.count)")
  }
  table.rows.append(all)
  return [
    "## Every page's prediction", "", table.markdown, "",
    "Class ids are RVL-CDIP's (0 letter … 15 memo). Training pages show how well the selected "
      + "model fits the pages it trained on; only dev selects the epoch.",
    "",
  ]
}
