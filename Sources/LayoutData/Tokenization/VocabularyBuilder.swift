// LayoutLab — a deterministic WordPiece vocabulary learned from a corpus that comes without one.

/// Learns a WordPiece vocabulary the way HF `tokenizers`' WordPiece trainer does: BPE merges
/// over basic tokens, with `##` marking continuation symbols.
///
/// Start: the special tokens, then every character that occurs (word-initial form, then the
/// `##` form), sorted by code points. Then repeatedly merge the most frequent adjacent pair
/// (ties: the pair whose symbols sort first by UTF-8 bytes) into a new token, until the
/// vocabulary has `vocabularySize` tokens or no pair occurs `minimumFrequency` times.
/// The same corpus always gives the same vocabulary.
public struct VocabularyBuilder: Sendable {
  /// The number of tokens to reach, special tokens included.
  public var vocabularySize: Int
  /// A pair must occur at least this often to be merged.
  public var minimumFrequency: Int
  /// Tokens placed first, in this order.
  public var specialTokens: [String]
  /// The pre-tokenisation that splits the corpus into words.
  public var basic: BasicTokenizer

  /// Creates a builder.
  public init(
    vocabularySize: Int, minimumFrequency: Int = 2,
    specialTokens: [String] = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"],
    lowercase: Bool = true
  ) {
    self.vocabularySize = vocabularySize
    self.minimumFrequency = max(1, minimumFrequency)
    self.specialTokens = specialTokens
    self.basic = BasicTokenizer(lowercase: lowercase, specialTokens: specialTokens)
  }

  private struct Pair: Hashable {
    var left: Int32
    var right: Int32
  }

  /// Learns a vocabulary from `texts` (documents, lines or words).
  public func build<S: Sequence>(from texts: S) -> WordPieceVocabulary where S.Element == String {
    var frequency: [String: Int] = [:]
    for text in texts {
      for token in basic.tokenize(text) where !specialTokens.contains(token) {
        frequency[token, default: 0] += 1
      }
    }
    let words = frequency.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    let counts = words.map { frequency[$0] ?? 0 }
    // Symbols and the alphabet.
    var symbols: [String] = []
    var symbolId: [String: Int32] = [:]
    func intern(_ symbol: String) -> Int32 {
      if let id = symbolId[symbol] { return id }
      let id = Int32(symbols.count)
      symbols.append(symbol)
      symbolId[symbol] = id
      return id
    }
    var initial = Set<String>()
    var continuation = Set<String>()
    for word in words {
      for (index, scalar) in word.unicodeScalars.enumerated() {
        if index == 0 {
          initial.insert(String(scalar))
        } else {
          continuation.insert("##" + String(scalar))
        }
      }
    }
    let byBytes: (String, String) -> Bool = {
      Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
    }
    var vocabulary = specialTokens
    for symbol in initial.sorted(by: byBytes) + continuation.sorted(by: byBytes) {
      _ = intern(symbol)
      if !vocabulary.contains(symbol) { vocabulary.append(symbol) }
    }
    var sequences: [[Int32]] = words.map { word in
      word.unicodeScalars.enumerated().map { index, scalar in
        intern(index == 0 ? String(scalar) : "##" + String(scalar))
      }
    }
    // Pair counts and the words that hold each pair.
    var pairCounts: [Pair: Int] = [:]
    var holders: [Pair: Set<Int>] = [:]
    for (wordIndex, sequence) in sequences.enumerated() where sequence.count > 1 {
      for position in 0..<(sequence.count - 1) {
        let pair = Pair(left: sequence[position], right: sequence[position + 1])
        pairCounts[pair, default: 0] += counts[wordIndex]
        holders[pair, default: []].insert(wordIndex)
      }
    }
    var inVocabulary = Set(vocabulary)
    while vocabulary.count < vocabularySize {
      var best: Pair?
      var bestCount = 0
      for (pair, count) in pairCounts where count >= minimumFrequency {
        if count > bestCount {
          best = pair
          bestCount = count
        } else if count == bestCount, let current = best {
          let a = (symbols[Int(pair.left)], symbols[Int(pair.right)])
          let b = (symbols[Int(current.left)], symbols[Int(current.right)])
          if byBytes(a.0, b.0) || (a.0 == b.0 && byBytes(a.1, b.1)) { best = pair }
        }
      }
      guard let merge = best else { break }
      let right = symbols[Int(merge.right)]
      let merged =
        symbols[Int(merge.left)] + (right.hasPrefix("##") ? String(right.dropFirst(2)) : right)
      let mergedId = intern(merged)
      if !inVocabulary.contains(merged) {
        vocabulary.append(merged)
        inVocabulary.insert(merged)
      }
      for wordIndex in (holders[merge] ?? []).sorted() {
        let old = sequences[wordIndex]
        let weight = counts[wordIndex]
        for position in 0..<(old.count - 1) {
          let pair = Pair(left: old[position], right: old[position + 1])
          pairCounts[pair, default: 0] -= weight
          if pairCounts[pair] == 0 { pairCounts[pair] = nil }
          holders[pair]?.remove(wordIndex)
        }
        var updated: [Int32] = []
        var position = 0
        while position < old.count {
          if position + 1 < old.count, old[position] == merge.left, old[position + 1] == merge.right
          {
            updated.append(mergedId)
            position += 2
          } else {
            updated.append(old[position])
            position += 1
          }
        }
        for position in 0..<max(0, updated.count - 1) {
          let pair = Pair(left: updated[position], right: updated[position + 1])
          pairCounts[pair, default: 0] += weight
          holders[pair, default: []].insert(wordIndex)
        }
        sequences[wordIndex] = updated
      }
      pairCounts[merge] = nil
      holders[merge] = nil
    }
    return WordPieceVocabulary(tokens: vocabulary)
  }
}
