// LayoutLab — entity-level precision, recall and F1, overall and per type (seqeval 1.2.2).

/// True positives, predicted entities and gold entities: the sufficient statistics of entity F1.
public struct EntityCounts: Equatable, Sendable {
  /// Entities present with the same type and span in gold and prediction.
  public var truePositives: Int
  /// Predicted entities.
  public var predicted: Int
  /// Gold entities (seqeval's `support`).
  public var gold: Int

  /// Creates counts.
  public init(truePositives: Int = 0, predicted: Int = 0, gold: Int = 0) {
    self.truePositives = truePositives
    self.predicted = predicted
    self.gold = gold
  }

  /// Precision, recall and F1 with seqeval's rules: a zero denominator gives 0, and
  /// `F1 = 2·P·R / (P + R)` evaluated in that order.
  public var scores: PrecisionRecallF1 {
    let precision = predicted == 0 ? 0 : Double(truePositives) / Double(predicted)
    let recall = gold == 0 ? 0 : Double(truePositives) / Double(gold)
    let denominator = precision + recall
    let f1 = denominator == 0 ? 0 : 2 * precision * recall / denominator
    return PrecisionRecallF1(precision: precision, recall: recall, f1: f1)
  }
}

/// Precision, recall and F1 in 0...1.
public struct PrecisionRecallF1: Equatable, Sendable {
  /// Correct predictions over predictions.
  public var precision: Double
  /// Correct predictions over gold items.
  public var recall: Double
  /// Harmonic mean of precision and recall.
  public var f1: Double

  /// Creates scores.
  public init(precision: Double, recall: Double, f1: Double) {
    self.precision = precision
    self.recall = recall
    self.f1 = f1
  }
}

/// Scores of one entity type.
public struct EntityTypeScores: Equatable, Sendable {
  /// The entity type.
  public var type: String
  /// Its counts.
  public var counts: EntityCounts
  /// Its precision, recall and F1.
  public var scores: PrecisionRecallF1
}

/// seqeval's `classification_report` and overall scores for a set of tag sequences.
public struct EntityF1Report: Sendable {
  /// The mode the entities were read with.
  public var mode: EntityMode
  /// One row per entity type that occurs in gold or prediction, in code-point order.
  public var perType: [EntityTypeScores]
  /// Summed counts over types.
  public var totals: EntityCounts
  /// The micro average: seqeval's overall precision, recall and F1 (`overall_f1` in HF).
  public var micro: PrecisionRecallF1
  /// The unweighted mean of the per-type scores; 0 when there are no types (seqeval gives NaN).
  public var macro: PrecisionRecallF1
  /// The mean of the per-type scores weighted by gold support (0 when there is no gold entity).
  public var weighted: PrecisionRecallF1
  /// Counts per input sequence, for bootstrapping over sequences; their sum is `totals`. In
  /// conlleval mode an entity belongs to the sequence where it starts.
  public var perSequence: [EntityCounts]

  /// The per-sequence counts as bootstrap items `[S, 3]` (tp, predicted, gold).
  public var sequenceStatistics: ItemStatistics {
    var values: [Double] = []
    values.reserveCapacity(perSequence.count * 3)
    for counts in perSequence {
      values += [Double(counts.truePositives), Double(counts.predicted), Double(counts.gold)]
    }
    return ItemStatistics(unchecked: values, width: 3)
  }
}

/// Entity-level scores of `predicted` against `gold`, identical to seqeval 1.2.2.
///
/// `.conlleval` is `seqeval.metrics` with `mode=None` (what every LayoutLM script and HF
/// `evaluate` report); `.strict(.iob2)` is `mode='strict', scheme=IOB2`. Entities are compared
/// as sets of `(type, span)`; zero denominators give 0 (seqeval's `zero_division='warn'`).
/// - Parameters:
///   - gold: `[S][T_s]` gold tags, one list per sequence.
///   - predicted: `[S][T_s]` predicted tags, the same shape as `gold`.
/// - Throws: `EvaluationError` when the shapes differ, a tag is empty, or (strict mode) a
///   prefix is not allowed by the scheme.
public func entityF1(gold: [[String]], predicted: [[String]], mode: EntityMode = .conlleval)
  throws -> EntityF1Report
{
  guard gold.count == predicted.count else {
    throw EvaluationError(
      source: "predicted",
      problem: "\(predicted.count) sequences, but gold has \(gold.count)")
  }
  for (index, (goldSequence, predictedSequence)) in zip(gold, predicted).enumerated()
  where goldSequence.count != predictedSequence.count {
    throw EvaluationError(
      source: "predicted", location: "sequence \(index)",
      problem: "\(predictedSequence.count) tags, but gold has \(goldSequence.count)")
  }
  var types = TypeTable()
  let goldEntities = try entityKeys(gold, mode: mode, source: "gold", types: &types)
  let predictedEntities = try entityKeys(predicted, mode: mode, source: "predicted", types: &types)

  let typeIDs = types.idsInCodePointOrder(
    Array(Set(goldEntities.map(\.type)).union(predictedEntities.map(\.type))))
  let goldSet = Set(goldEntities)
  let predictedSet = Set(predictedEntities)
  var perTypeCounts = [Int: EntityCounts]()
  var perSequence = [EntityCounts](repeating: EntityCounts(), count: gold.count)
  for entity in goldSet {
    perTypeCounts[entity.type, default: EntityCounts()].gold += 1
    perSequence[entity.sequence].gold += 1
  }
  for entity in predictedSet {
    perTypeCounts[entity.type, default: EntityCounts()].predicted += 1
    perSequence[entity.sequence].predicted += 1
    if goldSet.contains(entity) {
      perTypeCounts[entity.type, default: EntityCounts()].truePositives += 1
      perSequence[entity.sequence].truePositives += 1
    }
  }
  var rows: [EntityTypeScores] = []
  var totals = EntityCounts()
  for id in typeIDs {
    let counts = perTypeCounts[id] ?? EntityCounts()
    rows.append(EntityTypeScores(type: types.name(of: id), counts: counts, scores: counts.scores))
    totals.truePositives += counts.truePositives
    totals.predicted += counts.predicted
    totals.gold += counts.gold
  }
  return EntityF1Report(
    mode: mode, perType: rows, totals: totals, micro: totals.scores,
    macro: averaged(rows, weightedBySupport: false),
    weighted: averaged(rows, weightedBySupport: true), perSequence: perSequence)
}

/// One extracted entity, keyed as seqeval compares them.
struct EntityKey: Hashable {
  /// Interned type.
  var type: Int
  /// Start and inclusive end: global stream positions in conlleval mode, positions in the
  /// sequence in strict mode (where seqeval keys entities by sentence id too).
  var start: Int
  var end: Int
  /// The input sequence the entity starts in. Part of the key only in strict mode, where it
  /// is seqeval's `sent_id`; in conlleval mode it follows from `start`.
  var sequence: Int
}

/// Every entity of every sequence: conlleval mode concatenates with an 'O' after each sequence
/// (so positions are global), strict mode extracts sequence by sequence.
func entityKeys(_ sequences: [[String]], mode: EntityMode, source: String, types: inout TypeTable)
  throws -> [EntityKey]
{
  var keys: [EntityKey] = []
  switch mode {
  case .conlleval:
    var stream: [ParsedTag] = []
    var sequenceOfPosition: [Int] = []
    for (index, sequence) in sequences.enumerated() {
      for tag in try parseTags(sequence, mode: mode, sequence: index, source: source) {
        stream.append(ParsedTag(prefix: tag.prefix, type: types.id(of: tag.type)))
        sequenceOfPosition.append(index)
      }
      stream.append(ParsedTag(prefix: "O", type: underscoreTypeID))
      sequenceOfPosition.append(index)
    }
    for chunk in conllevalChunks(stream) {
      keys.append(
        EntityKey(
          type: chunk.type, start: chunk.start, end: chunk.end,
          sequence: sequenceOfPosition[chunk.start]))
    }
  case .strict(let scheme):
    for (index, sequence) in sequences.enumerated() {
      let tags = try parseTags(sequence, mode: mode, sequence: index, source: source).map {
        ParsedTag(prefix: $0.prefix, type: types.id(of: $0.type))
      }
      for chunk in strictChunks(tags, scheme: scheme) {
        keys.append(
          EntityKey(type: chunk.type, start: chunk.start, end: chunk.end, sequence: index))
      }
    }
  }
  return keys
}

/// seqeval's macro (`np.average`) or support-weighted average of per-type scores.
private func averaged(_ rows: [EntityTypeScores], weightedBySupport: Bool) -> PrecisionRecallF1 {
  var precision = 0.0
  var recall = 0.0
  var f1 = 0.0
  var weightSum = 0.0
  for row in rows {
    let weight = weightedBySupport ? Double(row.counts.gold) : 1
    precision += row.scores.precision * weight
    recall += row.scores.recall * weight
    f1 += row.scores.f1 * weight
    weightSum += weight
  }
  guard weightSum > 0 else { return PrecisionRecallF1(precision: 0, recall: 0, f1: 0) }
  return PrecisionRecallF1(
    precision: precision / weightSum, recall: recall / weightSum, f1: f1 / weightSum)
}
