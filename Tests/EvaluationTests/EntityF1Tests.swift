// LayoutLab — entity F1 against seqeval 1.2.2's numbers in Fixtures/metrics.json.

import Evaluation
import XCTest

final class EntityF1Tests: XCTestCase {
  func testDefaultModeMatchesSeqevalOverallAndPerType() throws {
    let fixture = try ParityFixture.load()
    let expected = fixture.seqeval.default
    let report = try entityF1(
      gold: fixture.seqeval.y_true, predicted: fixture.seqeval.y_pred, mode: .conlleval)
    XCTAssertEqual(report.micro.precision, expected.precision, accuracy: 1e-9)
    XCTAssertEqual(report.micro.recall, expected.recall, accuracy: 1e-9)
    XCTAssertEqual(report.micro.f1, expected.f1, accuracy: 1e-9)
    let rows = Dictionary(uniqueKeysWithValues: report.perType.map { ($0.type, $0) })
    XCTAssertEqual(report.perType.map(\.type), ["ANSWER", "HEADER", "QUESTION"])
    for (name, reference) in expected.per_type {
      let row: (PrecisionRecallF1, Int)
      switch name {
      case "micro avg": row = (report.micro, report.totals.gold)
      case "macro avg": row = (report.macro, report.totals.gold)
      case "weighted avg": row = (report.weighted, report.totals.gold)
      default:
        guard let typeRow = rows[name] else { return XCTFail("missing type \(name)") }
        row = (typeRow.scores, typeRow.counts.gold)
      }
      XCTAssertEqual(row.0.precision, reference.precision, accuracy: 1e-9, name)
      XCTAssertEqual(row.0.recall, reference.recall, accuracy: 1e-9, name)
      XCTAssertEqual(row.0.f1, reference.f1, accuracy: 1e-9, name)
      XCTAssertEqual(row.1, reference.support, name)
    }
    XCTAssertEqual(expected.per_type.count, 6)
  }

  func testStrictIOB2MatchesSeqeval() throws {
    let fixture = try ParityFixture.load()
    let expected = fixture.seqeval.strict_iob2
    let report = try entityF1(
      gold: fixture.seqeval.y_true, predicted: fixture.seqeval.y_pred, mode: .strict(.iob2))
    XCTAssertEqual(report.micro.precision, expected.precision, accuracy: 1e-9)
    XCTAssertEqual(report.micro.recall, expected.recall, accuracy: 1e-9)
    XCTAssertEqual(report.micro.f1, expected.f1, accuracy: 1e-9)
  }

  func testFuzzCasesMatchSeqeval() throws {
    let cases = try SeqevalFuzzCase.load()
    XCTAssertEqual(cases.count, 90)
    for (index, testCase) in cases.enumerated() {
      var checks: [(EntityMode, SeqevalFuzzCase.Scores)] = [(.conlleval, testCase.default)]
      if let strict = testCase.strict {
        checks.append((.strict(testCase.kind == "iob2" ? .iob2 : .bioes), strict))
      }
      for (mode, expected) in checks {
        let label = "case \(index) (\(testCase.kind)), \(mode)"
        let report = try entityF1(gold: testCase.y_true, predicted: testCase.y_pred, mode: mode)
        XCTAssertEqual(report.micro.precision, expected.precision, accuracy: 1e-12, label)
        XCTAssertEqual(report.micro.recall, expected.recall, accuracy: 1e-12, label)
        XCTAssertEqual(report.micro.f1, expected.f1, accuracy: 1e-12, label)
        XCTAssertEqual(
          Set(report.perType.map(\.type)),
          Set(expected.per_type.keys).subtracting(["micro avg", "macro avg", "weighted avg"]), label
        )
        for row in report.perType {
          let reference = expected.per_type[row.type]
          XCTAssertEqual(
            row.scores.f1, reference?.f1 ?? -1, accuracy: 1e-12, label + " " + row.type)
          XCTAssertEqual(row.counts.gold, reference?.support, label + " " + row.type)
        }
        if let macro = expected.per_type["macro avg"] {
          XCTAssertEqual(report.macro.f1, macro.f1, accuracy: 1e-12, label)
          XCTAssertEqual(report.macro.recall, macro.recall, accuracy: 1e-12, label)
        } else {
          // seqeval's macro average is NaN when there is no entity; LayoutLab reports 0.
          XCTAssertTrue(report.perType.isEmpty, label)
          XCTAssertEqual(report.macro.f1, 0, label)
        }
        let weighted = expected.per_type["weighted avg"]
        XCTAssertEqual(report.weighted.f1, weighted?.f1 ?? -1, accuracy: 1e-12, label)
        XCTAssertEqual(report.weighted.precision, weighted?.precision ?? -1, accuracy: 1e-12, label)
      }
    }
  }

  func testReferenceExampleDiffersBetweenModes() throws {
    let gold = [["B-Q", "I-Q", "O", "B-A", "I-A"]]
    let predicted = [["I-Q", "I-Q", "O", "B-A", "I-A"]]
    let lenient = try entityF1(gold: gold, predicted: predicted)
    XCTAssertEqual(lenient.micro, PrecisionRecallF1(precision: 1, recall: 1, f1: 1))
    let strict = try entityF1(gold: gold, predicted: predicted, mode: .strict(.iob2))
    XCTAssertEqual(strict.micro.precision, 1)
    XCTAssertEqual(strict.micro.recall, 0.5)
    XCTAssertEqual(strict.micro.f1, 2.0 / 3.0, accuracy: 1e-12)
  }

  func testSequencesAreSeparatedAndCountedPerSequence() throws {
    // [[B-A, I-A], [I-A, O]] is (A,0,1) and (A,3,3) in the concatenated stream.
    let gold = [["B-A", "I-A"], ["I-A", "O"]]
    let predicted = [["B-A", "I-A"], ["B-A", "I-A"]]
    let report = try entityF1(gold: gold, predicted: predicted)
    XCTAssertEqual(report.totals, EntityCounts(truePositives: 1, predicted: 2, gold: 2))
    XCTAssertEqual(
      report.perSequence,
      [
        EntityCounts(truePositives: 1, predicted: 1, gold: 1),
        EntityCounts(truePositives: 0, predicted: 1, gold: 1),
      ])
    XCTAssertEqual(report.sequenceStatistics.values, [1, 1, 1, 0, 1, 1])
  }

  func testEdgeCasesGiveZerosNotTraps() throws {
    let empty = try entityF1(gold: [], predicted: [])
    XCTAssertEqual(empty.micro, PrecisionRecallF1(precision: 0, recall: 0, f1: 0))
    XCTAssertTrue(empty.perType.isEmpty)
    let allOutside = try entityF1(gold: [["B-A", "O"]], predicted: [["O", "O"]])
    XCTAssertEqual(allOutside.micro.recall, 0)
    XCTAssertEqual(allOutside.micro.precision, 0)
    XCTAssertEqual(allOutside.perType.first?.counts, EntityCounts(truePositives: 0, gold: 1))
    let emptySequences = try entityF1(gold: [[], ["O"]], predicted: [[], ["O"]])
    XCTAssertEqual(emptySequences.totals, EntityCounts())
    let loneInside = try entityF1(gold: [["I-A"]], predicted: [["I-A"]], mode: .conlleval)
    XCTAssertEqual(loneInside.micro.f1, 1)
    let loneStrict = try entityF1(gold: [["I-A"]], predicted: [["I-A"]], mode: .strict(.iob2))
    XCTAssertEqual(loneStrict.micro.f1, 0)
  }

  func testShapeMismatchNamesTheSequence() {
    XCTAssertThrowsError(try entityF1(gold: [["O"], ["O", "O"]], predicted: [["O"], ["O"]])) {
      XCTAssertEqual("\($0)", "predicted: sequence 1: 1 tags, but gold has 2")
    }
    XCTAssertThrowsError(try entityF1(gold: [["O"]], predicted: [])) {
      XCTAssertEqual("\($0)", "predicted: 0 sequences, but gold has 1")
    }
    XCTAssertThrowsError(
      try entityF1(gold: [["B-A"]], predicted: [["E-A"]], mode: .strict(.iob2))
    ) { XCTAssertTrue("\($0)".hasPrefix("predicted: sequence 0, position 0: invalid tag")) }
  }
}
