// LayoutLab — features for the cue checks: what a text+layout oracle sees, and what pixels show.

import Foundation
import LayoutData

/// Feature extractors and a nearest-centroid / k-nearest-neighbour classifier for the checks.
enum CueFeatures {
  /// Side of the model's image input; pixel features are measured after resizing to it.
  static let modelSize = 224

  /// What a text+layout oracle knows about a form entity: its box (normalised to 0…1), its
  /// word count and its text. No pixels.
  struct EntityView {
    var text: String
    var geometry: [Double]
  }

  /// The oracle's view of entity `entity` of `document`.
  static func entityView(_ entity: Entity, in document: Document) -> EntityView {
    let w = Double(max(1, document.pageWidth))
    let h = Double(max(1, document.pageHeight))
    let text = entity.wordIndices.filter { document.words.indices.contains($0) }
      .map { document.words[$0].text }.joined(separator: " ")
    return EntityView(
      text: text,
      geometry: [
        entity.box.x0 / w, entity.box.y0 / h, entity.box.x1 / w, entity.box.y1 / h,
        Double(entity.wordIndices.count) / 5,
      ])
  }

  /// k-NN over entity views: L1 distance on geometry plus 1 when the texts differ; majority
  /// vote, ties to the nearest neighbour's label.
  static func nearestNeighbourLabel(
    _ query: EntityView, train: [(EntityView, Int)], k: Int = 7, classes: Int
  ) -> Int {
    var best: [(Double, Int)] = []
    for (view, label) in train {
      var distance = view.text == query.text ? 0.0 : 1.0
      for i in 0..<min(view.geometry.count, query.geometry.count) {
        distance += abs(view.geometry[i] - query.geometry[i])
      }
      if best.count < k {
        best.append((distance, label))
        best.sort { $0.0 < $1.0 }
      } else if let last = best.last, distance < last.0 {
        best[best.count - 1] = (distance, label)
        best.sort { $0.0 < $1.0 }
      }
    }
    var votes = [Int](repeating: 0, count: classes)
    for (_, label) in best where votes.indices.contains(label) { votes[label] += 1 }
    let top = votes.max() ?? 0
    return best.first(where: { votes[$0.1] == top })?.1 ?? 0
  }

  /// Pixel statistics of the cue region of a form entity, measured on the page resized to
  /// 224×224: the mean gray level of a 2×6 grid over the field (from 56 px left of the text,
  /// where checkboxes sit, to 230 px right of its start, 12 px above and below), in 0…1.
  static func entityPixels(_ entity: Entity, page: GrayImage, original: (Int, Int)) -> [Double] {
    let sx = Double(page.width) / Double(max(1, original.0))
    let sy = Double(page.height) / Double(max(1, original.1))
    let x0 = (entity.box.x0 - 56) * sx
    let x1 = (entity.box.x0 + 230) * sx
    let y0 = (entity.box.y0 - 12) * sy
    let y1 = (entity.box.y1 + 12) * sy
    return gridMeans(page, x0: x0, y0: y0, x1: x1, y1: y1, rows: 2, columns: 6)
  }

  /// The cells of the pooled 7×7 grid (`pooled`, from `pagePixels`) that a form entity's
  /// cue region falls in: the grid row of the entity's centre, three columns from its checkbox
  /// slot on. What a LayoutLMv2 visual token at the field sees.
  static func entityPooledPixels(_ entity: Entity, pooled: [Double], original: (Int, Int))
    -> [Double]
  {
    let row = min(
      6, max(0, Int((entity.box.y0 + entity.box.y1) / 2 / Double(max(1, original.1)) * 7)))
    let column = min(4, max(0, Int((entity.box.x0 - 56) / Double(max(1, original.0)) * 7)))
    return (0..<3).map {
      pooled.indices.contains(row * 7 + column + $0) ? pooled[row * 7 + column + $0] : 1
    }
  }

  /// The 7×7 grid of mean gray levels of a page resized to 224×224 (the pooled visual grid).
  static func pagePixels(_ page: GrayImage) -> [Double] {
    gridMeans(
      page, x0: 0, y0: 0, x1: Double(page.width), y1: Double(page.height), rows: 7, columns: 7)
  }

  /// What a text+layout oracle knows about a page, as tokens: each lower-cased word, each
  /// word's cell on an 8×8 grid of the page (`@x,y`) and its height in 4-pixel steps (`#h`).
  static func pageTokens(_ document: Document) -> [String] {
    let w = Double(max(1, document.pageWidth))
    let h = Double(max(1, document.pageHeight))
    var tokens: [String] = []
    tokens.reserveCapacity(document.words.count * 3)
    for word in document.words {
      tokens.append(word.text.lowercased())
      let cx = min(7, max(0, Int((word.box.x0 + word.box.x1) / 2 / w * 8)))
      let cy = min(7, max(0, Int((word.box.y0 + word.box.y1) / 2 / h * 8)))
      tokens.append("@\(cx),\(cy)")
      tokens.append("#\(Int((word.box.y1 - word.box.y0) / 4))")
    }
    return tokens
  }

  /// Multinomial naive Bayes (add-one smoothing, uniform prior): fits on `train` token lists
  /// and returns the accuracy on `test`.
  static func naiveBayesAccuracy(
    train: [([String], Int)], test: [([String], Int)], classes: Int
  ) -> Double {
    guard !test.isEmpty else { return 0 }
    var counts = [[String: Double]](repeating: [:], count: classes)
    var totals = [Double](repeating: 0, count: classes)
    var vocabulary = Set<String>()
    for (tokens, label) in train where label < classes {
      for token in tokens {
        counts[label][token, default: 0] += 1
        vocabulary.insert(token)
      }
      totals[label] += Double(tokens.count)
    }
    let size = Double(max(1, vocabulary.count))
    var correct = 0
    for (tokens, label) in test {
      var best = -1
      var bestScore = -Double.infinity
      for c in 0..<classes where totals[c] > 0 {
        let denominator = log(totals[c] + size)
        var score = 0.0
        for token in tokens { score += log((counts[c][token] ?? 0) + 1) - denominator }
        if score > bestScore {
          bestScore = score
          best = c
        }
      }
      if best == label { correct += 1 }
    }
    return Double(correct) / Double(test.count)
  }

  /// Mean gray level (0…1) of each cell of a `rows × columns` grid over a rectangle.
  static func gridMeans(
    _ page: GrayImage, x0: Double, y0: Double, x1: Double, y1: Double, rows: Int, columns: Int
  ) -> [Double] {
    var result: [Double] = []
    result.reserveCapacity(rows * columns)
    page.pixels.withUnsafeBufferPointer { pixels in
      for r in 0..<rows {
        for c in 0..<columns {
          let a = max(0, Int((x0 + (x1 - x0) * Double(c) / Double(columns)).rounded(.down)))
          let b = max(0, Int((y0 + (y1 - y0) * Double(r) / Double(rows)).rounded(.down)))
          let cc = min(
            page.width,
            max(a + 1, Int((x0 + (x1 - x0) * Double(c + 1) / Double(columns)).rounded(.up))))
          let d = min(
            page.height,
            max(b + 1, Int((y0 + (y1 - y0) * Double(r + 1) / Double(rows)).rounded(.up))))
          var sum = 0
          var n = 0
          if a < cc, b < d {
            for y in b..<d {
              for x in a..<cc {
                sum += Int(pixels[y * page.width + x])
                n += 1
              }
            }
          }
          result.append(n > 0 ? Double(sum) / Double(n) / 255 : 1)
        }
      }
    }
    return result
  }

  /// Nearest-centroid classification: fits class means on `train`, returns accuracy on `test`.
  static func nearestCentroidAccuracy(
    train: [([Double], Int)], test: [([Double], Int)], classes: Int
  ) -> Double {
    guard let dimension = train.first?.0.count, !test.isEmpty else { return 0 }
    var sums = [[Double]](repeating: [Double](repeating: 0, count: dimension), count: classes)
    var counts = [Int](repeating: 0, count: classes)
    for (features, label) in train where label < classes && features.count == dimension {
      for i in 0..<dimension { sums[label][i] += features[i] }
      counts[label] += 1
    }
    var correct = 0
    for (features, label) in test where features.count == dimension {
      var bestLabel = -1
      var bestDistance = Double.infinity
      for c in 0..<classes where counts[c] > 0 {
        var distance = 0.0
        for i in 0..<dimension {
          let delta = features[i] - sums[c][i] / Double(counts[c])
          distance += delta * delta
        }
        if distance < bestDistance {
          bestDistance = distance
          bestLabel = c
        }
      }
      if bestLabel == label { correct += 1 }
    }
    return Double(correct) / Double(test.count)
  }
}
