// LayoutLab — the `layoutlab` command: a thin table of subcommands over the library modules.

import ArgumentParsing
import Foundation
import HostCPU

/// The version line: the release and the numeric core's compiled variant.
let version = "0.1.0 (numeric core: \(NumericBuild.summary))"

let root = CommandSpec(
  name: "layoutlab",
  abstract: "Experiments with LayoutLM v1 and LayoutLMv2, from spec to report.",
  subcommands: [
    runCommand, planCommand, statusCommand, reportCommand, compareCommand, pretrainCommand,
    unitCommand, dataCommand, ocrCommand,
    forwardCommand,
    scoreCommand, benchCommand, envCommand, notebookCommand,
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
