// LayoutLab — entity spans from IOB2 / BIOES tag sequences, exactly as seqeval 1.2.2 finds them.

/// How entities are read from tag sequences.
public enum EntityMode: Equatable, Sendable {
  /// seqeval's default (conlleval-compatible) mode, `get_entities`: any prefix is accepted, an
  /// `I-X` without a `B-X` starts an entity, and nested input is concatenated with an `O` after
  /// each sequence (`layoutlm-reference.md` §E.1).
  case conlleval
  /// seqeval's `mode='strict'` with a scheme: an entity starts only at `B-` (or `S-` in BIOES)
  /// and is kept only when a valid end follows. A prefix the scheme does not allow is an error.
  case strict(TaggingScheme)
}

/// A tagging scheme for strict mode.
public enum TaggingScheme: String, Equatable, Sendable {
  /// `B-`, `I-`, `O` (seqeval `IOB2`).
  case iob2
  /// `B-`, `I-`, `E-`, `S-`, `O` (seqeval `IOBES`).
  case bioes
}

/// One entity: its type and the inclusive token range `start...end` within its sequence.
public struct EntitySpan: Hashable, Sendable, CustomStringConvertible {
  /// The entity type (`QUESTION`), or `_` when the tag has none.
  public var type: String
  /// First token of the entity.
  public var start: Int
  /// Last token of the entity (inclusive).
  public var end: Int

  /// Creates a span.
  public init(type: String, start: Int, end: Int) {
    self.type = type
    self.start = start
    self.end = end
  }

  public var description: String { "(\(type), \(start), \(end))" }
}

/// The entities of one flat tag sequence.
///
/// In `.conlleval` mode this is seqeval's `get_entities(tags)`; in `.strict` mode it is
/// `Tokens(tags, scheme).entities` with the end made inclusive.
/// - Throws: `EvaluationError` for an empty tag, or (strict mode) a prefix the scheme forbids.
public func extractEntities(_ tags: [String], mode: EntityMode, source: String = "tags") throws
  -> [EntitySpan]
{
  let parsed = try parseTags(tags, mode: mode, sequence: nil, source: source)
  var types = TypeTable()
  let interned = parsed.map { ParsedTag(prefix: $0.prefix, type: types.id(of: $0.type)) }
  let raw: [(type: Int, start: Int, end: Int)]
  switch mode {
  case .conlleval: raw = conllevalChunks(interned)
  case .strict(let scheme): raw = strictChunks(interned, scheme: scheme)
  }
  return raw.map { EntitySpan(type: types.name(of: $0.type), start: $0.start, end: $0.end) }
}

/// A tag split into its prefix scalar and its type, as scalars (Python compares code points).
struct ScalarTag {
  var prefix: Unicode.Scalar
  var type: [UInt32]
}

/// A tag whose type is interned to a small integer.
struct ParsedTag {
  var prefix: Unicode.Scalar
  var type: Int
}

/// Interns entity types, compared and ordered by code points as Python does.
struct TypeTable {
  private var ids: [[UInt32]: Int] = [placeholderType: underscoreTypeID]
  private(set) var scalars: [[UInt32]] = [placeholderType]

  /// The id of `type`, added when new.
  mutating func id(of type: [UInt32]) -> Int {
    if let id = ids[type] { return id }
    ids[type] = scalars.count
    scalars.append(type)
    return scalars.count - 1
  }

  /// The type's text.
  func name(of id: Int) -> String {
    var view = String.UnicodeScalarView()
    for value in scalars[id] { if let scalar = Unicode.Scalar(value) { view.append(scalar) } }
    return String(view)
  }

  /// Ids ordered by the types' code points (Python's `sorted`).
  func idsInCodePointOrder(_ subset: [Int]) -> [Int] {
    subset.sorted { scalars[$0].lexicographicallyPrecedes(scalars[$1]) }
  }
}

private let outsideScalar: Unicode.Scalar = "O"
private let dashValue: UInt32 = 0x2D
private let placeholderType: [UInt32] = [0x5F]  // "_"
/// `TypeTable` interns `_` first, so the 'O' appended after a stream has type id 0.
let underscoreTypeID = 0

/// Splits tags into prefix and type following the mode's parsing rule.
///
/// conlleval: `type = label[1:].split('-', 1)[-1] or '_'`; strict: `label[1:].strip('-') or '_'`
/// with the prefix checked against the scheme.
func parseTags(_ tags: [String], mode: EntityMode, sequence: Int?, source: String) throws
  -> [ScalarTag]
{
  var result: [ScalarTag] = []
  result.reserveCapacity(tags.count)
  for (position, label) in tags.enumerated() {
    let scalars = Array(label.unicodeScalars)
    let location =
      sequence.map { "sequence \($0), position \(position)" } ?? "position \(position)"
    guard let prefix = scalars.first else {
      throw EvaluationError(
        source: source, location: location, problem: "empty tag; expected O or B-/I-/E-/S-<type>")
    }
    let rest = scalars.dropFirst().map(\.value)
    var type: [UInt32]
    switch mode {
    case .conlleval:
      if let dash = rest.firstIndex(of: dashValue) {
        type = Array(rest[(dash + 1)...])
      } else {
        type = Array(rest)
      }
    case .strict(let scheme):
      let allowed: Set<Unicode.Scalar> =
        scheme == .iob2 ? ["B", "I", "O"] : ["B", "I", "E", "S", "O"]
      guard allowed.contains(prefix) else {
        let names = scheme == .iob2 ? "B, I, O" : "B, I, E, S, O"
        throw EvaluationError(
          source: source, location: location,
          problem:
            "invalid tag '\(label)' for strict \(scheme.rawValue); allowed prefixes: \(names)")
      }
      var slice = rest[...]
      while slice.first == dashValue { slice = slice.dropFirst() }
      while slice.last == dashValue { slice = slice.dropLast() }
      type = Array(slice)
    }
    if type.isEmpty { type = placeholderType }
    result.append(ScalarTag(prefix: prefix, type: type))
  }
  return result
}

/// seqeval `get_entities` over one stream: `(type, start, end)` with `end` inclusive.
func conllevalChunks(_ tags: [ParsedTag]) -> [(type: Int, start: Int, end: Int)] {
  var chunks: [(type: Int, start: Int, end: Int)] = []
  var previousTag = outsideScalar
  var previousType = -1  // seqeval starts with prev_type = '', which equals no real type
  var begin = 0
  for index in 0...tags.count {
    // seqeval scans `seq + ['O']`; that 'O' has type '_'.
    let tag = index < tags.count ? tags[index].prefix : outsideScalar
    let type = index < tags.count ? tags[index].type : underscoreTypeID
    if isEndOfChunk(previousTag, tag, previousType, type) {
      chunks.append((previousType, begin, index - 1))
    }
    if isStartOfChunk(previousTag, tag, previousType, type) { begin = index }
    previousTag = tag
    previousType = type
  }
  return chunks
}

private func isEndOfChunk(
  _ previousTag: Unicode.Scalar, _ tag: Unicode.Scalar, _ previousType: Int, _ type: Int
) -> Bool {
  if previousTag == "E" || previousTag == "S" { return true }
  if previousTag == "B" || previousTag == "I" {
    if tag == "B" || tag == "S" || tag == "O" { return true }
  }
  return previousTag != "O" && previousTag != "." && previousType != type
}

private func isStartOfChunk(
  _ previousTag: Unicode.Scalar, _ tag: Unicode.Scalar, _ previousType: Int, _ type: Int
) -> Bool {
  if tag == "B" || tag == "S" { return true }
  if tag == "E" || tag == "I" {
    if previousTag == "E" || previousTag == "S" || previousTag == "O" { return true }
  }
  return tag != "O" && tag != "." && previousType != type
}

/// seqeval strict-mode `Tokens.entities` over one sequence: `(type, start, end)`, `end` inclusive.
func strictChunks(_ tags: [ParsedTag], scheme: TaggingScheme) -> [(type: Int, start: Int, end: Int)]
{
  let outside = ParsedTag(prefix: outsideScalar, type: underscoreTypeID)
  var tokens = tags
  tokens.append(outside)
  var chunks: [(type: Int, start: Int, end: Int)] = []
  // seqeval also tracks the previous token, but the IOB2 and IOBES start patterns accept any.
  var index = 0
  while index < tokens.count {
    let token = tokens[index]
    if isStrictStart(token, scheme: scheme) {
      var end = index + 1
      var last = token
      while end < tokens.count, isStrictInside(tokens[end], after: last, scheme: scheme) {
        last = tokens[end]
        end += 1
      }
      if end < tokens.count, isStrictEnd(tokens[end], after: tokens[end - 1], scheme: scheme) {
        chunks.append((token.type, index, end - 1))
      }
      index = end
    } else {
      index += 1
    }
  }
  return chunks
}

private func isStrictStart(_ token: ParsedTag, scheme: TaggingScheme) -> Bool {
  token.prefix == "B" || (scheme == .bioes && token.prefix == "S")
}

private func isStrictInside(_ token: ParsedTag, after previous: ParsedTag, scheme: TaggingScheme)
  -> Bool
{
  guard previous.prefix == "B" || previous.prefix == "I", token.type == previous.type else {
    return false
  }
  return token.prefix == "I" || (scheme == .bioes && token.prefix == "E")
}

private func isStrictEnd(_ token: ParsedTag, after previous: ParsedTag, scheme: TaggingScheme)
  -> Bool
{
  switch scheme {
  case .iob2:
    guard previous.prefix == "B" || previous.prefix == "I" else { return false }
    if token.prefix == "O" || token.prefix == "B" { return true }
    return token.prefix == "I" && token.type != previous.type
  case .bioes:
    return previous.prefix == "S" || previous.prefix == "E"
  }
}
