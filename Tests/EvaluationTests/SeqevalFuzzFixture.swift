// LayoutLab — random tag sequences scored by seqeval 1.2.2 itself (Fixtures/seqeval-fuzz.json,
// made by Fixtures/make_seqeval_fuzz.py): IOB2, BIOES and odd tags, default and strict modes.

import Foundation
import _TestSupport

struct SeqevalFuzzCase: Decodable {
  struct Scores: Decodable {
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
  }
  var kind: String
  var y_true: [[String]]
  var y_pred: [[String]]
  var `default`: Scores
  var strict: Scores?

  static func load() throws -> [SeqevalFuzzCase] {
    let url = TestPaths.fixture("EvaluationTests/Fixtures/seqeval-fuzz.json")
    return try JSONDecoder().decode([SeqevalFuzzCase].self, from: Data(contentsOf: url))
  }
}
