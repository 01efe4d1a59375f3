// LayoutLab — extractive-QA scores of a split: ANLS, exact match, per cue, [CLS] share.

/// One scored question.
public struct ScoredAnswer: Codable, Hashable, Sendable {
  public var questionId: Int
  public var documentId: String
  /// The predicted answer text (empty for none).
  public var prediction: String
  /// The acceptable answers.
  public var answers: [String]
  /// The synthetic cue tag, if any.
  public var cue: String?
  /// Whether the [CLS] score beat the best span.
  public var clsPreferred: Bool
  /// This question's ANLS (`anlsScore`, RRC scorer, τ = 0.5).
  public var anls: Double
  /// 1 when the normalised prediction equals a normalised answer, else 0.
  public var exactMatch: Double

  /// Scores `prediction` against `answers` with the module's ANLS scorer.
  public init(
    questionId: Int, documentId: String, prediction: String, answers: [String], cue: String?,
    clsPreferred: Bool
  ) {
    self.questionId = questionId
    self.documentId = documentId
    self.prediction = prediction
    self.answers = answers
    self.cue = cue
    self.clsPreferred = clsPreferred
    anls = anlsScore(prediction: prediction, answers: answers)
    let normalized = normalizedAnswerScalars(prediction)
    exactMatch = answers.contains { normalizedAnswerScalars($0) == normalized } ? 1 : 0
  }
}

/// The scores of a split of questions.
public struct QAScores: Codable, Hashable, Sendable {
  /// Mean ANLS over questions (RRC scorer, τ = 0.5), the DocVQA metric.
  public var anls: Double
  /// Share of questions answered exactly (after ANLS's normalisation).
  public var exactMatch: Double
  /// Mean ANLS per cue tag.
  public var perCue: [String: Double]
  /// Share of questions whose [CLS] score beat their best span (the "no answer" fallback).
  public var clsPreferredShare: Double
  /// Questions answered with an empty string.
  public var emptyAnswers: Int
  /// Questions scored.
  public var questions: Int

  /// Scores `items` (questions without acceptable answers are skipped: they cannot be scored).
  /// The ANLS is the `anls(predictions:answers:)` value of the same predictions.
  public init(_ items: [ScoredAnswer]) {
    let scored = items.filter { !$0.answers.isEmpty }
    func mean(_ values: [Double]) -> Double {
      values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
    anls = mean(scored.map(\.anls))
    exactMatch = mean(scored.map(\.exactMatch))
    var cues: [String: Double] = [:]
    for cue in Set(scored.compactMap(\.cue)) {
      cues[cue] = mean(scored.filter { $0.cue == cue }.map(\.anls))
    }
    perCue = cues
    clsPreferredShare = mean(scored.map { $0.clsPreferred ? 1 : 0 })
    emptyAnswers = scored.filter(\.prediction.isEmpty).count
    questions = scored.count
  }
}
