// LayoutLab — trivial baselines on the same splits: all-O, a word-lookup tagger, a layout rule.

import Evaluation
import Foundation
import LayoutData
import Training

/// The scores of the three baselines on one data configuration's dev (and test) split.
public struct BaselineScores: Codable, Hashable, Sendable {
  public var name: String
  public var description: String
  public var dev: EntityScores
  public var test: EntityScores?
}

/// A word-lookup tagger: each word (lower-cased) gets its most frequent training tag; unseen
/// words get `O`. Ties go to the tag that sorts first.
struct WordLookupTagger {
  var tagOfWord: [String: String] = [:]

  init(training: [[LabeledWord]]) {
    var counts: [String: [String: Int]] = [:]
    for words in training {
      for word in words { counts[word.text.lowercased(), default: [:]][word.tag, default: 0] += 1 }
    }
    for (word, tags) in counts {
      tagOfWord[word] =
        tags.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    }
  }

  func tags(_ words: [LabeledWord]) -> [String] {
    words.map { tagOfWord[$0.text.lowercased()] ?? "O" }
  }
}

/// A layout rule: words are grouped into lines (vertical overlap, reading order); on a line,
/// the words up to one ending in `:` are a QUESTION and the words after it an ANSWER; a line
/// without a colon in the top 12 % of the page is a HEADER; everything else is `O`.
func layoutRuleTags(_ words: [LabeledWord]) -> [String] {
  guard !words.isEmpty else { return [] }
  // Lines: sort by vertical centre, then split when a word does not overlap the line's band.
  let order = words.indices.sorted {
    let a = words[$0].box
    let b = words[$1].box
    return (a.y0 + a.y1, a.x0) < (b.y0 + b.y1, b.x0)
  }
  var lines: [[Int]] = []
  var bandBottom: Int32 = -1
  for index in order {
    let box = words[index].box
    let centre = (box.y0 + box.y1) / 2
    if lines.isEmpty || centre > bandBottom {
      lines.append([index])
      bandBottom = box.y1
    } else {
      lines[lines.count - 1].append(index)
      bandBottom = max(bandBottom, box.y1)
    }
  }
  var tags = [String](repeating: "O", count: words.count)
  for var line in lines {
    line.sort { words[$0].box.x0 < words[$1].box.x0 }
    if let colon = line.firstIndex(where: { words[$0].text.hasSuffix(":") }) {
      for (position, index) in line[...colon].enumerated() {
        tags[index] = position == 0 ? "B-QUESTION" : "I-QUESTION"
      }
      for (position, index) in line[(colon + 1)...].enumerated() {
        tags[index] = position == 0 ? "B-ANSWER" : "I-ANSWER"
      }
    } else if let first = line.first, words[first].box.y1 < 120 {
      for (position, index) in line.enumerated() {
        tags[index] = position == 0 ? "B-HEADER" : "I-HEADER"
      }
    }
  }
  return tags
}

/// Scores the three baselines on `documents`' dev and test splits.
func computeBaselines(_ documents: PreparedDocuments, scheme: LabelScheme) throws
  -> [BaselineScores]
{
  func labeled(_ docs: [Document]) throws -> [(Document, [LabeledWord])] {
    try docs.map { document in
      var counts = BoxClampCounts()
      return (document, try scheme.labeledWords(document, counts: &counts))
    }
  }
  let train = try labeled(documents.train)
  let dev = try labeled(documents.dev)
  let test = try labeled(documents.test)
  let lookup = WordLookupTagger(training: train.map(\.1))
  let taggers: [(String, String, ([LabeledWord]) -> [String])] = [
    ("all-O", "every word tagged O", { $0.map { _ in "O" } }),
    ("word lookup", "each word's most frequent training tag", lookup.tags),
    (
      "layout rule", "colon splits a line into question and answer; top lines are headers",
      layoutRuleTags
    ),
  ]
  func score(_ split: [(Document, [LabeledWord])], _ tagger: ([LabeledWord]) -> [String]) throws
    -> EntityScores
  {
    try scoreEntities(
      split.map { document, words in
        var cueOfWord: [Int: String] = [:]
        for entity in document.entities {
          for index in entity.wordIndices { cueOfWord[index] = entity.cue }
        }
        return DocumentPrediction(
          id: document.id, gold: words.map(\.tag), predicted: tagger(words),
          cues: words.map { cueOfWord[$0.wordIndex] })
      })
  }
  return try taggers.map { name, description, tagger in
    BaselineScores(
      name: name, description: description, dev: try score(dev, tagger),
      test: test.isEmpty ? nil : try score(test, tagger))
  }
}
