// LayoutLab — tests of form templates and the template holdout.

import XCTest

@testable import SyntheticData

final class FormTemplateTests: XCTestCase {
  func testTemplatesAreStableAndVaried() {
    XCTAssertEqual(FormTemplate(id: 3).keyColumnWidth, FormTemplate(id: 3).keyColumnWidth)
    let templates = (0..<FormTemplate.count).map(FormTemplate.init(id:))
    XCTAssertGreaterThan(Set(templates.map(\.margin)).count, 4)
    XCTAssertEqual(Set(templates.map(\.columns)), [1, 2])
    XCTAssertEqual(Set(templates.map(\.headerScale)), [3, 4])
  }

  func testHoldoutSeparatesTrainAndTestTemplates() {
    let train = Set(FormTemplate.ids(holdout: true, testSplit: false))
    let test = Set(FormTemplate.ids(holdout: true, testSplit: true))
    XCTAssertTrue(train.isDisjoint(with: test))
    XCTAssertEqual(train.count + test.count, FormTemplate.count)
    XCTAssertEqual(FormTemplate.ids(holdout: false, testSplit: true).count, FormTemplate.count)
  }
}
