// LayoutLab — keeping only the named sections of a report.

import XCTest

@testable import Commands

final class NotebookSectionsTests: XCTestCase {
  let report = """
    # Experiment `x`

    Intro.

    ## Entity F1

    | a |

    ### Per class

    more

    ## Uncertainty

    ```
    ## not a heading
    ```

    ## Baselines on the same splits

    | b |

    """

  func testKeepsNamedSectionsWithTheirSubsections() throws {
    XCTAssertEqual(
      try markdownSections(report, named: ["Baselines", "Entity F1"]),
      "## Entity F1\n\n| a |\n\n### Per class\n\nmore\n\n## Baselines on the same splits\n\n| b |\n"
    )
    XCTAssertEqual(
      try markdownSections(report, named: ["Uncertainty"]),
      "## Uncertainty\n\n```\n## not a heading\n```\n")
  }

  func testAMissingSectionListsTheHeadings() {
    XCTAssertThrowsError(try markdownSections(report, named: ["Entity F1", "Nope"])) { error in
      XCTAssertEqual(
        (error as? NotebookOutputError)?.problem,
        "no section 'Nope' in the report (its headings: Experiment `x`; Entity F1; Per class; "
          + "Uncertainty; Baselines on the same splits)")
    }
  }

  func testTheFenceOptionIsRead() throws {
    let document = try NotebookDocument(
      text: "```layoutlab sections='Entity F1, Baselines'\nreport x.json5\n```\n", path: "nb.md")
    XCTAssertEqual(document.blocks[0].sections, ["Entity F1", "Baselines"])
    XCTAssertThrowsError(
      try NotebookDocument(text: "```layoutlab colour=red\nreport x.json5\n```\n", path: "nb.md")
    ) { error in
      XCTAssertEqual(
        "\(error)",
        "nb.md:1: unknown block option 'colour=red' (the one option is sections='NAME,NAME')")
    }
  }
}
