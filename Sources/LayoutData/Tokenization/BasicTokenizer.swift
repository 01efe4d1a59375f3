// LayoutLab — BERT's basic tokenizer: clean, split CJK, strip accents, lower-case, split punctuation.

import Foundation

/// BERT's pre-tokenisation, as the HF fast `BertTokenizer` does it (normaliser then
/// pre-tokeniser): remove control characters, map whitespace to spaces, put spaces around CJK
/// ideographs, then (when lower-casing) NFD and strip non-spacing marks, lower-case, split on
/// whitespace and isolate each punctuation character. Special tokens (`[CLS]`, …) written in
/// the text are kept whole, before any normalisation.
public struct BasicTokenizer: Sendable {
  /// Whether to lower-case and strip accents (uncased models).
  public var lowercase: Bool
  /// Tokens kept whole, such as `[CLS]`.
  public var specialTokens: [String]

  /// Creates a basic tokenizer.
  public init(
    lowercase: Bool = true,
    specialTokens: [String] = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
  ) {
    self.lowercase = lowercase
    self.specialTokens = specialTokens
  }

  /// The basic tokens of `text`: words, single punctuation characters, CJK characters and
  /// special tokens, in order.
  public func tokenize(_ text: String) -> [String] {
    var tokens: [String] = []
    for segment in splitOnSpecialTokens(text) {
      if segment.isSpecial {
        tokens.append(segment.text)
      } else {
        appendWords(of: segment.text, to: &tokens)
      }
    }
    return tokens
  }

  private func splitOnSpecialTokens(_ text: String) -> [(text: String, isSpecial: Bool)] {
    guard !specialTokens.isEmpty, text.contains("[") else { return [(text, false)] }
    let scalars = Array(text.unicodeScalars)
    let specials = specialTokens.map { Array($0.unicodeScalars) }
    var segments: [(text: String, isSpecial: Bool)] = []
    var current = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      var matched: [Unicode.Scalar]?
      if scalars[index] == "[" {
        for special in specials where index + special.count <= scalars.count {
          if scalars[index..<(index + special.count)].elementsEqual(special) {
            matched = special
            break
          }
        }
      }
      if let matched {
        if !current.isEmpty { segments.append((String(current), false)) }
        current = String.UnicodeScalarView()
        segments.append((String(String.UnicodeScalarView(matched)), true))
        index += matched.count
      } else {
        current.append(scalars[index])
        index += 1
      }
    }
    if !current.isEmpty { segments.append((String(current), false)) }
    return segments
  }

  private func appendWords(of text: String, to tokens: inout [String]) {
    // 1. Clean and space out CJK ideographs.
    var cleaned = String.UnicodeScalarView()
    var asciiOnly = true
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value == 0 || value == 0xFFFD || Self.isControl(scalar) { continue }
      if Self.isWhitespace(scalar) {
        cleaned.append(" ")
      } else if Self.isCJK(value) {
        cleaned.append(" ")
        cleaned.append(scalar)
        cleaned.append(" ")
        asciiOnly = false
      } else {
        if value >= 0x80 { asciiOnly = false }
        cleaned.append(scalar)
      }
    }
    // 2. Strip accents (NFD, drop non-spacing marks) and lower-case.
    var normalized = String(cleaned)
    if lowercase {
      if !asciiOnly {
        var stripped = String.UnicodeScalarView()
        for scalar in normalized.decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
          stripped.append(scalar)
        }
        normalized = String(stripped)
      }
      normalized = normalized.lowercased()
    }
    // 3. Split on whitespace and isolate punctuation.
    var word = String.UnicodeScalarView()
    for scalar in normalized.unicodeScalars {
      if Self.isWhitespace(scalar) {
        if !word.isEmpty { tokens.append(String(word)) }
        word = String.UnicodeScalarView()
      } else if Self.isPunctuation(scalar) {
        if !word.isEmpty { tokens.append(String(word)) }
        word = String.UnicodeScalarView()
        tokens.append(String(scalar))
      } else {
        word.append(scalar)
      }
    }
    if !word.isEmpty { tokens.append(String(word)) }
  }

  /// Whitespace for BERT: tab, newline, carriage return and the Unicode White_Space property.
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09, 0x0A, 0x0D: return true
    case 0..<0x80: return false
    default: return scalar.properties.isWhitespace
    }
  }

  /// Control characters (categories Cc, Cf, Cn, Co, Cs) other than tab, newline and return.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: return false
    case 0x20..<0x7F: return false
    default:
      switch scalar.properties.generalCategory {
      case .control, .format, .unassigned, .privateUse, .surrogate: return true
      default: return false
      }
    }
  }

  /// ASCII symbols and every Unicode punctuation category, as BERT counts punctuation.
  static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value)
      || (123...126).contains(value)
    {
      return true
    }
    if value < 0x80 { return false }
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      return true
    default: return false
    }
  }

  /// The CJK Unified Ideographs blocks that BERT spaces out.
  static func isCJK(_ value: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
      || (0x20000...0x2A6DF).contains(value) || (0x2A700...0x2B73F).contains(value)
      || (0x2B740...0x2B81F).contains(value) || (0x2B820...0x2CEAF).contains(value)
      || (0xF900...0xFAFF).contains(value) || (0x2F800...0x2FA1F).contains(value)
  }
}
