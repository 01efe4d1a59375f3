// LayoutLab — the word lists that synthetic pages draw from.

import Seeding

/// Word lists and small value generators shared by every synthetic document kind.
///
/// Keys, values, headers and boilerplate are lexically distinct (the `text` cue); the ambiguous
/// pool is shared by every label (the `layout` and `visual` cues).
enum WordBank {
  /// Form keys; a `text`-cue question is one of these with a trailing colon.
  static let keys = [
    "Name", "Date", "Phone", "Fax", "Address", "Signature", "Department", "Title", "Company",
    "City", "State", "Zip", "Account No.", "Date Received", "Approved By", "Requested By",
    "Ext.", "Supervisor", "Project No.", "Cost Center", "Social Security No.", "Brand",
    "Quantity", "Budget Code", "Telephone", "Remarks", "Subject", "Location", "Due Date",
  ]

  /// Form titles for `text`-cue headers (upper case).
  static let headers = [
    "QUALITY IMPROVEMENT FORM", "PURCHASE REQUISITION", "EXPENSE REPORT", "TRAVEL REQUEST",
    "PERSONNEL ACTION", "SAMPLE REQUEST FORM", "PROJECT AUTHORIZATION", "RESEARCH PROPOSAL",
    "MARKETING SURVEY", "CHANGE NOTICE", "APPLICATION FOR EMPLOYMENT", "TEST MARKET SUMMARY",
    "PRODUCTION ORDER", "REQUEST FOR APPROVAL", "CONTRACT SUMMARY",
  ]

  /// Boilerplate for `text`-cue `other` entities.
  static let boilerplate = [
    "Please print clearly", "Return to the office by Friday", "For office use only",
    "See reverse side for instructions", "Attach receipts", "All fields are required",
    "Do not write below this line", "Copy to file", "Retain for your records",
  ]

  /// Words of instruction paragraphs (`text`-cue `other` entities spanning several lines).
  static let instructionWords = [
    "the", "form", "must", "be", "completed", "and", "returned", "to", "your", "supervisor",
    "before", "any", "work", "can", "begin.", "all", "requests", "are", "reviewed", "by",
    "committee", "within", "two", "weeks.", "please", "include", "supporting", "documents",
    "where", "applicable.", "questions", "should", "directed", "department", "office.",
    "incomplete", "forms", "will", "not", "processed.", "copies", "retained", "for", "records.",
  ]

  /// Strings that are as likely a key as a value: the pool for `layout` and `visual` cues.
  static let ambiguous = [
    "Region", "North", "South", "Brand", "Menthol", "Status", "Approved", "Filter", "Total",
    "Budget", "Carton", "Sample", "Batch", "Product", "Market", "Plant", "Blend", "Pending",
    "Lights", "Unit", "Panel", "Control", "Tobacco", "Group", "Media", "Print", "Retail",
    "Division", "Area", "Field", "Model", "Series", "Level", "Type", "Grade", "Phase", "Test",
    "Shift", "Source", "Package", "Method", "Target", "Weekly", "Annual", "Special",
  ]

  static let firstInitials = ["J.", "M.", "R.", "S.", "T.", "A.", "L.", "D.", "K.", "P."]
  static let surnames = [
    "Hamann", "Harper", "Martinez", "Wigand", "Lorillard", "Tatum", "Nelson", "Brooks",
    "Keller", "Rivera", "Chen", "Moore", "Gordon", "Patel", "Walsh", "Okafor", "Reyes",
  ]
  static let cities = [
    "Richmond", "Winston-Salem", "Louisville", "Greensboro", "Durham", "Atlanta", "Chicago",
  ]

  /// A person's name such as "J. S. Wigand".
  static func personName(_ generator: inout SeededGenerator) -> String {
    if generator.nextBool(probability: 0.5) {
      return generator.pick(firstInitials, or: "") + " " + generator.pick(surnames, or: "")
    }
    return generator.pick(firstInitials, or: "") + " " + generator.pick(firstInitials, or: "") + " "
      + generator.pick(surnames, or: "")
  }

  /// A date such as "9/3/92".
  static func date(_ generator: inout SeededGenerator) -> String {
    "\(generator.nextInt(in: 1...12))/\(generator.nextInt(in: 1...28))/\(generator.nextInt(in: 80...99))"
  }

  /// A money amount such as "$1,250.00".
  static func amount(_ generator: inout SeededGenerator) -> String {
    let whole = generator.nextInt(in: 1...99_999)
    let cents = generator.nextInt(below: 100)
    let thousands = whole / 1000
    let rest = whole % 1000
    let wholeText =
      thousands > 0
      ? "\(thousands)," + String(repeating: "0", count: rest < 10 ? 2 : rest < 100 ? 1 : 0)
        + "\(rest)"
      : "\(rest)"
    return "$" + wholeText + "." + (cents < 10 ? "0" : "") + "\(cents)"
  }

  /// A phone number such as "(919) 741-5000".
  static func phone(_ generator: inout SeededGenerator) -> String {
    "(\(generator.nextInt(in: 200...989))) \(generator.nextInt(in: 200...989))-\(generator.nextInt(in: 1000...9999))"
  }

  /// A value that fits `key` (dates for dates, names for people, and so on).
  static func value(forKey key: String, _ generator: inout SeededGenerator) -> String {
    let lower = key.lowercased()
    if lower.contains("date") { return date(&generator) }
    if lower.contains("phone") || lower.contains("fax") { return phone(&generator) }
    if lower.contains("by") || lower == "name" || lower == "supervisor" || lower == "signature" {
      return personName(&generator)
    }
    if lower.contains("no.") || lower.contains("code") || lower.contains("center") {
      return "\(generator.nextInt(in: 100...999))-\(generator.nextInt(in: 1000...9999))"
    }
    if lower == "city" || lower == "location" { return generator.pick(cities, or: "") }
    if lower == "quantity" || lower == "ext." || lower == "zip" {
      return "\(generator.nextInt(in: 1...99_999))"
    }
    switch generator.nextInt(below: 3) {
    case 0: return amount(&generator)
    case 1: return personName(&generator)
    default: return date(&generator)
    }
  }

  /// One to three words from the ambiguous pool, capitalised like a field.
  static func ambiguousPhrase(_ generator: inout SeededGenerator, maxWords: Int = 2) -> String {
    let count = generator.nextInt(in: 1...max(1, maxWords))
    var words: [String] = []
    for _ in 0..<count { words.append(generator.pick(ambiguous, or: "")) }
    return words.joined(separator: " ")
  }
}
