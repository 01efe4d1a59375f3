// LayoutLab — the `layoutlab score …` subcommands: each reads files, scores and returns the text.

import Evaluation
import JSONValues

/// Inputs shared by the `score` subcommands.
public struct ScoreCommandOptions: Sendable {
  /// The gold file.
  public var goldPath: String
  /// The prediction file.
  public var predictedPath: String
  /// Print one JSON object instead of text.
  public var json: Bool
  /// Resampling settings of the confidence intervals.
  public var bootstrap: BootstrapOptions
  /// Optional file with one tag (or list of tags) per item, for a breakdown.
  public var tagsPath: String?

  /// Creates options.
  public init(
    goldPath: String, predictedPath: String, json: Bool = false,
    bootstrap: BootstrapOptions = .init(), tagsPath: String? = nil
  ) {
    self.goldPath = goldPath
    self.predictedPath = predictedPath
    self.json = json
    self.bootstrap = bootstrap
    self.tagsPath = tagsPath
  }
}

/// `layoutlab score seqeval`: entity F1 of JSON lists of tag lists, per type and overall,
/// with a bootstrap interval of the overall F1 over sequences.
/// - Throws: `EvaluationError` naming the file and entry for malformed input.
public func runSeqevalScore(_ options: ScoreCommandOptions, mode: EntityMode) throws -> String {
  let gold = try readTagSequences(options.goldPath)
  let predicted = try readTagSequences(options.predictedPath)
  let report = try naming(gold: options.goldPath, predicted: options.predictedPath) {
    try entityF1(gold: gold, predicted: predicted, mode: mode)
  }
  let items = report.sequenceStatistics
  let interval =
    items.count == 0
    ? nil
    : try bootstrapConfidenceInterval(items, statistic: .microF1, options: options.bootstrap)
  let rows = try options.tagsPath.map {
    try breakdown(
      items, tags: readItemTags($0, count: items.count), statistic: .microF1,
      bootstrap: options.bootstrap)
  }
  let modeName: String
  switch mode {
  case .conlleval: modeName = "default"
  case .strict(let scheme): modeName = "strict-\(scheme.rawValue)"
  }
  if options.json {
    var perType: [String: JSONValue] = [:]
    for row in report.perType {
      perType[row.type] = scoresJSON(
        row.scores,
        extra: [
          "support": .integer(row.counts.gold), "predicted": .integer(row.counts.predicted),
          "true_positives": .integer(row.counts.truePositives),
        ])
    }
    var members: [String: JSONValue] = [
      "mode": .string(modeName), "sequences": .integer(gold.count),
      "precision": .number(report.micro.precision), "recall": .number(report.micro.recall),
      "f1": .number(report.micro.f1), "per_type": JSONValue(perType),
      "macro_avg": scoresJSON(report.macro), "weighted_avg": scoresJSON(report.weighted),
      "gold_entities": .integer(report.totals.gold),
      "predicted_entities": .integer(report.totals.predicted),
      "true_positives": .integer(report.totals.truePositives),
    ]
    if let interval { members["f1_interval"] = intervalJSON(interval, unit: "sequence") }
    if let rows { members["breakdown"] = breakdownJSON(rows, unit: "sequence") }
    return JSONValue(members).serialized
  }
  var cells = [["type", "precision", "recall", "f1", "support"]]
  for row in report.perType {
    cells.append(
      [row.type] + [row.scores.precision, row.scores.recall, row.scores.f1].map { fixed($0) }
        + ["\(row.counts.gold)"])
  }
  for (name, scores) in [
    ("micro avg", report.micro), ("macro avg", report.macro), ("weighted avg", report.weighted),
  ] {
    cells.append(
      [name] + [scores.precision, scores.recall, scores.f1].map { fixed($0) }
        + ["\(report.totals.gold)"])
  }
  var lines = [
    "seqeval (\(modeName) mode): \(gold.count) sequences, \(report.totals.gold) gold and "
      + "\(report.totals.predicted) predicted entities, \(report.totals.truePositives) correct",
    "",
  ]
  lines += table(cells)
  lines.append("")
  lines.append(
    "overall F1 \(fixed(report.micro.f1))"
      + (interval.map { ", " + intervalSentence($0, itemCount: items.count, unit: "sequence") }
        ?? ""))
  lines += breakdownLines(rows ?? [], metric: "F1", unit: "sequence")
  return lines.joined(separator: "\n")
}

/// `layoutlab score anls`: ANLS of an official submission against an official question file.
///
/// The bootstrap resamples documents (`docId`) when every question has one, else questions; a
/// breakdown by `question_types` is added when the gold file has them.
/// - Throws: `EvaluationError` naming the file and the question for malformed input, a missing,
///   extra or repeated `questionId`.
public func runANLSScore(
  _ options: ScoreCommandOptions, threshold: Double = 0.5, convention: ANLSConvention = .rrcScorer
) throws -> String {
  let questions = try readANLSGold(options.goldPath)
  let submission = try readANLSSubmission(options.predictedPath)
  let goldIDs = Set(questions.map(\.questionID))
  if let extra = submission.keys.filter({ !goldIDs.contains($0) }).sorted().first {
    throw EvaluationError(
      source: options.predictedPath, location: "questionId \(extra)",
      problem: "not a question of \(options.goldPath)")
  }
  let predictions = try questions.map { question in
    guard let answer = submission[question.questionID] else {
      throw EvaluationError(
        source: options.predictedPath, location: "questionId \(question.questionID)",
        problem: "no answer for this question of \(options.goldPath)")
    }
    return answer
  }
  let result = try naming(gold: options.goldPath, predicted: options.predictedPath) {
    try anls(
      predictions: predictions, answers: questions.map(\.answers), threshold: threshold,
      convention: convention)
  }
  let byDocument = !questions.isEmpty && questions.allSatisfy { $0.documentID != nil }
  let unit = byDocument ? "document" : "question"
  var groupIndex: [String: Int] = [:]
  var sums: [Double] = []
  for (question, score) in zip(questions, result.perQuestion) {
    let key = byDocument ? (question.documentID ?? "") : question.questionID
    let group = groupIndex[key] ?? sums.count / 2
    if group == sums.count / 2 {
      groupIndex[key] = group
      sums += [0, 0]
    }
    sums[2 * group] += score
    sums[2 * group + 1] += 1
  }
  let items = try ItemStatistics(values: sums, width: 2)
  let interval =
    items.count == 0
    ? nil : try bootstrapConfidenceInterval(items, statistic: .ratio, options: options.bootstrap)
  var rows: [TagBreakdownRow] = []
  if questions.contains(where: { !$0.questionTypes.isEmpty }) {
    let perQuestion = try ItemStatistics(
      values: result.perQuestion.flatMap { [$0, 1] }, width: 2)
    rows = try breakdown(
      perQuestion, tags: questions.map(\.questionTypes), statistic: .ratio,
      bootstrap: options.bootstrap)
  }
  let conventionName = convention == .rrcScorer ? "official RRC scorer" : "paper formula"
  if options.json {
    var perQuestion: [String: JSONValue] = [:]
    for (question, score) in zip(questions, result.perQuestion) {
      perQuestion[question.questionID] = .number(score)
    }
    var members: [String: JSONValue] = [
      "anls": .number(result.value), "questions": .integer(questions.count),
      "threshold": .number(threshold), "convention": .string(convention.rawValue),
      "per_question": JSONValue(perQuestion),
    ]
    if let interval { members["anls_interval"] = intervalJSON(interval, unit: unit) }
    if !rows.isEmpty { members["breakdown"] = breakdownJSON(rows, unit: "question") }
    return JSONValue(members).serialized
  }
  var lines = [
    "ANLS (\(conventionName), τ = \(threshold)): \(fixed(result.value, 6)) over "
      + "\(questions.count) questions"
  ]
  if let interval { lines.append(intervalSentence(interval, itemCount: items.count, unit: unit)) }
  lines += breakdownLines(rows, metric: "ANLS", unit: "question")
  return lines.joined(separator: "\n")
}

/// `layoutlab score accuracy`: accuracy, per-class precision / recall / F1 and the confusion
/// matrix of two label files (see `LabelFile`), with a bootstrap interval over entries.
/// - Throws: `EvaluationError` naming the file and entry for malformed input or a length
///   mismatch.
public func runAccuracyScore(_ options: ScoreCommandOptions) throws -> String {
  let gold = try readLabels(options.goldPath)
  let predicted = try readLabels(options.predictedPath)
  guard gold.documents.count == predicted.documents.count else {
    throw EvaluationError(
      source: options.predictedPath,
      problem: "\(predicted.documents.count) entries, but \(options.goldPath) has "
        + "\(gold.documents.count)")
  }
  var sums: [Double] = []
  for (index, (g, p)) in zip(gold.documents, predicted.documents).enumerated() {
    guard g.count == p.count else {
      throw EvaluationError(
        source: options.predictedPath, location: "entry \(index)",
        problem: "\(p.count) labels, but \(options.goldPath) has \(g.count)")
    }
    sums += [Double(zip(g, p).filter { $0 == $1 }.count), Double(g.count)]
  }
  let flatGold = gold.documents.flatMap { $0 }
  let flatPredicted = predicted.documents.flatMap { $0 }
  let report: ClassificationReport
  if gold.allIntegers && predicted.allIntegers {
    let labels = Set(flatGold + flatPredicted).compactMap { Int($0) }.sorted()
    var index: [Int: Int] = [:]
    for (i, label) in labels.enumerated() { index[label] = i }
    report = try classificationReport(
      gold: flatGold.map { index[Int($0) ?? 0] ?? 0 },
      predicted: flatPredicted.map { index[Int($0) ?? 0] ?? 0 }, labels: labels.map(String.init))
  } else {
    report = try classificationReport(gold: flatGold, predicted: flatPredicted)
  }
  let unit = gold.nested ? "document" : "item"
  let items = try ItemStatistics(values: sums, width: 2)
  let interval =
    items.count == 0
    ? nil : try bootstrapConfidenceInterval(items, statistic: .ratio, options: options.bootstrap)
  let rows = try options.tagsPath.map {
    try breakdown(
      items, tags: readItemTags($0, count: items.count), statistic: .ratio,
      bootstrap: options.bootstrap)
  }
  if options.json {
    var perClass: [String: JSONValue] = [:]
    for row in report.perClass {
      perClass[row.label] = scoresJSON(
        row.scores, extra: ["support": .integer(row.support), "predicted": .integer(row.predicted)])
    }
    let k = report.labels.count
    var members: [String: JSONValue] = [
      "accuracy": .number(report.accuracy), "correct": .integer(report.correct),
      "total": .integer(report.total), "labels": .array(report.labels.map { .string($0) }),
      "per_class": JSONValue(perClass), "macro_avg": scoresJSON(report.macro),
      "weighted_avg": scoresJSON(report.weighted),
      "confusion": .array(
        (0..<k).map { row in
          .array((0..<k).map { .integer(report.count(gold: row, predicted: $0)) })
        }
      ),
    ]
    if let interval { members["accuracy_interval"] = intervalJSON(interval, unit: unit) }
    if let rows { members["breakdown"] = breakdownJSON(rows, unit: unit) }
    return JSONValue(members).serialized
  }
  var lines = ["accuracy \(fixed(report.accuracy)) (\(report.correct) of \(report.total))"]
  if let interval { lines.append(intervalSentence(interval, itemCount: items.count, unit: unit)) }
  var cells = [["class", "precision", "recall", "f1", "support"]]
  for row in report.perClass {
    cells.append(
      [row.label] + [row.scores.precision, row.scores.recall, row.scores.f1].map { fixed($0) }
        + ["\(row.support)"])
  }
  for (name, scores) in [("macro avg", report.macro), ("weighted avg", report.weighted)] {
    cells.append(
      [name] + [scores.precision, scores.recall, scores.f1].map { fixed($0) } + ["\(report.total)"])
  }
  lines += [""] + table(cells)
  lines += ["", "confusion matrix (rows: gold, columns: predicted):"]
  lines += table(
    [[""] + report.labels]
      + report.labels.indices.map { row in
        [report.labels[row]]
          + report.labels.indices.map { "\(report.count(gold: row, predicted: $0))" }
      })
  lines += breakdownLines(rows ?? [], metric: "accuracy", unit: unit)
  return lines.joined(separator: "\n")
}
