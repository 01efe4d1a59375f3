// LayoutLab — shell-style splitting of a notebook block's command line.

import Commands
import XCTest

final class ShellWordsTests: XCTestCase {
  func testSplitsLikeAShell() throws {
    XCTAssertEqual(
      try splitShellWords("run  experiments/a.json5\t--jobs 2"),
      ["run", "experiments/a.json5", "--jobs", "2"])
    XCTAssertEqual(
      try splitShellWords(#"run x --set 'seeds=[1, 2]' --set "name=a \"b\"" c\ d"#),
      ["run", "x", "--set", "seeds=[1, 2]", "--set", #"name=a "b""#, "c d"])
    XCTAssertEqual(try splitShellWords("a'b c'd ''"), ["ab cd", ""])
    XCTAssertEqual(try splitShellWords(#""a\nb" $HOME *"#), [#"a\nb"#, "$HOME", "*"])
    XCTAssertEqual(try splitShellWords("   "), [])
  }

  func testUnterminatedQuotesAreErrors() {
    XCTAssertThrowsError(try splitShellWords("run 'x")) { error in
      XCTAssertTrue("\(error)".contains("unterminated '"), "\(error)")
    }
    XCTAssertThrowsError(try splitShellWords(#"run "x"#))
    XCTAssertThrowsError(try splitShellWords(#"run x\"#))
  }
}
