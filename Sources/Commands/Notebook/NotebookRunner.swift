// LayoutLab — `layoutlab notebook run`: each block's command in order, its output under it.

import Foundation

/// How a notebook block's command ended, and what it printed to stdout.
public struct NotebookCommandResult: Equatable, Sendable {
  /// The exit status (0: success).
  public var status: Int32
  /// Everything the command wrote to standard output.
  public var stdout: String

  /// Creates a result.
  public init(status: Int32, stdout: String) {
    self.status = status
    self.stdout = stdout
  }
}

/// Runs one command line of the CLI (arguments without the leading `layoutlab`).
public typealias NotebookCommandExecutor = ([String]) throws -> NotebookCommandResult

/// What a notebook run did.
public struct NotebookRunSummary: Equatable, Sendable {
  /// Blocks run.
  public var blocks: Int
  /// Whether the notebook's text changed (with `write: false`: would change).
  public var changed: Bool

  /// Creates a summary.
  public init(blocks: Int, changed: Bool) {
    self.blocks = blocks
    self.changed = changed
  }
}

/// Runs every ` ```layoutlab ` block of the notebook at `url` in file order and writes each
/// command's output under its block between `notebookOutputBegin` and `notebookOutputEnd`,
/// replacing what an earlier run wrote there (see `notebookOutput` for what is kept).
///
/// Commands run from `workingDirectory` (relative paths in blocks resolve against it) through
/// `execute`. The file is rewritten only when its text changes, so a re-run on cached results
/// leaves it untouched, byte for byte. When a block fails, the outputs of the blocks before it
/// are written (with `write`) and the error names the notebook and the block's line.
/// - Parameters:
///   - displayPath: how errors name the notebook (the path as the user gave it).
///   - write: false to compute the new text without writing it (a check).
///   - log: one line per block as it starts.
/// - Throws: `NotebookError` for a malformed notebook, a block that runs `notebook`, a
///   command that fails or exits non-zero, or output without its report.
public func runNotebook(
  at url: URL, displayPath: String, workingDirectory: URL, write: Bool = true,
  execute: NotebookCommandExecutor, log: (String) -> Void = { _ in }
) throws -> NotebookRunSummary {
  let original: String
  do {
    original = try String(contentsOf: url, encoding: .utf8)
  } catch {
    throw NotebookError(path: displayPath, line: nil, problem: "cannot be read (\(error))")
  }
  let document = try NotebookDocument(text: original, path: displayPath)
  var outputs: [Int: String] = [:]
  func finish() throws -> Bool {
    let text = document.text(replacingOutputs: outputs)
    guard text != original else { return false }
    if write { try Data(text.utf8).write(to: url, options: .atomic) }
    return true
  }
  for (number, block) in document.blocks.enumerated() {
    let shown = "layoutlab " + block.arguments.map(shellQuoted).joined(separator: " ")
    log("[\(number + 1)/\(document.blocks.count)] \(displayPath):\(block.line): \(shown)")
    func failure(_ problem: String) throws -> NotebookError {
      _ = try finish()
      return NotebookError(path: displayPath, line: block.line, problem: problem)
    }
    if block.arguments[0] == "notebook" {
      throw try failure("a notebook block cannot run `layoutlab notebook`")
    }
    let result: NotebookCommandResult
    do {
      result = try execute(block.arguments)
    } catch {
      throw try failure("`\(shown)` could not run: \(error)")
    }
    guard result.status == 0 else {
      throw try failure("`\(shown)` exited with status \(result.status) (its messages are above)")
    }
    do {
      outputs[number] = try notebookOutput(
        arguments: block.arguments, stdout: result.stdout,
        notebookDirectory: url.deletingLastPathComponent(), workingDirectory: workingDirectory,
        sections: block.sections)
    } catch let error as NotebookOutputError {
      throw try failure(error.problem)
    }
  }
  return NotebookRunSummary(blocks: document.blocks.count, changed: try finish())
}

/// `word` as a shell would need it: bare when it is only safe characters, else single-quoted.
func shellQuoted(_ word: String) -> String {
  let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
  if !word.isEmpty, word.allSatisfy({ safe.contains($0) }) { return word }
  return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
