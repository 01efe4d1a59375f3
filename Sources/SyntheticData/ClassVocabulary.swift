// LayoutLab — words of the 16 RVL-CDIP classes, with deliberate overlap inside class groups.

import Seeding

/// Per-class vocabularies for `classify` pages.
///
/// Classes come in confusable groups (letter/memo/email, form/questionnaire,
/// invoice/budget/specification, report/publication, …) that share most of their words; each
/// class adds a few keywords of its own. `text`-cue pages use their class's words and always
/// show some keywords; `layout`- and `visual`-cue pages use the neutral list shared by all.
enum ClassVocabulary {
  /// The confusable group of each class id.
  static let groupOf = [0, 1, 0, 2, 3, 4, 4, 5, 2, 3, 5, 5, 3, 1, 2, 0]

  /// Words shared by a group (index = group id).
  static let groupWords: [[String]] = [
    [
      "dear", "regards", "meeting", "attached", "please", "thank", "you", "sincerely", "re",
      "copy", "discussed", "following", "your", "letter", "request",
    ],
    [
      "name", "date", "signature", "please", "check", "answer", "section", "yes", "no", "item",
      "complete", "number", "office", "use",
    ],
    [
      "name", "file", "personal", "notes", "experience", "education", "records", "contents",
      "box", "draft", "confidential", "history",
    ],
    [
      "new", "now", "today", "offer", "announced", "city", "free", "special", "people", "week",
      "market", "brand", "more",
    ],
    [
      "results", "study", "method", "analysis", "data", "samples", "table", "figure", "tested",
      "smoke", "nicotine", "conclusion", "reference", "levels",
    ],
    [
      "total", "amount", "cost", "quantity", "unit", "price", "item", "budget", "year",
      "specification", "material", "code", "tolerance", "no.",
    ],
  ]

  /// Keywords that belong to one class only (index = class id).
  static let keywords: [[String]] = [
    ["Dear", "Sincerely", "Yours", "truly", "letterhead"],
    ["FORM", "Applicant", "print", "blank", "fill"],
    ["From:", "Sent:", "To:", "Cc:", "Subject:", "@", "wrote:"],
    ["handwritten", "scrawl", "jotted", "note", "scribbled"],
    ["SALE", "Buy", "Save", "Coupon", "Limited", "Offer"],
    ["Report", "Summary", "Objective", "Findings", "Recommendations"],
    ["Abstract", "Journal", "et al.", "Introduction", "References", "Vol."],
    ["Specification", "Tolerance", "Grade", "Dimensions", "Standard"],
    ["Folder", "FILE", "Contents", "Index", "Tab"],
    ["Daily", "News", "reported", "Press", "Editor", "yesterday"],
    ["Budget", "Fiscal", "Forecast", "Variance", "Allocation"],
    ["Invoice", "Bill", "Remit", "Due", "Payable", "Terms"],
    ["Slide", "Agenda", "Overview", "Objectives", "Next Steps"],
    ["Questionnaire", "Survey", "Respondent", "Circle", "Rate"],
    ["Resume", "Curriculum", "Vitae", "Employment", "Skills", "Degree"],
    ["MEMORANDUM", "Memo", "FROM:", "TO:", "RE:", "cc:"],
  ]

  /// Words every class uses; the only words on `layout`- and `visual`-cue pages.
  static let neutral = [
    "the", "of", "and", "to", "for", "in", "on", "with", "program", "company", "product",
    "plan", "project", "schedule", "division", "research", "sales", "office", "staff",
    "review", "status", "group", "area", "region", "period", "change", "process", "support",
    "test", "control", "development", "north", "south", "account", "service", "quality",
  ]
}

/// Draws phrases for one page: class words for `text`-cue pages, neutral words otherwise.
struct PhraseSource {
  let words: [String]
  let keywords: [String]
  let keywordRate: Double

  /// The phrase source of class `classLabel`; `neutral` ignores the class.
  init(classLabel: Int, neutral: Bool) {
    if neutral {
      words = ClassVocabulary.neutral
      keywords = []
      keywordRate = 0
    } else {
      let group = ClassVocabulary.groupOf[classLabel]
      words = ClassVocabulary.groupWords[group] + ClassVocabulary.neutral
      keywords = ClassVocabulary.keywords[classLabel]
      keywordRate = 0.25
    }
  }

  /// One word: a class keyword with probability `keywordRate`, else a shared word.
  func word(_ generator: inout SeededGenerator) -> String {
    if !keywords.isEmpty, generator.nextBool(probability: keywordRate) {
      return generator.pick(keywords, or: "")
    }
    return generator.pick(words, or: "")
  }

  /// A phrase of `count` words.
  func phrase(_ count: Int, _ generator: inout SeededGenerator) -> String {
    (0..<max(1, count)).map { _ in word(&generator) }.joined(separator: " ")
  }

  /// A title: two to four words, starting with a keyword when the page has keywords.
  func title(_ generator: inout SeededGenerator) -> String {
    let rest = phrase(generator.nextInt(in: 1...3), &generator)
    return keywords.isEmpty ? rest : generator.pick(keywords, or: "") + " " + rest
  }

  /// A number cell such as "1,250" or "37.5".
  func number(_ generator: inout SeededGenerator) -> String {
    generator.nextBool(probability: 0.5)
      ? "\(generator.nextInt(in: 1...999)),\(generator.nextInt(in: 100...999))"
      : "\(generator.nextInt(in: 1...99)).\(generator.nextInt(in: 0...9))"
  }
}
