// LayoutLab — parses `layoutlab <command> [<subcommand>] [options] [positionals]`.

import EditDistance

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the parser decided to do with an argument list.
public enum ParseOutcome {
  /// Print this help text and exit 0.
  case help(String)
  /// Print the version and exit 0.
  case version
  /// Run `command` with these arguments.
  case run(CommandSpec, ParsedArguments)
}

/// Parses arguments against a command tree.
///
/// Rules: `--name value` or `--name=value` for options, `--flag` for flags, `--` ends options,
/// `--help`/`-h` anywhere prints the help of the deepest command reached, and `--version` on the
/// root prints the version. An unknown option or command is a `UsageError` naming it.
public func parseCommandLine(_ arguments: [String], root: CommandSpec) throws -> ParseOutcome {
  var command = root
  var path = [root.name]
  var index = 0
  // Descend into subcommands.
  while index < arguments.count, !command.subcommands.isEmpty {
    let word = arguments[index]
    if word == "--help" || word == "-h" { return .help(helpText(for: command, path: path)) }
    if word == "--version", path.count == 1 { return .version }
    guard let next = command.subcommands.first(where: { $0.name == word }) else {
      if word.hasPrefix("-") {
        throw UsageError.unknownOption(
          name: String(word.drop(while: { $0 == "-" })), command: path.joined(separator: " "),
          suggestion: nil)
      }
      throw UsageError.unknownCommand(
        name: word, command: path.joined(separator: " "),
        suggestion: closestMatch(to: word, among: command.subcommands.map(\.name)))
    }
    command = next
    path.append(next.name)
    index += 1
  }
  if command.run == nil { return .help(helpText(for: command, path: path)) }
  var parsed = ParsedArguments(commandPath: path, values: [:], flags: [], positionals: [])
  var optionsEnded = false
  while index < arguments.count {
    let word = arguments[index]
    index += 1
    if optionsEnded || !word.hasPrefix("-") || word == "-" {
      parsed.positionals.append(word)
      continue
    }
    if word == "--" {
      optionsEnded = true
      continue
    }
    if word == "--help" || word == "-h" { return .help(helpText(for: command, path: path)) }
    var name = String(word.drop(while: { $0 == "-" }))
    var inlineValue: String?
    if let equals = name.firstIndex(of: "=") {
      inlineValue = String(name[name.index(after: equals)...])
      name = String(name[..<equals])
    }
    guard let option = command.options.first(where: { $0.name == name }) else {
      throw UsageError.unknownOption(
        name: name, command: path.joined(separator: " "),
        suggestion: closestMatch(to: name, among: command.options.map(\.name) + ["help"]))
    }
    if option.valueName == nil {
      if inlineValue != nil {
        throw UsageError.invalidValue(name: name, value: inlineValue ?? "", expected: "no value")
      }
      parsed.flags.insert(name)
      continue
    }
    let value: String
    if let inlineValue {
      value = inlineValue
    } else {
      guard index < arguments.count else { throw UsageError.missingValue(name: name) }
      value = arguments[index]
      index += 1
    }
    if option.repeatable {
      parsed.values[name, default: []].append(value)
    } else {
      parsed.values[name] = [value]
    }
  }
  return .run(command, parsed)
}

/// The help text of `command`, reached through `path`.
public func helpText(for command: CommandSpec, path: [String]) -> String {
  var lines: [String] = []
  lines.append("\(path.joined(separator: " ")) — \(command.abstract)")
  lines.append("")
  if command.subcommands.isEmpty {
    let usageOptions = command.options.isEmpty ? "" : " [options]"
    let positionals =
      command.positionals.isEmpty ? "" : " " + command.positionals.joined(separator: " ")
    lines.append("USAGE: \(path.joined(separator: " "))\(usageOptions)\(positionals)")
  } else {
    lines.append("USAGE: \(path.joined(separator: " ")) <command> [options]")
    lines.append("")
    lines.append("COMMANDS:")
    let width = command.subcommands.map(\.name.count).max() ?? 0
    for sub in command.subcommands {
      lines.append("  " + padded(sub.name, width) + "  " + sub.abstract)
    }
  }
  lines.append("")
  lines.append("OPTIONS:")
  var rows = command.options.map { option -> (String, String) in
    ("--" + option.name + (option.valueName.map { " " + $0 } ?? ""), option.help)
  }
  if path.count == 1 { rows.append(("--version", "Print the version and exit.")) }
  rows.append(("-h, --help", "Show this help and exit."))
  let width = rows.map(\.0.count).max() ?? 0
  for (left, right) in rows { lines.append("  " + padded(left, width) + "  " + right) }
  if !command.discussion.isEmpty {
    lines.append("")
    lines.append(command.discussion)
  }
  if !command.subcommands.isEmpty {
    lines.append("")
    lines.append("Run '\(path.joined(separator: " ")) <command> --help' for a command's options.")
  }
  return lines.joined(separator: "\n")
}

/// Parses and runs; prints help, version or errors, and returns the exit status.
///
/// Usage errors exit 2 with the flag's or command's name; errors thrown by a command exit 1.
public func runCommandLine(_ arguments: [String], root: CommandSpec, version: String) -> Int32 {
  do {
    switch try parseCommandLine(arguments, root: root) {
    case .help(let text):
      print(text)
      return 0
    case .version:
      print("\(root.name) \(version)")
      return 0
    case .run(let command, let parsed):
      guard let run = command.run else { return 0 }
      do {
        return try run(parsed)
      } catch let error as UsageError {
        printError(
          "error: \(error)\nRun '\(parsed.commandPath.joined(separator: " ")) --help' for usage.")
        return 2
      } catch {
        printError("error: \(error)")
        return 1
      }
    }
  } catch {
    printError("error: \(error)\nRun '\(root.name) --help' for usage.")
    return 2
  }
}

/// Writes a line to standard error.
public func printError(_ text: String) {
  var line = text
  line.append("\n")
  _ = line.withCString { fputs($0, stderr) }
}

private func padded(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
