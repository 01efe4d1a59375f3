// LayoutLab — a spec's `task` names one registered task; the three built in come first.

import XCTest

@testable import Tasks

final class TaskRegistryTests: XCTestCase {
  func testBuiltInTasksInOrderWithTheirRecordKeys() throws {
    XCTAssertEqual(FineTuningTask.allCases.prefix(3), [.entities, .classification, .qa])
    XCTAssertTrue(try TaskRegistry.task(named: .entities) is EntityTask)
    XCTAssertTrue(try TaskRegistry.task(named: .classification) is ClassificationTask)
    XCTAssertTrue(try TaskRegistry.task(named: .qa) is QATask)
    let keys = Dictionary(uniqueKeysWithValues: TaskRegistry.outcomeTypes.map { ($0.key, 0) })
    XCTAssertNotNil(keys["fineTuning"])
    XCTAssertNotNil(keys["classification"])
    XCTAssertNotNil(keys["qa"])
  }

  func testAnUnknownTaskNamesTheKnownOnes() {
    XCTAssertThrowsError(try TaskRegistry.task(named: FineTuningTask(rawValue: "ner"))) {
      XCTAssertEqual("\($0)", "no task 'ner' (tasks: entities, classification, qa)")
    }
  }

  func testOnlyClassificationRestrictsItsSources() {
    XCTAssertNil(ClassificationTask().sourceRequirement(.rvlcdip))
    XCTAssertNotNil(ClassificationTask().sourceRequirement(.syntheticForms))
    XCTAssertNil(EntityTask().sourceRequirement(.syntheticForms))
  }
}
