// LayoutLab — the entity scores of a split as a run records them: overall, per label, per cue.

/// Precision, recall and F1 of one group.
public struct F1Score: Codable, Hashable, Sendable {
  /// Correct entities over predicted entities.
  public var precision: Double
  /// Correct entities over gold entities.
  public var recall: Double
  /// Harmonic mean of precision and recall.
  public var f1: Double
  /// Gold entities in the group.
  public var support: Int
}

/// Entity scores of a split: overall (micro), per label, and per cue tag.
public struct EntityScores: Codable, Hashable, Sendable {
  /// Micro-averaged scores over every entity.
  public var overall: F1Score
  /// Scores of each entity label.
  public var perLabel: [String: F1Score]
  /// Per cue: F1 on the words of entities with that cue (other words masked to `O` in gold and
  /// prediction alike).
  public var perCue: [String: F1Score]
  /// The documents scored.
  public var documents: Int
}

/// Scores documents' word tags with seqeval's default (conlleval) mode: `gold[d]`,
/// `predicted[d]` and `cues[d]` (each word's entity cue, or nil) are document `d`'s words.
/// - Throws: `EvaluationError` when a document's tag counts differ.
public func scoreEntities(gold: [[String]], predicted: [[String]], cues: [[String?]]) throws
  -> EntityScores
{
  let report = try entityF1(gold: gold, predicted: predicted)
  var perLabel: [String: F1Score] = [:]
  for row in report.perType {
    perLabel[row.type] = F1Score(
      precision: row.scores.precision, recall: row.scores.recall, f1: row.scores.f1,
      support: row.counts.gold)
  }
  var perCue: [String: F1Score] = [:]
  let cueSet = Set(cues.flatMap { $0.compactMap { $0 } })
  for cue in cueSet.sorted() {
    let masked = cues.indices.map { document in
      zip(cues[document], zip(gold[document], predicted[document])).map { wordCue, tags in
        wordCue == cue ? tags : ("O", "O")
      }
    }
    let cueReport = try entityF1(
      gold: masked.map { $0.map(\.0) }, predicted: masked.map { $0.map(\.1) })
    perCue[cue] = F1Score(
      precision: cueReport.micro.precision, recall: cueReport.micro.recall, f1: cueReport.micro.f1,
      support: cueReport.totals.gold)
  }
  return EntityScores(
    overall: F1Score(
      precision: report.micro.precision, recall: report.micro.recall, f1: report.micro.f1,
      support: report.totals.gold), perLabel: perLabel, perCue: perCue, documents: gold.count)
}
