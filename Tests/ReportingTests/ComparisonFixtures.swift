// LayoutLab — small results folders for the `compare` tests, written as result.json files.

import Foundation

/// Writes entity runs into `<root>/<experiment>/<variant>/<seed>/result.json`.
struct ComparisonFixtures {
  /// A temporary folder, removed by `remove()`.
  let root = FileManager.default.temporaryDirectory.appendingPathComponent("ll-compare-\(UUID())")

  /// One entity run over `documents` dev documents, each with a two-word question and a
  /// one-word answer; the documents in `missed` lose their answer. The stored F1 is the
  /// predictions' micro F1.
  @discardableResult
  func writeRun(
    experiment: String, variant: String, seed: Int, documents: Int = 8, missed: Set<Int> = [],
    learningRate: Double = 5e-4, commit: String = "1111111111111111", dirty: Bool = false,
    numericVariant: String? = "256-bit SIMD", dataDocuments: Int = 40
  ) throws -> URL {
    let gold = #"["B-QUESTION", "I-QUESTION", "O", "B-ANSWER"]"#
    let miss = #"["B-QUESTION", "I-QUESTION", "O", "O"]"#
    let predictions = (1...documents).map {
      #"{"id": "d\#($0)", "gold": \#(gold), "predicted": \#(missed.contains($0) ? miss : gold)}"#
    }
    let truePositives = Double(2 * documents - missed.count)
    let f1 = 2 * truePositives / (truePositives + Double(2 * documents))
    let variantField = numericVariant.map { #", "numericVariant": "\#($0)""# } ?? ""
    let json = """
      {"experiment": "\(experiment)", "variant": "\(variant)", "seed": \(seed),
       "configuration": {"model": {"version": "v1"}, "data": {"documents": \(dataDocuments)},
                         "training": {"learningRate": \(learningRate)}},
       "fineTuning": {"bestEpoch": 1, "steps": 10,
         "dev": {"overall": {"precision": 1, "recall": 1, "f1": \(f1), "support": \(2 * documents)},
                 "perLabel": {}, "perCue": {}, "documents": \(documents)},
         "devPredictions": [\(predictions.joined(separator: ", "))]},
       "timings": {"totalSeconds": 5, "trainSeconds": 4},
       "provenance": {"gitCommit": "\(commit)", "gitDirty": \(dirty), "threads": 2,
                      "specHash": "feedface", "toolchain": "Swift 6.3+"\(variantField)},
       "data": {"trainDocuments": 20, "devDocuments": \(documents), "testDocuments": 0,
                "source": "synthetic-forms"},
       "parameterCount": 99}
      """
    let folder = root.appendingPathComponent("\(experiment)/\(variant)/\(seed)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(RecordFixture.complete(json).utf8).write(
      to: folder.appendingPathComponent("result.json"))
    return root.appendingPathComponent(experiment)
  }

  /// Removes the folder.
  func remove() { try? FileManager.default.removeItem(at: root) }
}
