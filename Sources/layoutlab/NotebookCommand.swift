// LayoutLab — `layoutlab notebook run FILE.md`: executable Markdown notebooks.

import ArgumentParsing
import Commands
import Foundation

let notebookRunCommand = CommandSpec(
  name: "run",
  abstract: "Run each ```layoutlab block of a Markdown notebook and write its output under it.",
  positionals: ["FILE.md"],
  discussion: """
    A block holds one command line of this CLI (`run SPEC …`, `report SPEC`, `plan SPEC`,
    `compare A B`; a leading `layoutlab` is optional), split as a shell splits it. Blocks run
    in file order, each as a child `layoutlab` process from the current directory (or
    --directory), and their output is written under the block between
    <!-- layoutlab:output begin --> and <!-- layoutlab:output end -->, replacing what an
    earlier run wrote. `run` and `report` keep the report they wrote (a link, then its
    Markdown, headings two levels down), not their progress; a fence opened as
    ```layoutlab sections='A,B' keeps only those sections. `compare` keeps its Markdown,
    other commands their stdout as text. Progress still shows on the terminal. Runs are cached
    as usual, so a second run on cached results changes no byte. A failing block stops the
    run; the error names the notebook and the block's line. See notebooks-md/README.md.
    """,
  options: [
    .flag("check", "Write nothing; exit 1 if running the notebook would change the file."),
    .value("directory", "DIR", "Run the commands from DIR (default: the current directory)."),
  ]
) { args in
  guard args.positionals.count == 1 else {
    throw UsageError.positionalCount(
      command: "layoutlab notebook run", expected: "one FILE.md", got: args.positionals.count)
  }
  guard let executable = Bundle.main.executableURL else {
    printError("error: cannot find the layoutlab executable to run the blocks with")
    return 1
  }
  let directory = URL(
    fileURLWithPath: args.value("directory") ?? FileManager.default.currentDirectoryPath,
    isDirectory: true)
  let check = args.flag("check")
  let summary = try runNotebook(
    at: URL(fileURLWithPath: args.positionals[0]), displayPath: args.positionals[0],
    workingDirectory: directory, write: !check,
    execute: subprocessExecutor(
      executable: executable, workingDirectory: directory,
      echo: { try? FileHandle.standardError.write(contentsOf: $0) }),
    log: { printError($0) })
  let verb =
    check
    ? (summary.changed ? "would change" : "up to date")
    : (summary.changed ? "updated" : "unchanged")
  print("\(args.positionals[0]): \(summary.blocks) block(s), \(verb)")
  return check && summary.changed ? 1 : 0
}

let notebookCommand = CommandSpec(
  name: "notebook",
  abstract: "Executable Markdown notebooks: run their ```layoutlab blocks, fill in the output.",
  subcommands: [notebookRunCommand])
