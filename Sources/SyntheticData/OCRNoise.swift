// LayoutLab — simulated OCR errors: look-alike characters, split and merged words, box jitter.

import LayoutData
import Seeding

/// Applies OCR-like errors to the words of a document, keeping lines and entities consistent.
enum OCRNoise {
  /// Look-alike replacements an OCR engine commonly makes.
  static let confusions: [Character: [String]] = [
    "l": ["1", "I"], "1": ["l", "I"], "I": ["l", "1"], "O": ["0", "D"], "0": ["O", "o"],
    "o": ["0", "c"], "e": ["c", "o"], "c": ["e"], "S": ["5", "$"], "5": ["S"], "B": ["8"],
    "8": ["B"], "m": ["rn"], "n": ["h", "r"], "h": ["b", "n"], "a": ["o", "e"], "t": ["f", "l"],
    "g": ["q", "9"], "u": ["v", "n"], "i": ["l", "j"], "r": ["n"], "d": ["cl"], "Z": ["2"],
    "2": ["Z"], "G": ["6", "C"], "6": ["G", "b"],
  ]

  /// Rewrites `document.words` (and the word indices of its lines and entities) with noise.
  static func apply(
    _ rates: OCRNoiseRates, to document: inout Document, generator: inout SeededGenerator
  ) {
    let oldWords = document.words
    if oldWords.isEmpty { return }
    var lineOf = [Int](repeating: -1, count: oldWords.count)
    for (lineIndex, line) in document.lines.enumerated() {
      for w in line.wordIndices where oldWords.indices.contains(w) { lineOf[w] = lineIndex }
    }
    var entityOf = [Int](repeating: -1, count: oldWords.count)
    for (entityIndex, entity) in document.entities.enumerated() {
      for w in entity.wordIndices where oldWords.indices.contains(w) { entityOf[w] = entityIndex }
    }
    var newWords: [Word] = []
    var mapping = [[Int]](repeating: [], count: oldWords.count)
    var index = 0
    while index < oldWords.count {
      var word = oldWords[index]
      word.text = corrupt(word.text, rate: rates.characterError, generator: &generator)
      let next = index + 1
      if next < oldWords.count, lineOf[next] == lineOf[index], lineOf[index] >= 0,
        entityOf[next] == entityOf[index], generator.nextBool(probability: rates.wordMerge)
      {
        let other = oldWords[next]
        let merged = Word(
          text: word.text + corrupt(other.text, rate: rates.characterError, generator: &generator),
          box: BoundingBox.union([word.box, other.box]) ?? word.box)
        mapping[index] = [newWords.count]
        mapping[next] = [newWords.count]
        newWords.append(jittered(merged, rates.boxJitter, &generator))
        index += 2
        continue
      }
      let characters = Array(word.text)
      if characters.count >= 4, generator.nextBool(probability: rates.wordSplit) {
        let cut = generator.nextInt(in: 1...(characters.count - 1))
        let fraction = Double(cut) / Double(characters.count)
        let splitX = (word.box.x0 + (word.box.x1 - word.box.x0) * fraction).rounded()
        var left = word.box
        left.x1 = splitX
        var right = word.box
        right.x0 = splitX
        mapping[index] = [newWords.count, newWords.count + 1]
        newWords.append(
          jittered(Word(text: String(characters[..<cut]), box: left), rates.boxJitter, &generator))
        newWords.append(
          jittered(Word(text: String(characters[cut...]), box: right), rates.boxJitter, &generator))
      } else {
        mapping[index] = [newWords.count]
        newWords.append(jittered(word, rates.boxJitter, &generator))
      }
      index += 1
    }
    func remap(_ indices: [Int]) -> [Int] {
      var result: [Int] = []
      for old in indices where mapping.indices.contains(old) {
        for new in mapping[old] where result.last != new { result.append(new) }
      }
      return result
    }
    document.words = newWords
    for i in document.lines.indices {
      document.lines[i].wordIndices = remap(document.lines[i].wordIndices)
      document.lines[i].text = document.lines[i].wordIndices.map { newWords[$0].text }
        .joined(separator: " ")
    }
    for i in document.entities.indices {
      document.entities[i].wordIndices = remap(document.entities[i].wordIndices)
    }
  }

  /// `text` with each character replaced by a look-alike with probability `rate`.
  static func corrupt(_ text: String, rate: Double, generator: inout SeededGenerator) -> String {
    guard rate > 0 else { return text }
    var result = ""
    for character in text {
      if let options = confusions[character], generator.nextBool(probability: rate) {
        result.append(contentsOf: generator.pick(options, or: ""))
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// `word` with each box coordinate moved by up to `amount` pixels (the box stays valid).
  static func jittered(_ word: Word, _ amount: Int, _ generator: inout SeededGenerator) -> Word {
    guard amount > 0 else { return word }
    var box = word.box
    box.x0 += Double(generator.nextInt(in: -amount...amount))
    box.y0 += Double(generator.nextInt(in: -amount...amount))
    box.x1 += Double(generator.nextInt(in: -amount...amount))
    box.y1 += Double(generator.nextInt(in: -amount...amount))
    box.x0 = max(0, box.x0)
    box.y0 = max(0, box.y0)
    if box.x1 <= box.x0 { box.x1 = box.x0 + 1 }
    if box.y1 <= box.y0 { box.y1 = box.y0 + 1 }
    return Word(text: word.text, box: box)
  }
}
