// LayoutLab — finding a DocVQA answer among a page's OCR words.

import EditDistance

/// Locates extractive answers in OCR words.
///
/// Words and answers are compared on keys: lower-cased, with punctuation stripped from both
/// ends (a key that would be empty keeps its text). The first answer that matches wins; each
/// answer is tried as (1) an exact run of word keys and then (2) a run of words whose keys,
/// with all punctuation removed and concatenated without spaces, equal the answer's keys treated
/// the same way (OCR that splits or joins tokens differently: `$ 10, 596` for `$10,596`).
/// The earliest match in reading order is taken. When no answer matches either way, (3) a fuzzy
/// match: the run of words (as many as the answer has, or one more or fewer) whose keys, joined
/// by spaces, are closest in edit distance to the answer's, if that distance is at most
/// `maxEditRatio` of the longer string (public DocVQA preprocessing does the same to absorb OCR
/// errors such as `Vanderbi1t`); the smallest distance wins, then the earliest run.
public enum AnswerSpan {
  /// How an answer was matched.
  public enum Match: String, Codable, Sendable {
    /// Exactly, or with the OCR splitting or joining tokens differently.
    case exact
    /// Within the edit-distance bound.
    case fuzzy
  }

  /// The default bound of the fuzzy match: distance ≤ 20 % of the longer string.
  public static let defaultMaxEditRatio = 0.2

  /// The first and last index into `words` of the answer, or `nil` when no answer is found.
  /// Blank words never match. `maxEditRatio` 0 turns the fuzzy match off.
  public static func find(
    answers: [String], in words: [Word], maxEditRatio: Double = defaultMaxEditRatio
  ) -> ClosedRange<Int>? {
    locate(answers: answers, in: words, maxEditRatio: maxEditRatio)?.span
  }

  /// The answer's span and how it was matched, or `nil` when no answer is found.
  public static func locate(
    answers: [String], in words: [Word], maxEditRatio: Double = defaultMaxEditRatio
  ) -> (span: ClosedRange<Int>, match: Match)? {
    let keys = words.map { isBlank($0.text) ? "" : key($0.text) }
    let answerKeys = answers.map {
      $0.split(whereSeparator: { $0.isWhitespace }).map { key(String($0)) }.filter { !$0.isEmpty }
    }.filter { !$0.isEmpty }
    for answer in answerKeys {
      if let span = exactRun(answer, in: keys) { return (span, .exact) }
      let target = answer.map(stripPunctuation).joined()
      if !target.isEmpty, let span = joinedRun(target, in: keys.map(stripPunctuation)) {
        return (span, .exact)
      }
    }
    guard maxEditRatio > 0 else { return nil }
    var best: (span: ClosedRange<Int>, distance: Double)?
    for answer in answerKeys {
      if let found = fuzzyRun(answer, in: keys, maxEditRatio: maxEditRatio),
        best.map({ found.distance < $0.distance }) ?? true
      {
        best = found
      }
    }
    return best.map { ($0.span, .fuzzy) }
  }

  /// The closest run of `answer.count − 1 … answer.count + 1` non-blank words (blank words
  /// between them are skipped), by edit distance
  /// of the space-joined keys relative to the longer string, if within `maxEditRatio`.
  static func fuzzyRun(_ answer: [String], in keys: [String], maxEditRatio: Double) -> (
    span: ClosedRange<Int>, distance: Double
  )? {
    let target = Array(answer.joined(separator: " ").unicodeScalars)
    var best: (span: ClosedRange<Int>, distance: Double)?
    // Runs of non-blank words: a blank OCR word between two words does not break a run.
    let words = keys.indices.filter { !keys[$0].isEmpty }
    for first in words.indices {
      for length in max(1, answer.count - 1)...(answer.count + 1) {
        let last = first + length - 1
        guard last < words.count else { continue }
        let candidate = Array(
          words[first...last].map { keys[$0] }.joined(separator: " ").unicodeScalars)
        let longer = max(candidate.count, target.count)
        // A length gap alone larger than the bound cannot match.
        if Double(abs(candidate.count - target.count)) > maxEditRatio * Double(longer) { continue }
        let ratio = Double(editDistance(candidate, target)) / Double(longer)
        if ratio <= maxEditRatio, best.map({ ratio < $0.distance }) ?? true {
          best = (words[first]...words[last], ratio)
        }
      }
    }
    return best
  }

  static func key(_ text: String) -> String {
    let lowered = text.lowercased()
    let scalars = Array(lowered.unicodeScalars)
    var start = 0
    var end = scalars.count
    while start < end, BasicTokenizer.isPunctuation(scalars[start]) { start += 1 }
    while end > start, BasicTokenizer.isPunctuation(scalars[end - 1]) { end -= 1 }
    if start == end { return isBlank(lowered) ? "" : lowered }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    return String(view)
  }

  static func stripPunctuation(_ key: String) -> String {
    var view = String.UnicodeScalarView()
    for scalar in key.unicodeScalars where !BasicTokenizer.isPunctuation(scalar) {
      view.append(scalar)
    }
    return String(view)
  }

  static func exactRun(_ answer: [String], in keys: [String]) -> ClosedRange<Int>? {
    guard answer.count <= keys.count else { return nil }
    for start in 0...(keys.count - answer.count) where keys[start] == answer[0] {
      if keys[start..<(start + answer.count)].elementsEqual(answer) {
        return start...(start + answer.count - 1)
      }
    }
    return nil
  }

  static func joinedRun(_ target: String, in keys: [String]) -> ClosedRange<Int>? {
    for start in keys.indices where !keys[start].isEmpty && target.hasPrefix(keys[start]) {
      var joined = ""
      var end = start
      while end < keys.count {
        joined += keys[end]
        if joined == target { return start...end }
        if !target.hasPrefix(joined) { break }
        end += 1
      }
    }
    return nil
  }
}
