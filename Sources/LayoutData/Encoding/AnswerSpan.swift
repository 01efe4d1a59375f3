// LayoutLab — finding a DocVQA answer among a page's OCR words.

/// Locates extractive answers in OCR words.
///
/// Words and answers are compared on keys: lower-cased, with punctuation stripped from both
/// ends (a key that would be empty keeps its text). The first answer that matches wins; each
/// answer is tried as (1) an exact run of word keys and then (2) a run of words whose keys,
/// with all punctuation removed and concatenated without spaces, equal the answer's keys treated
/// the same way (OCR that splits or joins tokens differently: `$ 10, 596` for `$10,596`).
/// The earliest match in reading order is taken.
public enum AnswerSpan {
  /// The first and last index into `words` of the answer, or `nil` when no answer is found.
  /// Blank words never match.
  public static func find(answers: [String], in words: [Word]) -> ClosedRange<Int>? {
    let keys = words.map { key($0.text) }
    for answer in answers {
      let answerKeys = answer.split(whereSeparator: { $0.isWhitespace }).map { key(String($0)) }
        .filter { !$0.isEmpty }
      guard !answerKeys.isEmpty else { continue }
      if let span = exactRun(answerKeys, in: keys) { return span }
      let target = answerKeys.map(stripPunctuation).joined()
      if !target.isEmpty, let span = joinedRun(target, in: keys.map(stripPunctuation)) {
        return span
      }
    }
    return nil
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
