// LayoutLab — the seqeval reference numbers of EvaluationTests/Fixtures/metrics.json (seqeval
// 1.2.2), the part the `score seqeval` tests compare against.

import Foundation
import _TestSupport

/// The `seqeval` section of `metrics.json`.
struct SeqevalFixture: Decodable {
  struct Scores: Decodable {
    var f1: Double
  }
  struct DefaultScores: Decodable {
    var f1: Double
    var per_type: [String: Row]
  }
  struct Row: Decodable {
    var f1: Double
    enum CodingKeys: String, CodingKey { case f1 = "f1-score" }
  }
  var y_true: [[String]]
  var y_pred: [[String]]
  var `default`: DefaultScores
  var strict_iob2: Scores

  static func load() throws -> SeqevalFixture {
    struct File: Decodable { var seqeval: SeqevalFixture }
    let url = TestPaths.fixture("EvaluationTests/Fixtures/metrics.json")
    return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).seqeval
  }
}
