// LayoutLab — where each kind of synthetic dataset puts its files, and which split a page is in.

import Foundation
import LayoutData
import Seeding

/// The folder layout and split rules of synthetic datasets.
///
/// - `forms`: `training_data/` and `testing_data/`, each with `annotations/*.json` and
///   `images/*.png` (FUNSD).
/// - `classify`: `labels/{train,val,test}.txt` (+ `.cues` and `.parts` side files; `.parts` says
///   which class each page's arrangement and look came from: `<path> <layout> <visual>`), `images/*.tif` and a
///   tesseract TSV per image with its words (RVL-CDIP).
/// - `qa`: `{train,val,test}_v1.0.json`, `documents/*.png` and `ocr_results/*.json` (DocVQA,
///   Microsoft Read OCR).
/// - `corpus`: `documents/*.png` and `ocr_results/*.json`, unlabelled.
/// Every dataset also gets `synth.json`, the manifest with its arguments and counts.
public enum DatasetLayout {
  /// The manifest's file name.
  public static let manifestName = "synth.json"

  /// The split names a kind writes, in order.
  public static func splits(of kind: SynthesisKind) -> [String] {
    switch kind {
    case .forms: return ["training_data", "testing_data"]
    case .classify, .qa: return ["train", "val", "test"]
    case .corpus: return ["all"]
    }
  }

  /// Split index of document `index` of `count` (0 train, 1 val, 2 test; forms have no val).
  ///
  /// `classify` splits by position inside each run of 16 documents, so together with
  /// `classLabel` every split sees every class equally often.
  static func splitIndex(
    kind: SynthesisKind, index: Int, count: Int, options: SynthesisOptions
  ) -> Int {
    switch kind {
    case .corpus:
      return 0
    case .forms:
      let train = Int((Double(count) * options.trainFraction).rounded())
      return index < max(1, min(count - 1, train)) ? 0 : 1
    case .qa:
      let trainEnd = Int((Double(count) * options.trainFraction).rounded())
      let validationEnd = Int(
        (Double(count) * (options.trainFraction + options.validationFraction)).rounded())
      return index < trainEnd ? 0 : index < validationEnd ? 1 : 2
    case .classify:
      let position = index % 16
      let trainEnd = Int((16 * options.trainFraction).rounded())
      let validationEnd = Int((16 * (options.trainFraction + options.validationFraction)).rounded())
      return position < trainEnd ? 0 : position < validationEnd ? 1 : 2
    }
  }

  /// The class of `classify` document `index`: within every run of 16 documents each class
  /// appears once, and across 16 runs every class takes every position once.
  static func classLabel(index: Int, seed: UInt64) -> Int {
    var generator = SeededGenerator(
      seed: SeededGenerator.documentSeed(seed: seed, kind: "classes", index: 0))
    let permutation = generator.shuffled(Array(0..<16))
    let block = index / 16
    var blockGenerator = SeededGenerator(
      seed: SeededGenerator.documentSeed(seed: seed, kind: "class-block", index: block / 16))
    let shift = blockGenerator.shuffled(Array(0..<16))[block % 16]
    return permutation[(index % 16 + shift) % 16]
  }

  /// The document id of page `index` of `kind`.
  static func documentId(kind: SynthesisKind, index: Int) -> String {
    let digits = String(index)
    return "synth_\(kind.rawValue)_" + String(repeating: "0", count: max(0, 6 - digits.count))
      + digits
  }
}
