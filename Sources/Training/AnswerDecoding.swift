// LayoutLab — extractive QA decoding: start/end logits of a question's windows → one word span.

import LayoutData

/// A spec's `qa` section: how questions are encoded and answers located and decoded (decoding
/// follows HF's `postprocess_qa_predictions`).
public struct QAOptions: Codable, Hashable, Sendable {
  /// Question pieces kept at most.
  public var maxQuestionLength = 64
  /// The fuzzy answer match's bound (`AnswerSpan`): edit distance ≤ this share of the longer
  /// string; 0 turns it off.
  public var maxAnswerEditRatio = AnswerSpan.defaultMaxEditRatio
  /// Start and end candidates kept per window, by logit (HF's `n_best_size`).
  public var nBest = 20
  /// The longest answer, in tokens (HF's `max_answer_length`).
  public var maxAnswerTokens = 30
  /// When the [CLS] score (start₀ + end₀, the smallest over the question's windows) beats the
  /// best span, answer nothing (SQuAD 2.0's convention, HF's `handle_impossible_answer`). Off by
  /// default: every DocVQA question has an answer, so an empty one can only score 0; how often
  /// [CLS] would have won is reported either way.
  public var clsFallback = false

  /// Creates the defaults.
  public init() {}

  enum CodingKeys: String, CodingKey {
    case maxQuestionLength, maxAnswerEditRatio, nBest, maxAnswerTokens, clsFallback
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let defaults = QAOptions()
    maxQuestionLength =
      try c.decodeIfPresent(Int.self, forKey: .maxQuestionLength) ?? defaults.maxQuestionLength
    maxAnswerEditRatio =
      try c.decodeIfPresent(Double.self, forKey: .maxAnswerEditRatio)
      ?? defaults.maxAnswerEditRatio
    nBest = try c.decodeIfPresent(Int.self, forKey: .nBest) ?? defaults.nBest
    maxAnswerTokens =
      try c.decodeIfPresent(Int.self, forKey: .maxAnswerTokens) ?? defaults.maxAnswerTokens
    clsFallback = try c.decodeIfPresent(Bool.self, forKey: .clsFallback) ?? defaults.clsFallback
  }
}

/// The decoded answer to one question.
public struct AnswerPrediction: Codable, Hashable, Sendable {
  public var questionId: Int
  public var documentId: String
  /// The answer text rebuilt from the page's words (space-joined); empty when [CLS] is the
  /// answer (only with `clsFallback`) or no window had a valid span.
  public var answer: String
  /// The first and last word (indices into `Document.words`) of the answer, when there is one.
  public var firstWord: Int?
  public var lastWord: Int?
  /// Whether the [CLS] score beat the best span (whatever the answer became).
  public var clsPreferred: Bool
}

/// The best span of one window and its [CLS] score.
struct WindowSpan {
  /// Start + end logit of the best valid span, and its first and last word; nil when none.
  var best: (score: Float, firstWord: Int, lastWord: Int)?
  /// start[0] + end[0].
  var clsScore: Float
}

/// Finds the best span in one window from its start and end logits (`[T]` each, T ≥ the
/// window's length): the top `nBest` context tokens by start and by end logit, every pair with
/// start ≤ end and at most `maxAnswerTokens` tokens, scored by the sum of the two logits.
/// Only context tokens (segment B, from a word) can start or end a span.
func bestSpan(
  start: UnsafePointer<Float>, end: UnsafePointer<Float>, window: EncodedWindow,
  options: QAOptions
) -> WindowSpan {
  let context = (0..<window.length).filter {
    window.tokenTypeIds[$0] == 1 && window.wordIndexOfToken[$0] >= 0
  }
  func top(_ logits: UnsafePointer<Float>) -> [Int] {
    // Stable: equal logits keep token order, so decoding is deterministic.
    Array(
      context.sorted { logits[$0] > logits[$1] || (logits[$0] == logits[$1] && $0 < $1) }
        .prefix(options.nBest))
  }
  var best: (score: Float, firstWord: Int, lastWord: Int)?
  for s in top(start) {
    for e in top(end) where e >= s && e - s + 1 <= options.maxAnswerTokens {
      let score = start[s] + end[e]
      if best.map({ score > $0.score }) ?? true {
        best = (score, Int(window.wordIndexOfToken[s]), Int(window.wordIndexOfToken[e]))
      }
    }
  }
  return WindowSpan(best: best, clsScore: start[0] + end[0])
}

/// Combines a question's window spans: the best span over all windows, against the smallest
/// [CLS] score over them (HF's `min_null_score`); the answer is rebuilt from `words`.
func combineWindows(
  _ spans: [WindowSpan], questionId: Int, documentId: String, words: [Word],
  options: QAOptions
) -> AnswerPrediction {
  var best: (score: Float, firstWord: Int, lastWord: Int)?
  for span in spans {
    if let candidate = span.best, best.map({ candidate.score > $0.score }) ?? true {
      best = candidate
    }
  }
  let clsScore = spans.map(\.clsScore).min() ?? 0
  let clsPreferred = best.map { clsScore > $0.score } ?? true
  var prediction = AnswerPrediction(
    questionId: questionId, documentId: documentId, answer: "", firstWord: nil, lastWord: nil,
    clsPreferred: clsPreferred)
  if let best, !(clsPreferred && options.clsFallback), best.firstWord <= best.lastWord,
    best.lastWord < words.count
  {
    prediction.firstWord = best.firstWord
    prediction.lastWord = best.lastWord
    prediction.answer = words[best.firstWord...best.lastWord].map(\.text).joined(separator: " ")
  }
  return prediction
}
