// LayoutLab — tests of the word lists: text-cue pools are distinct, values fit their keys.

import Seeding
import XCTest

@testable import SyntheticData

final class WordBankTests: XCTestCase {
  func testTextCuePoolsDoNotOverlapTheAmbiguousPool() {
    let ambiguous = Set(WordBank.ambiguous)
    XCTAssertTrue(WordBank.keys.allSatisfy { !$0.hasSuffix(":") })
    XCTAssertTrue(ambiguous.allSatisfy { !$0.contains(":") })
    XCTAssertTrue(WordBank.headers.allSatisfy { $0 == $0.uppercased() })
    XCTAssertTrue(ambiguous.allSatisfy { $0 != $0.uppercased() })
  }

  func testValuesFitTheirKeys() {
    var generator = SeededGenerator(seed: 4)
    for _ in 0..<20 {
      XCTAssertEqual(WordBank.value(forKey: "Date", &generator).filter { $0 == "/" }.count, 2)
      XCTAssertTrue(WordBank.value(forKey: "Phone", &generator).hasPrefix("("))
      let amount = WordBank.amount(&generator)
      XCTAssertTrue(amount.hasPrefix("$"))
      XCTAssertEqual(amount.split(separator: ".").last?.count, 2)
      let phrase = WordBank.ambiguousPhrase(&generator, maxWords: 2)
      XCTAssertTrue((1...2).contains(phrase.split(separator: " ").count))
    }
  }
}
