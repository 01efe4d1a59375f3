// LayoutLab — the seqeval and ANLS reference numbers in Fixtures/metrics.json (seqeval 1.2.2
// and the official RRC scorer), decoded for the parity tests.

import Foundation
import _TestSupport

/// `metrics.json` from `../shared/fixtures/hf-parity`, copied into this target's fixtures.
struct ParityFixture: Decodable {
  struct Seqeval: Decodable {
    var y_true: [[String]]
    var y_pred: [[String]]
    var `default`: DefaultScores
    var strict_iob2: Overall
  }
  struct Overall: Decodable {
    var precision: Double
    var recall: Double
    var f1: Double
  }
  struct DefaultScores: Decodable {
    var precision: Double
    var recall: Double
    var f1: Double
    var per_type: [String: Row]
  }
  struct Row: Decodable {
    var precision: Double
    var recall: Double
    var f1: Double
    var support: Int
    enum CodingKeys: String, CodingKey {
      case precision, recall, support
      case f1 = "f1-score"
    }
  }
  struct ANLSCases: Decodable {
    var predictions: [String]
    var answers: [[String]]
    var tau: Double
    var anls: Double
    var per_question: [Double]
    var anls_formula: Double
    var per_question_formula: [Double]
  }
  var seqeval: Seqeval
  var anls: ANLSCases

  static func load() throws -> ParityFixture {
    let url = TestPaths.fixture("EvaluationTests/Fixtures/metrics.json")
    return try JSONDecoder().decode(ParityFixture.self, from: Data(contentsOf: url))
  }
}
