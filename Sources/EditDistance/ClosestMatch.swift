// LayoutLab — the likely intended word for a typo: the nearest candidate by edit distance.

/// The candidate nearest to `word` by `editDistance(_:_:)`, when it is close enough to be a
/// likely typo: at most `max(2, candidate.count / 3)` edits away. Ties go to the earlier
/// candidate; nil when no candidate is that close.
public func closestMatch(to word: String, among candidates: [String]) -> String? {
  var best: (String, Int)?
  for candidate in candidates {
    let distance = editDistance(word, candidate)
    if distance <= max(2, candidate.count / 3), distance < (best?.1 ?? Int.max) {
      best = (candidate, distance)
    }
  }
  return best?.0
}
