// LayoutLab — a block's `sections=` option: only the named sections of a report.

/// The sections of Markdown `text` whose ATX heading text starts with one of `names`: each
/// from its heading to the next heading of the same or a higher level (its subsections come
/// with it), in document order, joined by blank lines. Fenced code is never a heading.
/// - Throws: a message naming the first name no heading starts with, and the headings there
///   are.
func markdownSections(_ text: String, named names: [String]) throws -> String {
  var kept: [[String]] = []
  var level: Int?
  var inFence = false
  var headings: [String] = []
  var found = Set<String>()
  for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
    let trimmed = line.drop { $0 == " " }
    if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
    let hashes = line.prefix { $0 == "#" }.count
    if !inFence, (1...6).contains(hashes), line.dropFirst(hashes).first == " " {
      let title = String(line.dropFirst(hashes + 1))
      headings.append(title)
      if let open = level, hashes <= open { level = nil }
      if level == nil, let name = names.first(where: { title.hasPrefix($0) }) {
        found.insert(name)
        level = hashes
        kept.append([])
      }
    }
    if level != nil { kept[kept.count - 1].append(line) }
  }
  if let missing = names.first(where: { !found.contains($0) }) {
    throw NotebookOutputError(
      problem: "no section '\(missing)' in the report (its headings: "
        + headings.joined(separator: "; ") + ")")
  }
  return kept.map { lines in
    var section = lines
    while section.last?.allSatisfy({ $0 == " " }) == true { section.removeLast() }
    return section.joined(separator: "\n")
  }.joined(separator: "\n\n") + "\n"
}
