// LayoutLab — finding a notebook's ```layoutlab blocks and splicing output under them.

import Commands
import XCTest

final class NotebookDocumentTests: XCTestCase {
  let notebook = """
    # Title

    ```layoutlab
    # a comment
    layoutlab plan \\
      experiments/a.json5
    ```

    ````markdown
    ```layoutlab
    run not/executed.json5
    ```
    ````

    ~~~ layoutlab
    compare results/a results/b
    ~~~

    <!-- layoutlab:output begin -->
    old output
    <!-- layoutlab:output end -->

    The end.

    """

  func testFindsBlocksAndSkipsOtherFences() throws {
    let document = try NotebookDocument(text: notebook, path: "nb.md")
    XCTAssertEqual(document.blocks.map(\.line), [3, 15])
    XCTAssertEqual(document.blocks[0].arguments, ["plan", "experiments/a.json5"])
    XCTAssertEqual(document.blocks[1].arguments, ["compare", "results/a", "results/b"])
  }

  func testOutputsAreInsertedOrReplacedAndTheRestKept() throws {
    let document = try NotebookDocument(text: notebook, path: "nb.md")
    let text = document.text(replacingOutputs: [0: "one\n", 1: "two"])
    XCTAssertEqual(
      text,
      notebook.replacingOccurrences(
        of: "experiments/a.json5\n```\n",
        with:
          "experiments/a.json5\n```\n\n<!-- layoutlab:output begin -->\none\n<!-- layoutlab:output end -->\n"
      ).replacingOccurrences(
        of: "\n\n<!-- layoutlab:output begin -->\nold output\n",
        with: "\n\n<!-- layoutlab:output begin -->\ntwo\n"))
    // Splicing the same outputs into the result changes nothing.
    let again = try NotebookDocument(text: text, path: "nb.md")
    XCTAssertEqual(again.text(replacingOutputs: [0: "one\n", 1: "two"]), text)
    // No outputs: the text comes back unchanged.
    XCTAssertEqual(document.text(replacingOutputs: [:]), notebook)
  }

  func testErrorsNameTheFileAndLine() {
    func problem(_ text: String) -> String {
      do {
        _ = try NotebookDocument(text: text, path: "nb.md")
        return "no error"
      } catch {
        return "\(error)"
      }
    }
    XCTAssertEqual(problem("x\n```layoutlab\nrun a\n"), "nb.md:2: code fence is never closed")
    XCTAssertEqual(
      problem("```layoutlab\nrun a\nplan b\n```\n"),
      "nb.md:1: a layoutlab block holds one command line, this one has 2")
    XCTAssertEqual(
      problem("\n```layoutlab\nrun 'a\n```\n"), "nb.md:2: unterminated ' quote in: run 'a")
    XCTAssertEqual(
      problem("```layoutlab\nrun a\n```\n<!-- layoutlab:output begin -->\nx\n"),
      "nb.md:4: <!-- layoutlab:output begin --> without <!-- layoutlab:output end -->")
  }
}
