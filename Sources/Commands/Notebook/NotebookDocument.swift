// LayoutLab — a Markdown notebook: its ```layoutlab blocks and the output regions under them.

import Foundation

/// The comment that opens a block's output region.
public let notebookOutputBegin = "<!-- layoutlab:output begin -->"
/// The comment that closes a block's output region.
public let notebookOutputEnd = "<!-- layoutlab:output end -->"

/// A notebook that cannot be read or run; the description starts with `FILE:LINE:`.
public struct NotebookError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The notebook's path, as given.
  public var path: String
  /// The 1-based line the problem is at (a block's opening fence), or nil for the whole file.
  public var line: Int?
  /// What went wrong.
  public var problem: String

  /// Creates an error at `path:line`.
  public init(path: String, line: Int?, problem: String) {
    self.path = path
    self.line = line
    self.problem = problem
  }

  public var description: String {
    line.map { "\(path):\($0): \(problem)" } ?? "\(path): \(problem)"
  }
}

/// One fenced ` ```layoutlab ` block: a command line of the CLI.
public struct NotebookBlock: Equatable, Sendable {
  /// The 1-based line of the opening fence (what errors name).
  public var line: Int
  /// The command's arguments, shell-split, without a leading `layoutlab`
  /// (`["run", "experiments/x.json5", "--set", "seeds=[1]"]`).
  public var arguments: [String]
  /// From the fence's `sections='A,B'` option: the report sections to keep (by the start of
  /// their heading); empty keeps the whole report.
  public var sections: [String]
  /// 0-based index of the closing fence's line.
  var closingFence: Int
  /// Lines after the closing fence that the previous output occupies (blank lines, the
  /// markers and what is between them); empty when there is none yet.
  var outputLines: Range<Int>
}

/// A Markdown notebook split into lines, with its ` ```layoutlab ` blocks.
///
/// A block opens with a fence of three or more backticks (or tildes) whose info string starts
/// with the word `layoutlab`, and closes with a fence of the same character at least as long.
/// Inside: one command line of the CLI; blank lines and lines starting with `#` are ignored,
/// a line ending in `\` continues on the next, and a leading `layoutlab` word is optional.
/// Fences of any other language are skipped whole, so a ` ```layoutlab ` example shown inside
/// a ` ````markdown ` fence is not run. The output region is the marker pair right after the
/// closing fence (only blank lines between). After `layoutlab`, the info string may set
/// `sections='NAME,NAME'` (shell-quoted): a `run` or `report` block then keeps only those
/// sections of its report.
public struct NotebookDocument: Equatable, Sendable {
  /// The text's lines, split on `\n` (a final newline gives a last, empty line).
  public var lines: [String]
  /// The blocks, in file order.
  public var blocks: [NotebookBlock]

  /// Reads the blocks of `text`; `path` names the file in errors.
  /// - Throws: `NotebookError` for an unclosed fence, a block without exactly one command, a
  ///   command that cannot be split, or a begin marker without its end marker.
  public init(text: String, path: String) throws {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    blocks = []
    var index = 0
    while index < lines.count {
      guard let fence = openingFence(lines[index]) else {
        index += 1
        continue
      }
      let opening = index
      index += 1
      while index < lines.count, !closes(lines[index], fence) { index += 1 }
      guard index < lines.count else {
        throw NotebookError(path: path, line: opening + 1, problem: "code fence is never closed")
      }
      if fence.isLayoutlab {
        let command = try commandLine(
          Array(lines[(opening + 1)..<index]), path: path, line: opening + 1)
        let output = try outputRegion(after: index, path: path)
        blocks.append(
          NotebookBlock(
            line: opening + 1, arguments: command,
            sections: try sectionsOption(fence.info, path: path, line: opening + 1),
            closingFence: index, outputLines: output))
      }
      index += 1
    }
  }

  /// The notebook's text with each block's output region replaced by `outputs[i]` (the text
  /// between the markers) for the blocks that have one; other regions stay as they are.
  public func text(replacingOutputs outputs: [Int: String]) -> String {
    var result: [String] = []
    var next = 0
    for (number, block) in blocks.enumerated() {
      guard let output = outputs[number] else { continue }
      result += lines[next...block.closingFence]
      var body = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if body.last == "" { body.removeLast() }
      result += ["", notebookOutputBegin] + body + [notebookOutputEnd]
      next = block.outputLines.isEmpty ? block.closingFence + 1 : block.outputLines.upperBound
    }
    result += lines[next...]
    return result.joined(separator: "\n")
  }

  /// The lines after the fence at `closing` that hold the previous output, if any.
  private func outputRegion(after closing: Int, path: String) throws -> Range<Int> {
    var index = closing + 1
    while index < lines.count, isBlank(lines[index]) { index += 1 }
    guard index < lines.count, trimmed(lines[index]) == notebookOutputBegin else {
      return (closing + 1)..<(closing + 1)
    }
    let begin = index
    while index < lines.count, trimmed(lines[index]) != notebookOutputEnd { index += 1 }
    guard index < lines.count else {
      throw NotebookError(
        path: path, line: begin + 1, problem: "\(notebookOutputBegin) without \(notebookOutputEnd)")
    }
    return (closing + 1)..<(index + 1)
  }
}

private struct Fence {
  var character: Character
  var length: Int
  var isLayoutlab: Bool
  /// The info string (`layoutlab sections='A,B'`).
  var info: String
}

private func openingFence(_ line: String) -> Fence? {
  let text = line.drop { $0 == " " }
  guard line.count - text.count <= 3, let character = text.first,
    character == "`" || character == "~"
  else { return nil }
  let length = text.prefix { $0 == character }.count
  guard length >= 3 else { return nil }
  let info = text.dropFirst(length).trimmingCharacters(in: .whitespacesAndNewlines)
  if character == "`", info.contains("`") { return nil }
  let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? ""
  return Fence(
    character: character, length: length, isLayoutlab: language == "layoutlab", info: info)
}

private func closes(_ line: String, _ fence: Fence) -> Bool {
  let text = trimmed(line)
  return text.count >= fence.length && text.allSatisfy { $0 == fence.character }
}

/// The one command of a block's lines, shell-split, without a leading `layoutlab`.
private func commandLine(_ body: [String], path: String, line: Int) throws -> [String] {
  var commands: [String] = []
  var pending = ""
  for text in body.map(trimmed) {
    if pending.isEmpty, text.isEmpty || text.hasPrefix("#") { continue }
    if text.hasSuffix("\\") {
      pending += text.dropLast() + " "
      continue
    }
    commands.append(pending + text)
    pending = ""
  }
  if !pending.isEmpty { commands.append(pending) }
  guard commands.count == 1 else {
    throw NotebookError(
      path: path, line: line,
      problem: "a layoutlab block holds one command line, this one has \(commands.count)")
  }
  do {
    var words = try splitShellWords(commands[0])
    if words.first == "layoutlab" { words.removeFirst() }
    guard !words.isEmpty else {
      throw NotebookError(path: path, line: line, problem: "the block names no command")
    }
    return words
  } catch let error as ShellWordsError {
    throw NotebookError(path: path, line: line, problem: error.problem)
  }
}

/// The `sections=` option of a block's info string, split on commas.
private func sectionsOption(_ info: String, path: String, line: Int) throws -> [String] {
  do {
    var sections: [String] = []
    for word in try splitShellWords(info).dropFirst() {
      guard word.hasPrefix("sections=") else {
        throw NotebookError(
          path: path, line: line,
          problem: "unknown block option '\(word)' (the one option is sections='NAME,NAME')")
      }
      sections += word.dropFirst("sections=".count).split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
    }
    return sections
  } catch let error as ShellWordsError {
    throw NotebookError(path: path, line: line, problem: error.problem)
  }
}

private func trimmed(_ line: String) -> String {
  line.trimmingCharacters(in: .whitespacesAndNewlines)
}

private func isBlank(_ line: String) -> Bool { trimmed(line).isEmpty }
