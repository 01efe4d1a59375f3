// LayoutLab — splitting one command line into arguments the way a POSIX shell does.

/// A command line that cannot be split (an unterminated quote or a trailing backslash).
public struct ShellWordsError: Error, Equatable, CustomStringConvertible, Sendable {
  /// What is wrong.
  public var problem: String

  public var description: String { problem }
}

/// The words of `line`, split as `sh` splits a simple command, without expansions.
///
/// Blanks (spaces, tabs) separate words; `'…'` keeps everything literally; `"…"` keeps
/// everything but a backslash before `"`, `\`, `$` or `` ` ``, which is dropped; outside quotes a
/// backslash keeps the next character. Quotes join with neighbouring text (`a'b c'` is one word
/// `ab c`), and `''` is an empty word. No variables, globs, pipes or redirections: `$HOME` and
/// `*` are kept as written.
/// - Throws: `ShellWordsError` for an unterminated quote or a backslash at the end.
public func splitShellWords(_ line: String) throws -> [String] {
  var words: [String] = []
  var current = ""
  var inWord = false
  var characters = line.makeIterator()
  while let character = characters.next() {
    switch character {
    case " ", "\t":
      if inWord { words.append(current) }
      current = ""
      inWord = false
    case "'":
      inWord = true
      var closed = false
      while let next = characters.next() {
        if next == "'" {
          closed = true
          break
        }
        current.append(next)
      }
      if !closed { throw ShellWordsError(problem: "unterminated ' quote in: \(line)") }
    case "\"":
      inWord = true
      var closed = false
      while let next = characters.next() {
        if next == "\"" {
          closed = true
          break
        }
        if next == "\\" {
          guard let escaped = characters.next() else { break }
          if !"\"\\$`".contains(escaped) { current.append("\\") }
          current.append(escaped)
        } else {
          current.append(next)
        }
      }
      if !closed { throw ShellWordsError(problem: "unterminated \" quote in: \(line)") }
    case "\\":
      guard let escaped = characters.next() else {
        throw ShellWordsError(problem: "backslash at the end of: \(line)")
      }
      inWord = true
      current.append(escaped)
    default:
      inWord = true
      current.append(character)
    }
  }
  if inWord { words.append(current) }
  return words
}
