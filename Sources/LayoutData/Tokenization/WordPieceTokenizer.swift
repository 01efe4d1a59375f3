// LayoutLab — BERT WordPiece over a `vocab.txt`: greedy longest match with `##` continuations.

import Foundation

/// A WordPiece vocabulary: one token per line, the line number is the id.
public struct WordPieceVocabulary: Sendable {
  /// Tokens by id.
  public let tokens: [String]
  /// Ids keyed by the token's UTF-8 bytes (exact code points, no Unicode equivalence).
  let idByBytes: [[UInt8]: Int32]

  /// Creates a vocabulary from tokens in id order; a repeated token maps to its last id, as
  /// BERT's `load_vocab` does.
  public init(tokens: [String]) {
    self.tokens = tokens
    var map: [[UInt8]: Int32] = [:]
    map.reserveCapacity(tokens.count)
    for (index, token) in tokens.enumerated() { map[Array(token.utf8)] = Int32(index) }
    self.idByBytes = map
  }

  /// Reads a `vocab.txt`; an empty file or one that cannot be read throws, naming it.
  public init(file: URL) throws {
    let text: String
    do {
      text = try String(contentsOf: file, encoding: .utf8)
    } catch {
      throw DataEnvironmentError(
        "cannot read vocabulary \(file.path): \(error.localizedDescription)")
    }
    var tokens = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    if tokens.last == "" { tokens.removeLast() }
    guard !tokens.isEmpty else {
      throw DataFormatError(file: file.path, entry: "", expected: "one token per line")
    }
    self.init(tokens: tokens)
  }

  /// The id of `token`, or `nil`.
  public func id(of token: String) -> Int32? { idByBytes[Array(token.utf8)] }

  /// The number of tokens.
  public var count: Int { tokens.count }

  /// Writes the vocabulary as `vocab.txt`, one token per line.
  public func write(to file: URL) throws {
    try writeFile(Data((tokens.joined(separator: "\n") + "\n").utf8), to: file)
  }
}

/// BERT's full tokenizer: `BasicTokenizer` then WordPiece on each basic token.
public struct WordPieceTokenizer: Sendable {
  /// The vocabulary.
  public let vocabulary: WordPieceVocabulary
  /// The pre-tokenisation step.
  public let basic: BasicTokenizer
  /// Words longer than this many code points become `[UNK]`.
  public var maxCharactersPerWord = 100
  /// The id of `[UNK]`.
  public let unknownId: Int32
  /// The id of `[CLS]`.
  public let clsId: Int32
  /// The id of `[SEP]`.
  public let sepId: Int32
  /// The id of `[PAD]`.
  public let padId: Int32

  /// Creates a tokenizer; the vocabulary must hold `[UNK]`, `[CLS]`, `[SEP]` and `[PAD]`.
  public init(vocabulary: WordPieceVocabulary, lowercase: Bool = true) throws {
    func required(_ token: String) throws -> Int32 {
      guard let id = vocabulary.id(of: token) else {
        throw DataFormatError(file: "vocabulary", entry: token, expected: "the token \(token)")
      }
      return id
    }
    self.vocabulary = vocabulary
    self.unknownId = try required("[UNK]")
    self.clsId = try required("[CLS]")
    self.sepId = try required("[SEP]")
    self.padId = try required("[PAD]")
    let specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"].filter {
      vocabulary.id(of: $0) != nil
    }
    self.basic = BasicTokenizer(lowercase: lowercase, specialTokens: specials)
  }

  /// Reads `vocab.txt` and creates an uncased tokenizer.
  public init(vocabularyFile: URL, lowercase: Bool = true) throws {
    try self.init(vocabulary: try WordPieceVocabulary(file: vocabularyFile), lowercase: lowercase)
  }

  /// The token ids of `text`.
  public func encode(_ text: String) -> [Int32] {
    var ids: [Int32] = []
    for token in basic.tokenize(text) { appendPieces(of: token, to: &ids) }
    return ids
  }

  /// The tokens (strings) of `text`.
  public func tokenize(_ text: String) -> [String] {
    encode(text).map { vocabulary.tokens[Int($0)] }
  }

  /// Appends the WordPiece ids of one basic token: greedy longest match from the left, `##`
  /// on continuations, and a single `[UNK]` when any part has no match or the word is too long.
  public func appendPieces(of word: String, to ids: inout [Int32]) {
    if let whole = vocabulary.idByBytes[Array(word.utf8)] {
      ids.append(whole)
      return
    }
    let bytes = Array(word.utf8)
    // Byte offset of each code point, plus the end.
    var offsets: [Int] = []
    offsets.reserveCapacity(bytes.count + 1)
    for (index, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { offsets.append(index) }
    let characterCount = offsets.count
    offsets.append(bytes.count)
    if characterCount > maxCharactersPerWord {
      ids.append(unknownId)
      return
    }
    let mark = ids.count
    var start = 0
    var key: [UInt8] = []
    key.reserveCapacity(bytes.count + 2)
    while start < characterCount {
      var end = characterCount
      var found: Int32?
      while start < end {
        key.removeAll(keepingCapacity: true)
        if start > 0 { key.append(contentsOf: [35, 35]) }
        key.append(contentsOf: bytes[offsets[start]..<offsets[end]])
        if let id = vocabulary.idByBytes[key] {
          found = id
          break
        }
        end -= 1
      }
      guard let id = found else {
        ids.removeSubrange(mark...)
        ids.append(unknownId)
        return
      }
      ids.append(id)
      start = end
    }
  }

  /// The pieces of one document word (which may hold several basic tokens, such as `R&D:`).
  public func pieces(ofWord word: String) -> [Int32] { encode(word) }
}
