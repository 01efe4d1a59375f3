// LayoutLab — declarative description of a command-line command and its options.

/// One `--long-name` option of a command.
public struct OptionSpec: Sendable {
  /// The long name without the leading dashes, in kebab case (`threads`, `out`).
  public var name: String
  /// The placeholder shown in help (`N`, `DIR`); `nil` for a boolean flag.
  public var valueName: String?
  /// One line of help text.
  public var help: String
  /// Whether the option may be given more than once (`--set a=1 --set b=2`).
  public var repeatable: Bool

  /// Creates an option that takes a value.
  public static func value(
    _ name: String, _ valueName: String, _ help: String, repeatable: Bool = false
  ) -> OptionSpec {
    OptionSpec(name: name, valueName: valueName, help: help, repeatable: repeatable)
  }

  /// Creates a boolean flag.
  public static func flag(_ name: String, _ help: String) -> OptionSpec {
    OptionSpec(name: name, valueName: nil, help: help, repeatable: false)
  }
}

/// A command: a leaf that runs, or a group of subcommands.
public struct CommandSpec: Sendable {
  /// The word that selects the command (`bench`, `kernels`).
  public var name: String
  /// One line that says what the command does.
  public var abstract: String
  /// Positional arguments for the usage line, such as `SPEC` or `IMAGE...`.
  public var positionals: [String]
  /// Longer help shown after the options.
  public var discussion: String
  /// The options this command accepts, besides `--help`.
  public var options: [OptionSpec]
  /// Subcommands; a command with subcommands has no `run`.
  public var subcommands: [CommandSpec]
  /// The action. It receives the parsed arguments and returns the process exit code.
  public var run: (@Sendable (ParsedArguments) throws -> Int32)?

  /// Creates a command.
  public init(
    name: String, abstract: String, positionals: [String] = [], discussion: String = "",
    options: [OptionSpec] = [], subcommands: [CommandSpec] = [],
    run: (@Sendable (ParsedArguments) throws -> Int32)? = nil
  ) {
    self.name = name
    self.abstract = abstract
    self.positionals = positionals
    self.discussion = discussion
    self.options = options
    self.subcommands = subcommands
    self.run = run
  }
}
