// LayoutLab — the `layoutlab` command: a thin table of subcommands over the library modules.

import ArgumentParsing
import Foundation

let version = "0.1.0"

let root = CommandSpec(
  name: "layoutlab",
  abstract: "Experiments with LayoutLM v1 and LayoutLMv2, from spec to report.",
  subcommands: [
    runCommand, reportCommand, pretrainCommand, dataCommand, ocrCommand, forwardCommand,
    scoreCommand, benchCommand,
  ])

/// The entry point: checks the CPU, then parses and runs one subcommand.
@main
enum LayoutLab {
  static func main() {
    if let problem = missingCPUFeatures() {
      printError("error: \(problem)")
      exit(1)
    }
    exit(runCommandLine(Array(CommandLine.arguments.dropFirst()), root: root, version: version))
  }
}
