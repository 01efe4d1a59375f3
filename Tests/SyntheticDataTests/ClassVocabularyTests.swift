// LayoutLab — tests of class vocabularies: groups overlap, keywords are class-specific.

import LayoutData
import Seeding
import XCTest

@testable import SyntheticData

final class ClassVocabularyTests: XCTestCase {
  func testConfusableClassesShareAGroupAndKeywordsAreUnique() {
    let names = RVLCDIP.classNames
    func group(_ name: String) -> Int { ClassVocabulary.groupOf[names.firstIndex(of: name) ?? 0] }
    XCTAssertEqual(group("memo"), group("letter"))
    XCTAssertEqual(group("email"), group("letter"))
    XCTAssertEqual(group("form"), group("questionnaire"))
    XCTAssertEqual(group("invoice"), group("budget"))
    XCTAssertEqual(group("specification"), group("budget"))
    XCTAssertEqual(group("scientific report"), group("scientific publication"))
    XCTAssertEqual(ClassVocabulary.keywords.count, 16)
    var owner: [String: Int] = [:]
    for (label, words) in ClassVocabulary.keywords.enumerated() {
      for word in words {
        XCTAssertNil(owner[word], "keyword \(word) belongs to two classes")
        owner[word] = label
      }
    }
  }

  func testNeutralSourceNeverUsesClassWords() {
    var generator = SeededGenerator(seed: 1)
    let neutral = PhraseSource(classLabel: 15, neutral: true)
    let words = Set(ClassVocabulary.neutral)
    for _ in 0..<200 { XCTAssertTrue(words.contains(neutral.word(&generator))) }
    let memo = PhraseSource(classLabel: 15, neutral: false)
    XCTAssertTrue(ClassVocabulary.keywords[15].contains { memo.title(&generator).hasPrefix($0) })
  }
}
