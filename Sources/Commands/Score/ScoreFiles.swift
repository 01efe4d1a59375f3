// LayoutLab — reading gold and prediction files for the `score` commands, with precise errors.

import Evaluation
import Foundation
import JSONValues

/// One DocVQA question from an official question file (`layoutlm-reference.md` §F.2).
public struct ANLSQuestion: Equatable, Sendable {
  /// `questionId` as decimal text.
  public var questionID: String
  /// Acceptable answers, at least one.
  public var answers: [String]
  /// `docId` as text when present: the unit the bootstrap resamples.
  public var documentID: String?
  /// `question_types` when present (empty otherwise), for breakdowns.
  public var questionTypes: [String]

  /// Creates a question.
  public init(
    questionID: String, answers: [String], documentID: String? = nil, questionTypes: [String] = []
  ) {
    self.questionID = questionID
    self.answers = answers
    self.documentID = documentID
    self.questionTypes = questionTypes
  }
}

/// Tag sequences `[S][T_s]` from a JSON list of lists of strings.
/// - Throws: `EvaluationError` naming the file and the entry that is not a list of strings.
public func readTagSequences(_ path: String) throws -> [[String]] {
  guard case .array(let entries) = try readJSONFile(path) else {
    throw EvaluationError(source: path, problem: "expected a list of tag lists")
  }
  return try entries.enumerated().map { index, entry in
    guard case .array(let tags) = entry else {
      throw EvaluationError(
        source: path, location: "entry \(index)",
        problem: "expected a list of tags, found \(entry.scoreFileKind)")
    }
    return try tags.enumerated().map { position, tag in
      guard case .string(let text) = tag else {
        throw EvaluationError(
          source: path, location: "entry \(index), position \(position)",
          problem: "expected a tag string, found \(tag.scoreFileKind)")
      }
      return text
    }
  }
}

/// Class labels from a JSON list: flat (`["a", "b"]` or `[0, 3]`), or nested one level
/// (`[["a", "b"], ["c"]]`, one list per document).
public struct LabelFile: Equatable, Sendable {
  /// Labels per document `[D][N_d]`; a flat file has one label per document.
  public var documents: [[String]]
  /// Whether every label was an integer (then labels sort numerically).
  public var allIntegers: Bool
  /// Whether the file was nested.
  public var nested: Bool

  /// Creates a label file's contents.
  public init(documents: [[String]], allIntegers: Bool, nested: Bool) {
    self.documents = documents
    self.allIntegers = allIntegers
    self.nested = nested
  }
}

/// Reads a label file (see `LabelFile`).
/// - Throws: `EvaluationError` naming the file and entry when a label is neither a string nor an
///   integer, or when flat and nested entries are mixed.
public func readLabels(_ path: String) throws -> LabelFile {
  guard case .array(let entries) = try readJSONFile(path) else {
    throw EvaluationError(source: path, problem: "expected a list of labels")
  }
  let nested = entries.contains { if case .array = $0 { return true } else { return false } }
  var allIntegers = true
  func label(_ value: JSONValue, _ location: String) throws -> String {
    switch value {
    case .string(let text):
      allIntegers = false
      return text
    case .number(let number) where number.rounded() == number && abs(number) < 1e15:
      return String(Int(number))
    default:
      throw EvaluationError(
        source: path, location: location,
        problem: "expected a label (string or integer), found \(value.scoreFileKind)"
          + (nested ? " (the file mixes lists and labels, or nests deeper)" : ""))
    }
  }
  var documents: [[String]] = []
  for (index, entry) in entries.enumerated() {
    if nested {
      guard case .array(let labels) = entry else {
        throw EvaluationError(
          source: path, location: "entry \(index)",
          problem: "expected a list of labels like the other entries, found \(entry.scoreFileKind)")
      }
      documents.append(
        try labels.enumerated().map { try label($1, "entry \(index), position \($0)") })
    } else {
      documents.append([try label(entry, "entry \(index)")])
    }
  }
  return LabelFile(documents: documents, allIntegers: allIntegers, nested: nested)
}

/// One tag list per item: a JSON list whose entries are a string or a list of strings.
/// - Throws: `EvaluationError` naming the file and entry for any other entry, or when the file
///   does not have `count` entries.
public func readItemTags(_ path: String, count: Int) throws -> [[String]] {
  guard case .array(let entries) = try readJSONFile(path) else {
    throw EvaluationError(source: path, problem: "expected a list with one tag per item")
  }
  guard entries.count == count else {
    throw EvaluationError(
      source: path, problem: "\(entries.count) entries, but there are \(count) items")
  }
  return try entries.enumerated().map { index, entry in
    switch entry {
    case .string(let tag): return [tag]
    case .array(let tags):
      return try tags.map {
        guard case .string(let tag) = $0 else {
          throw EvaluationError(
            source: path, location: "entry \(index)",
            problem: "expected tag strings, found \($0.scoreFileKind)")
        }
        return tag
      }
    default:
      throw EvaluationError(
        source: path, location: "entry \(index)",
        problem: "expected a tag or a list of tags, found \(entry.scoreFileKind)")
    }
  }
}

/// The questions of an official DocVQA / RRC question file `{"data": [{questionId, answers}]}`.
/// - Throws: `EvaluationError` naming the file and entry for a missing `data` list, a missing or
///   non-integer `questionId`, a repeated id, or `answers` that is not a non-empty list of strings.
public func readANLSGold(_ path: String) throws -> [ANLSQuestion] {
  let root = try readJSONFile(path)
  guard case .object = root else {
    throw EvaluationError(source: path, problem: "expected an object with a \"data\" list")
  }
  guard case .array(let entries)? = root["data"] else {
    throw EvaluationError(source: path, problem: "expected a \"data\" list of questions")
  }
  var seen = Set<String>()
  return try entries.enumerated().map { index, entry in
    let location = "data[\(index)]"
    let (fields, id) = try questionEntry(entry, source: path, location: location)
    guard seen.insert(id).inserted else {
      throw EvaluationError(
        source: path, location: "\(location) (questionId \(id))", problem: "repeated questionId")
    }
    guard case .array(let answerValues)? = fields["answers"], !answerValues.isEmpty else {
      throw EvaluationError(
        source: path, location: "\(location) (questionId \(id))",
        problem: "expected \"answers\", a non-empty list of strings")
    }
    let answers = try answerValues.map {
      guard case .string(let text) = $0 else {
        throw EvaluationError(
          source: path, location: "\(location) (questionId \(id))",
          problem: "expected answer strings, found \($0.scoreFileKind)")
      }
      return text
    }
    var documentID: String?
    switch fields["docId"] {
    case .number(let number)?: documentID = Int(exactly: number).map(String.init) ?? "\(number)"
    case .string(let text)?: documentID = text
    default: documentID = nil
    }
    var types: [String] = []
    if case .array(let values)? = fields["question_types"] {
      types = values.compactMap { if case .string(let t) = $0 { return t } else { return nil } }
    }
    return ANLSQuestion(
      questionID: id, answers: answers, documentID: documentID, questionTypes: types)
  }
}

/// The answers of an official submission `[{"questionId": …, "answer": "…"}]`, by question id.
/// - Throws: `EvaluationError` naming the file and entry for a non-list file, a missing or
///   non-integer `questionId`, a repeated id, or an `answer` that is not one string.
public func readANLSSubmission(_ path: String) throws -> [String: String] {
  guard case .array(let entries) = try readJSONFile(path) else {
    throw EvaluationError(
      source: path, problem: "expected a list of {\"questionId\", \"answer\"} objects")
  }
  var answers: [String: String] = [:]
  for (index, entry) in entries.enumerated() {
    let location = "entry \(index)"
    let (fields, id) = try questionEntry(entry, source: path, location: location)
    guard case .string(let answer)? = fields["answer"] else {
      throw EvaluationError(
        source: path, location: "\(location) (questionId \(id))",
        problem: "expected \"answer\", a single string, found "
          + (fields["answer"]?.scoreFileKind ?? "nothing"))
    }
    guard answers.updateValue(answer, forKey: id) == nil else {
      throw EvaluationError(
        source: path, location: "\(location) (questionId \(id))", problem: "repeated questionId")
    }
  }
  return answers
}

/// One entry of a questions or answers file: an object with a `questionId`.
private func questionEntry(_ entry: JSONValue, source: String, location: String) throws
  -> (JSONValue, String)
{
  guard case .object = entry else {
    throw EvaluationError(
      source: source, location: location,
      problem: "expected an object, found \(entry.scoreFileKind)")
  }
  return (entry, try questionID(entry["questionId"], source: source, location: location))
}

/// A `questionId` as decimal text: an integer, or a string holding one (Python's `int(...)`).
private func questionID(_ value: JSONValue?, source: String, location: String) throws -> String {
  switch value {
  case .number(let number)?:
    if let id = Int(exactly: number) { return String(id) }
  case .string(let text)?:
    if let id = Int(text.trimmingCharacters(in: .whitespaces)) { return String(id) }
  default:
    break
  }
  throw EvaluationError(
    source: source, location: location,
    problem: "expected an integer \"questionId\", found " + (value?.scoreFileKind ?? "nothing"))
}

/// Reads and parses the JSON file at `path`.
/// - Throws: `EvaluationError` naming the file when it cannot be read or is not valid JSON
///   (with the line and column where it goes wrong).
public func readJSONFile(_ path: String) throws -> JSONValue {
  guard let data = FileManager.default.contents(atPath: path) else {
    throw EvaluationError(source: path, problem: "cannot read the file")
  }
  return try parseJSON(data, source: path)
}

/// Parses `data` as JSON; errors name `source` and say where the JSON is malformed.
public func parseJSON(_ data: Data, source: String) throws -> JSONValue {
  do {
    return try JSONValue.parseJSON5(data)
  } catch {
    throw EvaluationError(source: source, problem: "not valid JSON (\(error))")
  }
}

extension JSONValue {
  /// The value's type as score-file errors name it (`a list`, `a string`).
  var scoreFileKind: String {
    if case .array = self { return "a list" }
    return typeName
  }
}
