// LayoutLab — what a notebook keeps of a command's output: the report, Markdown or plain text.

import Foundation

/// The text a notebook writes under a block whose command printed `stdout`.
///
/// - `run` and `report` print progress (to stdout and stderr) that changes from run to run,
///   and finish with a `report: PATH` line. The notebook keeps only that report: a link to it
///   and its Markdown, read from the file, with headings moved two levels down (`#` → `###`)
///   so they nest under the notebook's own, and relative links and images pointed at the
///   report's folder (with `sections`, only those sections: `markdownSections`). A report is made from stored results alone, so a second run on cached
///   results writes the same bytes.
/// - `compare` prints Markdown, which is kept, nested the same way (`compare --json`: text).
/// - Any other command's stdout is kept as text in a fenced block.
///
/// Absolute paths under `workingDirectory` are written relative to it, so a notebook reads the
/// same in every clone.
/// - Throws: a message for `run` or `report` output without a readable report.
func notebookOutput(
  arguments: [String], stdout: String, notebookDirectory: URL, workingDirectory: URL,
  sections: [String] = []
) throws -> String {
  if !sections.isEmpty, !["run", "report"].contains(arguments[0]) {
    throw NotebookOutputError(problem: "sections= applies to run and report blocks only")
  }
  let base = workingDirectory.standardizedFileURL.path + "/"
  let portable = stdout.replacingOccurrences(of: base, with: "")
  switch arguments[0] {
  case "run", "report":
    guard
      let line = portable.split(separator: "\n").last(where: { $0.hasPrefix("report: ") })
    else {
      throw NotebookOutputError(problem: "`\(arguments[0])` printed no `report: PATH` line")
    }
    let path = String(line.dropFirst("report: ".count))
    let report =
      (path.hasPrefix("/")
      ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path))
      .standardizedFileURL
    let text: String
    do {
      text = try String(contentsOf: report, encoding: .utf8)
    } catch {
      throw NotebookOutputError(problem: "cannot read the report \(path): \(error)")
    }
    let link = relativePath(from: notebookDirectory, to: report)
    let folder = relativePath(from: notebookDirectory, to: report.deletingLastPathComponent())
    let kept = sections.isEmpty ? text : try markdownSections(text, named: sections)
    return "report: [\(link)](\(link))\n\n" + nestedMarkdown(kept, linkPrefix: folder + "/")
  case "compare" where !arguments.contains("--json"):
    return nestedMarkdown(
      portable, linkPrefix: relativePath(from: notebookDirectory, to: workingDirectory) + "/")
  default:
    return fencedText(portable)
  }
}

/// A `run` or `report` block whose report cannot be found.
struct NotebookOutputError: Error {
  var problem: String
}

/// `text` in a fenced `text` block whose fence is longer than any backtick run inside.
func fencedText(_ text: String) -> String {
  var longest = 0
  var run = 0
  for character in text {
    run = character == "`" ? run + 1 : 0
    longest = max(longest, run)
  }
  let fence = String(repeating: "`", count: max(3, longest + 1))
  let body = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
  return fence + "text\n" + body + fence + "\n"
}

/// Markdown moved under another document: ATX headings two levels down (at most `######`),
/// and the targets of relative links and images `](target)` prefixed with `linkPrefix`.
/// Fenced code is left alone.
func nestedMarkdown(_ text: String, linkPrefix: String) -> String {
  var inFence = false
  return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
    let trimmed = line.drop { $0 == " " }
    if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
      inFence.toggle()
      return String(line)
    }
    if inFence { return String(line) }
    var result = String(line)
    let hashes = result.prefix { $0 == "#" }.count
    if (1...6).contains(hashes), result.dropFirst(hashes).first == " " {
      result = String(repeating: "#", count: min(hashes + 2, 6)) + result.dropFirst(hashes)
    }
    return rebasedLinks(result, prefix: linkPrefix)
  }.joined(separator: "\n")
}

/// `line` with each relative `](target)` prefixed; URLs, absolute paths and anchors are kept.
private func rebasedLinks(_ line: String, prefix: String) -> String {
  var parts = line.components(separatedBy: "](")
  for index in parts.indices.dropFirst() {
    let target = parts[index]
    let absolute = ["http://", "https://", "mailto:", "/", "#"].contains { target.hasPrefix($0) }
    if !absolute, !target.hasPrefix(")") { parts[index] = prefix + target }
  }
  return parts.joined(separator: "](")
}

/// The path of `target` relative to `directory` (`../results/x/report.md`), both made
/// absolute and standard first.
func relativePath(from directory: URL, to target: URL) -> String {
  let from = directory.standardizedFileURL.pathComponents
  let to = target.standardizedFileURL.pathComponents
  var common = 0
  while common < min(from.count, to.count), from[common] == to[common] { common += 1 }
  let parts = Array(repeating: "..", count: from.count - common) + to[common...]
  return parts.isEmpty ? "." : parts.joined(separator: "/")
}
