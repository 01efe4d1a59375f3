import XCTest

@testable import LayoutData

final class BasicTokenizerTests: XCTestCase {
  func testSplitsPunctuationAndStripsAccents() {
    let basic = BasicTokenizer()
    XCTAssertEqual(basic.tokenize("Héllo, WORLD!"), ["hello", ",", "world", "!"])
    XCTAssertEqual(basic.tokenize("R&D:"), ["r", "&", "d", ":"])
  }

  func testCJKIsSpacedAndControlCharactersRemoved() {
    let basic = BasicTokenizer()
    XCTAssertEqual(basic.tokenize("ab中文cd"), ["ab", "中", "文", "cd"])
    XCTAssertEqual(basic.tokenize("a\u{0}b\u{200B}c\u{FFFD}"), ["abc"])
    XCTAssertEqual(basic.tokenize("x\u{00A0}y\u{3000}z"), ["x", "y", "z"])
  }

  func testSpecialTokensStayWholeAndCasedModeKeepsCase() {
    XCTAssertEqual(BasicTokenizer().tokenize("[CLS]Hi[SEP]"), ["[CLS]", "hi", "[SEP]"])
    XCTAssertEqual(BasicTokenizer(lowercase: false).tokenize("Héllo"), ["Héllo"])
  }
}
