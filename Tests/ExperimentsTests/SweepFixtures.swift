// LayoutLab — tiny specs and result comparisons shared by the runner tests that run
// `layoutlab` for real (unit graph, kill and resume).

import Foundation

extension SpecFolderTestCase {
  /// Writes `experiments/NAME.json5`: tiny forms with `base` (JSON5 lines) added, `rest` after.
  func writeSpec(_ name: String, base extra: String, rest: String) throws -> URL {
    let url = root.appendingPathComponent("experiments/\(name).json5")
    try Data(
      """
      {
        name: '\(name)',
        base: {
          model: { preset: 'tiny', layers: 1, grid: [2, 2] },
          training: { epochs: 1, batchSize: 4 },
          \(extra)
        },
        \(rest)
      }
      """.utf8
    ).write(to: url)
    return url
  }

  /// An axes-demo-like sweep named `name`: v1 and v2 × pre-training tasks (v1 with MVLM
  /// only) on `documents` forms, pre-trained on a `corpus`-page synthetic corpus with
  /// `schedule` (JSON5 keys) as its steps.
  func writeSweep(
    _ name: String = "sweep", documents: Int = 20, corpus: Int = 20,
    schedule: String = "steps: 4,"
  ) throws -> URL {
    try writeSpec(
      name,
      base: """
        data: { source: 'synthetic-forms', documents: \(documents), vocabularySize: 300, maxLength: 64 },
        pretraining: {
          corpus: [{ synthetic: \(corpus), seed: 3 }], \(schedule) batchSize: 2, sequenceLength: 64,
          vocabularySize: 300,
        },
        """,
      rest: """
        axes: {
          'model.version': ['v1', 'v2'],
          'pretraining.tasks': [['mvlm'], ['mvlm', 'tia']],
        },
        exclude: [{ 'model.version': 'v1', 'pretraining.tasks': { not: ['mvlm'] } }],
        seeds: [1],
        """)
  }

  /// A sweep without pre-training: two seeds of one tiny cell.
  func writePlain() throws -> URL {
    try writeSpec(
      "plain",
      base:
        "data: { source: 'synthetic-forms', documents: 12, vocabularySize: 200, maxLength: 32 },",
      rest: "seeds: [1, 2],")
  }

  /// A result.json without what differs between two runs of the same work (times, memory):
  /// canonical JSON bytes.
  func metricsBytes(_ url: URL) throws -> Data {
    func strip(_ value: Any) -> Any {
      if let object = value as? [String: Any] {
        return object.filter {
          !$0.key.lowercased().hasSuffix("seconds") && !["timings", "memory"].contains($0.key)
        }.mapValues(strip)
      }
      if let array = value as? [Any] { return array.map(strip) }
      return value
    }
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    return try JSONSerialization.data(withJSONObject: strip(json), options: [.sortedKeys])
  }
}
