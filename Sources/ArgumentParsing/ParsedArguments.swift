// LayoutLab — the parsed options and positionals of one command invocation.

/// The arguments of one command after parsing, with typed accessors that throw `UsageError`.
public struct ParsedArguments: Sendable {
  /// The command path, such as `["layoutlab", "bench", "kernels"]`.
  public var commandPath: [String]
  /// Values of options that take one, in the order given.
  public var values: [String: [String]]
  /// Boolean flags that were given.
  public var flags: Set<String>
  /// Positional arguments in order.
  public var positionals: [String]

  /// Whether the flag `--name` was given.
  public func flag(_ name: String) -> Bool { flags.contains(name) }

  /// The last value of `--name`, or `nil`.
  public func value(_ name: String) -> String? { values[name]?.last }

  /// Every value of a repeatable option `--name`.
  public func allValues(_ name: String) -> [String] { values[name] ?? [] }

  /// The value of `--name`, or a usage error naming it when it is absent.
  public func required(_ name: String) throws -> String {
    guard let value = value(name) else {
      throw UsageError.missingOption(name: name, command: commandPath.joined(separator: " "))
    }
    return value
  }

  /// The value of `--name` as an integer within `range`, or `defaultValue` when absent.
  public func int(
    _ name: String, default defaultValue: Int, in range: ClosedRange<Int> = 0...Int.max
  )
    throws -> Int
  {
    guard let text = value(name) else { return defaultValue }
    guard let parsed = Int(text), range.contains(parsed) else {
      throw UsageError.invalidValue(
        name: name, value: text,
        expected: "an integer in \(range.lowerBound)...\(range.upperBound)")
    }
    return parsed
  }

  /// The value of `--name` as a floating-point number, or `defaultValue` when absent.
  public func double(_ name: String, default defaultValue: Double) throws -> Double {
    guard let text = value(name) else { return defaultValue }
    guard let parsed = Double(text), parsed.isFinite else {
      throw UsageError.invalidValue(name: name, value: text, expected: "a finite number")
    }
    return parsed
  }

  /// The value of `--name`, which must be one of `choices`, or `defaultValue` when absent.
  public func choice(_ name: String, _ choices: [String], default defaultValue: String) throws
    -> String
  {
    guard let text = value(name) else { return defaultValue }
    guard choices.contains(text) else {
      throw UsageError.invalidValue(
        name: name, value: text, expected: "one of " + choices.joined(separator: ", "))
    }
    return text
  }
}

/// A command-line mistake; the process exits with status 2 and prints the message.
public enum UsageError: Error, Equatable, CustomStringConvertible {
  case unknownOption(name: String, command: String, suggestion: String?)
  case unknownCommand(name: String, command: String, suggestion: String?)
  case missingValue(name: String)
  case missingOption(name: String, command: String)
  case invalidValue(name: String, value: String, expected: String)
  case positionalCount(command: String, expected: String, got: Int)

  public var description: String {
    switch self {
    case .unknownOption(let name, let command, let suggestion):
      return "unknown option '--\(name)' for '\(command)'"
        + (suggestion.map { " (did you mean '--\($0)'?)" } ?? "")
    case .unknownCommand(let name, let command, let suggestion):
      return "unknown command '\(name)' for '\(command)'"
        + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
    case .missingValue(let name):
      return "option '--\(name)' needs a value"
    case .missingOption(let name, let command):
      return "'\(command)' needs '--\(name)'"
    case .invalidValue(let name, let value, let expected):
      return "option '--\(name)' got '\(value)', expected \(expected)"
    case .positionalCount(let command, let expected, let got):
      return "'\(command)' expects \(expected), got \(got) positional argument(s)"
    }
  }
}
