// LayoutLab — ANLS (DocVQA): the official RRC scorer, code-exact, and the paper's formula.

import EditDistance

/// Which ANLS definition to follow (`layoutlm-reference.md` §E.2).
public enum ANLSConvention: String, Equatable, Sendable {
  /// The official RRC / DocVQA scorer, which the leaderboard numbers use (the default). Both
  /// strings are lower-cased and whitespace-collapsed for the Levenshtein distance, but the
  /// distance is divided by the longer of the *raw* strings (`len(s.upper())` in code points);
  /// the best answer's similarity `1 − NL` is kept when `≥ τ`, so at `NL = 0.5` exactly the
  /// question scores 0.5. Where this differs from the paper, LayoutLab follows this scorer.
  case rrcScorer = "rrc"
  /// Biten et al. 2019: `NL` on the normalised strings, similarity `1 − NL` only when
  /// `NL < τ` (strict), else 0; two empty strings have `NL = 0`.
  case paperFormula = "paper"
}

/// ANLS of a set of questions.
public struct ANLSResult: Equatable, Sendable {
  /// Mean of `perQuestion` (0 for no questions).
  public var value: Double
  /// The score of each question, in input order, `[N]`.
  public var perQuestion: [Double]
}

/// The ANLS score of one prediction against its acceptable answers.
///
/// Strings are compared by Unicode code points, as Python does. Normalisation is Python's
/// `" ".join(s.strip().lower().split())` (Unicode lower-casing; Python's whitespace set).
/// - Parameters:
///   - threshold: τ, 0.5 for DocVQA. RRC keeps a similarity `≥ τ`; the paper keeps `NL < τ`.
/// - Returns: a score in 0...1; 0 when `answers` is empty.
public func anlsScore(
  prediction: String, answers: [String], threshold: Double = 0.5,
  convention: ANLSConvention = .rrcScorer
) -> Double {
  let normalizedPrediction = normalizedAnswerScalars(prediction)
  switch convention {
  case .rrcScorer:
    guard !answers.isEmpty else { return 0 }
    let predictionLength = pythonUppercasedLength(prediction)
    var smallest = Double.infinity
    for answer in answers {
      let distance = editDistance(normalizedAnswerScalars(answer), normalizedPrediction)
      let length = max(pythonUppercasedLength(answer), predictionLength)
      smallest = min(smallest, length == 0 ? 0 : Double(distance) / Double(length))
    }
    let similarity = 1 - smallest
    return similarity < threshold ? 0 : similarity
  case .paperFormula:
    var best = 0.0
    for answer in answers {
      let normalizedAnswer = normalizedAnswerScalars(answer)
      let length = max(normalizedAnswer.count, normalizedPrediction.count)
      let distance = editDistance(normalizedAnswer, normalizedPrediction)
      let normalized = length == 0 ? 0 : Double(distance) / Double(length)
      best = max(best, normalized < threshold ? 1 - normalized : 0)
    }
    return best
  }
}

/// ANLS over questions: the mean of `anlsScore` per question.
/// - Parameters:
///   - predictions: `[N]` predicted answers.
///   - answers: `[N][A_i]` acceptable answers per question; each list must be non-empty.
/// - Throws: `EvaluationError` when the counts differ, a question has no answers, or τ is
///   outside (0, 1].
public func anls(
  predictions: [String], answers: [[String]], threshold: Double = 0.5,
  convention: ANLSConvention = .rrcScorer
) throws -> ANLSResult {
  guard predictions.count == answers.count else {
    throw EvaluationError(
      source: "predicted",
      problem: "\(predictions.count) predictions, but gold has \(answers.count) questions")
  }
  guard threshold > 0, threshold <= 1 else {
    throw EvaluationError(source: "threshold", problem: "τ must be in (0, 1], got \(threshold)")
  }
  if let empty = answers.firstIndex(where: \.isEmpty) {
    throw EvaluationError(
      source: "gold", location: "question \(empty)", problem: "no acceptable answers")
  }
  var perQuestion: [Double] = []
  perQuestion.reserveCapacity(predictions.count)
  var total = 0.0
  for (prediction, acceptable) in zip(predictions, answers) {
    let score = anlsScore(
      prediction: prediction, answers: acceptable, threshold: threshold, convention: convention)
    perQuestion.append(score)
    total += score
  }
  let value = perQuestion.isEmpty ? 0 : total / Double(perQuestion.count)
  return ANLSResult(value: value, perQuestion: perQuestion)
}

/// Python's `" ".join(text.strip().lower().split())` as code points.
public func normalizedAnswerScalars(_ text: String) -> [Unicode.Scalar] {
  var result: [Unicode.Scalar] = []
  var pendingSpace = false
  for scalar in pythonLowercased(Array(text.unicodeScalars)) {
    if isPythonWhitespace(scalar) {
      pendingSpace = !result.isEmpty
      continue
    }
    if pendingSpace {
      result.append(" ")
      pendingSpace = false
    }
    result.append(scalar)
  }
  return result
}

/// Python's `str.lower()`: full lower-case mappings, and `Σ` becomes final `ς` after a cased
/// letter that no cased letter follows (Swift's `lowercased()` has no such context on Linux).
func pythonLowercased(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
  var result: [Unicode.Scalar] = []
  result.reserveCapacity(scalars.count)
  for (index, scalar) in scalars.enumerated() {
    if scalar == "\u{03A3}" {
      result.append(isFinalSigma(scalars, at: index) ? "\u{03C2}" : "\u{03C3}")
    } else {
      result += scalar.properties.lowercaseMapping.unicodeScalars
    }
  }
  return result
}

/// Python's `len(text.upper())`: the code points of the full upper-case mappings.
func pythonUppercasedLength(_ text: String) -> Int {
  text.unicodeScalars.reduce(0) { $0 + $1.properties.uppercaseMapping.unicodeScalars.count }
}

/// Python's Final_Sigma test: `\p{cased} \p{case-ignorable}* Σ !(\p{case-ignorable}* \p{cased})`.
private func isFinalSigma(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
  var before = index - 1
  while before >= 0, scalars[before].properties.isCaseIgnorable { before -= 1 }
  guard before >= 0, scalars[before].properties.isCased else { return false }
  var after = index + 1
  while after < scalars.count, scalars[after].properties.isCaseIgnorable { after += 1 }
  return after == scalars.count || !scalars[after].properties.isCased
}

/// Python's `str.isspace()` for one code point (what `str.split()` and `str.strip()` use).
func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
  switch scalar.value {
  case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
    0x205F, 0x3000:
    return true
  default:
    return false
  }
}
