// LayoutLab — evidence that the cues work: a text+layout oracle versus a pixel oracle, per cue.

import LayoutData

/// One check: an oracle trained on one split's items of one cue and scored on another's.
public struct CueCheck: Codable, Sendable, Equatable {
  /// `forms` or `classify`.
  public var dataset: String
  /// The cue of the items checked.
  public var cue: String
  /// `text+layout` (words and boxes, no pixels) or `pixels` (cue-region statistics at 224×224).
  public var oracle: String
  /// Items the oracle was fitted on.
  public var trainItems: Int
  /// Items it was scored on.
  public var testItems: Int
  /// Labels among the items.
  public var classes: Int
  /// The best trivial score: the share of the most common label among the scored items.
  public var chance: Double
  /// The oracle's accuracy on the scored items.
  public var accuracy: Double

  /// Half-width of a 95 % binomial interval around `chance` for `testItems` items.
  public var chanceMargin: Double {
    testItems > 0 ? 1.96 * (chance * (1 - chance) / Double(testItems)).squareRoot() : 1
  }
}

/// Runs the cue checks on generated data.
///
/// For `visual`-cue items the text+layout oracle should sit at chance (labels are drawn
/// independently of words and boxes) while the pixel oracle is far above it; for `text`-cue
/// items the text+layout oracle is far above chance, which shows it is not simply broken.
public enum CueEvidence {
  /// Form checks: a 7-NN over entity boxes, word counts and exact text, and a nearest-centroid
  /// over the 2×6 grid of cue-region means; `page` gives a document's page at 224×224.
  public static func formChecks(
    train: [Document], test: [Document], page: (Document) throws -> GrayImage?
  ) rethrows -> [CueCheck] {
    let labels = FormGenerator.labels
    func items(_ documents: [Document], cue: Cue) -> [(Document, Entity, Int)] {
      documents.flatMap { document in
        document.entities.compactMap { entity -> (Document, Entity, Int)? in
          guard entity.cue == cue.rawValue, let label = labels.firstIndex(of: entity.label)
          else { return nil }
          return (document, entity, label)
        }
      }
    }
    var checks: [CueCheck] = []
    for cue in Cue.allCases {
      let fit = items(train, cue: cue)
      let score = items(test, cue: cue)
      guard !fit.isEmpty, !score.isEmpty else { continue }
      let views = fit.map { (CueFeatures.entityView($0.1, in: $0.0), $0.2) }
      var correct = 0
      for (document, entity, label) in score {
        let guess = CueFeatures.nearestNeighbourLabel(
          CueFeatures.entityView(entity, in: document), train: views, classes: labels.count)
        if guess == label { correct += 1 }
      }
      let chance = majorityShare(score.map(\.2), classes: labels.count)
      checks.append(
        CueCheck(
          dataset: "forms", cue: cue.rawValue, oracle: "text+layout", trainItems: fit.count,
          testItems: score.count, classes: labels.count, chance: chance,
          accuracy: Double(correct) / Double(score.count)))
      if cue == .visual {
        func pixelItems(_ list: [(Document, Entity, Int)]) throws -> [([Double], Int)] {
          var result: [([Double], Int)] = []
          var cache: [String: GrayImage] = [:]
          for (document, entity, label) in list {
            if cache[document.id] == nil { cache[document.id] = try page(document) }
            guard let image = cache[document.id] else { continue }
            result.append(
              (
                CueFeatures.entityPixels(
                  entity, page: image, original: (document.pageWidth, document.pageHeight)),
                label
              ))
          }
          return result
        }
        let pixelTest = try pixelItems(score)
        let accuracy = CueFeatures.nearestCentroidAccuracy(
          train: try pixelItems(fit), test: pixelTest, classes: labels.count)
        checks.append(
          CueCheck(
            dataset: "forms", cue: cue.rawValue, oracle: "pixels", trainItems: fit.count,
            testItems: pixelTest.count, classes: labels.count, chance: chance, accuracy: accuracy))
        func pooledItems(_ list: [(Document, Entity, Int)]) throws -> [([Double], Int)] {
          var result: [([Double], Int)] = []
          var cache: [String: [Double]] = [:]
          for (document, entity, label) in list {
            if cache[document.id] == nil, let image = try page(document) {
              cache[document.id] = CueFeatures.pagePixels(image)
            }
            guard let pooled = cache[document.id] else { continue }
            result.append(
              (
                CueFeatures.entityPooledPixels(
                  entity, pooled: pooled, original: (document.pageWidth, document.pageHeight)),
                label
              ))
          }
          return result
        }
        let pooledTest = try pooledItems(score)
        checks.append(
          CueCheck(
            dataset: "forms", cue: cue.rawValue, oracle: "pixels 7×7", trainItems: fit.count,
            testItems: pooledTest.count, classes: labels.count, chance: chance,
            accuracy: CueFeatures.nearestCentroidAccuracy(
              train: try pooledItems(fit), test: pooledTest, classes: labels.count)))
      }
    }
    return checks
  }

  /// Classification checks per cue: naive Bayes over words and word positions and heights
  /// (text+layout), and nearest-centroid over the 7×7 grid of page means at 224×224 (pixels).
  public static func classifyChecks(
    train: [Document], test: [Document], page: (Document) throws -> GrayImage?
  ) rethrows -> [CueCheck] {
    var checks: [CueCheck] = []
    let classes = RVLCDIP.classNames.count
    for cue in Cue.allCases {
      let fit = train.filter { $0.cue == cue.rawValue && $0.classLabel != nil }
      let score = test.filter { $0.cue == cue.rawValue && $0.classLabel != nil }
      guard !fit.isEmpty, !score.isEmpty else { continue }
      let chance = majorityShare(score.compactMap(\.classLabel), classes: classes)
      let textAccuracy = CueFeatures.naiveBayesAccuracy(
        train: fit.map { (CueFeatures.pageTokens($0), $0.classLabel ?? 0) },
        test: score.map { (CueFeatures.pageTokens($0), $0.classLabel ?? 0) }, classes: classes)
      checks.append(
        CueCheck(
          dataset: "classify", cue: cue.rawValue, oracle: "text+layout", trainItems: fit.count,
          testItems: score.count, classes: classes, chance: chance, accuracy: textAccuracy))
      func pixelItems(_ list: [Document]) throws -> [([Double], Int)] {
        try list.compactMap { document in
          guard let image = try page(document) else { return nil }
          return (CueFeatures.pagePixels(image), document.classLabel ?? 0)
        }
      }
      let pixelTest = try pixelItems(score)
      let pixelAccuracy = CueFeatures.nearestCentroidAccuracy(
        train: try pixelItems(fit), test: pixelTest, classes: classes)
      checks.append(
        CueCheck(
          dataset: "classify", cue: cue.rawValue, oracle: "pixels", trainItems: fit.count,
          testItems: pixelTest.count, classes: classes, chance: chance, accuracy: pixelAccuracy))
    }
    return checks
  }

  /// Mean gray level (0…1) of the cue region of visual-cue form entities, per label.
  public static func formCueRegionMeans(
    documents: [Document], page: (Document) throws -> GrayImage?
  ) rethrows -> [String: Double] {
    var sums: [String: Double] = [:]
    var counts: [String: Int] = [:]
    for document in documents {
      let visual = document.entities.filter { $0.cue == Cue.visual.rawValue }
      guard !visual.isEmpty, let image = try page(document) else { continue }
      for entity in visual {
        let cells = CueFeatures.entityPixels(
          entity, page: image, original: (document.pageWidth, document.pageHeight))
        sums[entity.label, default: 0] += cells.reduce(0, +) / Double(max(1, cells.count))
        counts[entity.label, default: 0] += 1
      }
    }
    return sums.reduce(into: [:]) { $0[$1.key] = $1.value / Double(max(1, counts[$1.key] ?? 1)) }
  }

  /// The share of the most common label.
  static func majorityShare(_ labels: [Int], classes: Int) -> Double {
    guard !labels.isEmpty else { return 0 }
    var counts = [Int](repeating: 0, count: max(classes, (labels.max() ?? 0) + 1))
    for label in labels where label >= 0 { counts[label] += 1 }
    return Double(counts.max() ?? 0) / Double(labels.count)
  }
}
