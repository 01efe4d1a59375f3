// LayoutLab — QA baselines on the same questions: answers read off the page next to the question.

import Evaluation
import Foundation
import LayoutData
import Training

/// One QA baseline's scores on the dev (and test) questions.
public struct QABaselineScores: Codable, Hashable, Sendable {
  public var name: String
  public var description: String
  public var dev: QAScores
  public var test: QAScores?
}

/// A word compared case- and edge-punctuation-insensitively (`Date:` matches `date`).
func baselineKey(_ text: String) -> String {
  text.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
}

/// The longest run of consecutive page words that equals a run of consecutive question words
/// (earliest on the page on ties); the answer is the page word right after it. No shared word:
/// no answer.
func longestMatchNextWord(question: String, words: [Word]) -> String {
  let asked = question.split(whereSeparator: { $0.isWhitespace }).map { baselineKey(String($0)) }
    .filter { !$0.isEmpty }
  let page = words.map { baselineKey($0.text) }
  var best: (length: Int, end: Int)?
  for start in page.indices where !page[start].isEmpty {
    for first in asked.indices where asked[first] == page[start] {
      var length = 0
      while first + length < asked.count, start + length < page.count,
        asked[first + length] == page[start + length]
      {
        length += 1
      }
      if best.map({ length > $0.length }) ?? true { best = (length, start + length - 1) }
    }
  }
  guard let best, best.end + 1 < words.count else { return "" }
  return words[best.end + 1].text
}

/// The first page word equal to the question's last word (`date` of "What is the date?"); the
/// answer is the word after it.
func wordAfterLastQuestionWord(question: String, words: [Word]) -> String {
  guard
    let last = question.split(whereSeparator: { $0.isWhitespace }).map({
      baselineKey(String($0))
    }).last(where: { !$0.isEmpty }),
    let index = words.firstIndex(where: { baselineKey($0.text) == last }),
    index + 1 < words.count
  else { return "" }
  return words[index + 1].text
}

/// Scores both baselines on `dev` and `test` with the metrics module.
func computeQABaselines(dev: QASplit, test: QASplit?) -> [QABaselineScores] {
  let baselines: [(String, String, (String, [Word]) -> String)] = [
    (
      "longest match, next word",
      "the word after the longest run of question words found on the page",
      longestMatchNextWord
    ),
    (
      "word after last question word",
      "the word after the first page occurrence of the question's last word",
      wordAfterLastQuestionWord
    ),
  ]
  func score(_ split: QASplit, _ answer: (String, [Word]) -> String) -> QAScores {
    return QAScores(
      split.questions.map { question in
        ScoredAnswer(
          questionId: question.questionId, documentId: question.documentId,
          prediction: answer(question.text, split.words(of: question.documentId)),
          answers: question.answers, cue: question.cue, clsPreferred: false)
      })
  }
  return baselines.map { name, description, answer in
    QABaselineScores(
      name: name, description: description, dev: score(dev, answer),
      test: test.map { score($0, answer) })
  }
}
