// LayoutLab — DrQA's exact-match feature for extractive QA: which page tokens the question has.

extension ModelInputs {
  /// Per token `[B, T]`: 1 where a segment-B token (token type 1, attended) has a WordPiece id
  /// that also occurs inside segment A, else 0.
  ///
  /// Segment A is `[CLS] question [SEP]`; its first and last tokens are left out, so the
  /// separator closing the page does not match the one closing the question. Rows with no
  /// segment B (entity and classification windows) are all 0.
  var questionMatchFlags: [Int32] {
    var flags = [Int32](repeating: 0, count: batchSize * sequenceLength)
    for row in 0..<batchSize {
      let start = row * sequenceLength
      let range = start..<(start + sequenceLength)
      let question = range.filter { tokenTypeIds[$0] == 0 && attentionMask[$0] != 0 }
      guard question.count > 2 else { continue }
      let asked = Set(question.dropFirst().dropLast().map { inputIds[$0] })
      for t in range where tokenTypeIds[t] == 1 && attentionMask[t] != 0 {
        if asked.contains(inputIds[t]) { flags[t] = 1 }
      }
    }
    return flags
  }
}
