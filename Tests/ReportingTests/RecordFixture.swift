// LayoutLab — test records: the part of a result.json a test is about, completed into a whole
// `RunRecord` (every field it leaves out gets a neutral default).

import Experiments
import Foundation
import JSONValues

/// Completes partial `result.json` texts so that they decode as the one record type.
enum RecordFixture {
  /// The fields every record has, at neutral values.
  static func base() throws -> JSONValue {
    let configuration = try JSONValue.parseJSON5(JSONEncoder().encode(RunConfiguration()))
    return .object([
      ("configuration", configuration),
      ("data", .object([("trainWindows", .integer(0)), ("vocabularySize", .integer(0))])),
      ("timings", .object([("dataSeconds", .integer(0)), ("evaluationSeconds", .integer(0))])),
      ("provenance", .object([("configurationHash", .string("c")), ("host", .string("h"))])),
    ])
  }

  /// The fields of a task section beside its scores.
  static let sectionBase: JSONValue = .object([
    ("history", .array([])), ("steps", .integer(0)), ("trainSeconds", .integer(0)),
    ("evaluationSeconds", .integer(0)), ("devPredictions", .array([])),
  ])

  /// `json` completed: shared fields, section fields and the entity predictions' cues.
  static func complete(_ json: String) throws -> String {
    var record = try base().merged(with: JSONValue.parseJSON5(Data(json.utf8)))
    for key in ["fineTuning", "classification"] {
      guard case .object(let pairs) = record, let section = pairs.first(where: { $0.0 == key })
      else { continue }
      record = record.setting([key], to: withCues(sectionBase.merged(with: section.1)))
    }
    return record.serialized
  }

  /// Decodes `json`, completed.
  static func decode(_ json: String) throws -> RunRecord {
    try JSONDecoder().decode(RunRecord.self, from: Data(complete(json).utf8))
  }

  /// Entity predictions without `cues` get one nil cue a word.
  private static func withCues(_ section: JSONValue) -> JSONValue {
    guard case .object(var pairs) = section else { return section }
    for index in pairs.indices where pairs[index].0.hasSuffix("Predictions") {
      guard case .array(let predictions) = pairs[index].1 else { continue }
      pairs[index].1 = .array(
        predictions.map { prediction in
          guard case .object(let fields) = prediction,
            !fields.contains(where: { $0.0 == "cues" }),
            let gold = fields.first(where: { $0.0 == "gold" }), case .array(let words) = gold.1
          else { return prediction }
          return .object(fields + [("cues", .array(words.map { _ in .null }))])
        })
    }
    return .object(pairs)
  }
}
