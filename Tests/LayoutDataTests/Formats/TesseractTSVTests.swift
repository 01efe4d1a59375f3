import Foundation
import XCTest

@testable import LayoutData

final class TesseractTSVTests: XCTestCase {
  let sample = """
    level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
    1\t1\t0\t0\t0\t0\t0\t0\t800\t1000\t-1\t
    2\t1\t1\t0\t0\t0\t10\t10\t300\t50\t-1\t
    4\t1\t1\t1\t1\t0\t10\t10\t300\t20\t-1\t
    5\t1\t1\t1\t1\t1\t10\t10\t100\t20\t96.5\tHello
    5\t1\t1\t1\t1\t2\t120\t10\t190\t20\t91\tworld
    5\t1\t1\t1\t1\t3\t320\t10\t5\t20\t95\t 
    5\t1\t1\t1\t2\t1\t10\t40\t50\t20\t88\tBye

    """

  func testParsesWordsLinesAndPageSize() throws {
    let document = try TesseractTSV.parse(sample, file: "s.tsv", documentId: "s")
    XCTAssertEqual(document.pageWidth, 800)
    XCTAssertEqual(document.pageHeight, 1000)
    XCTAssertEqual(document.words.map(\.text), ["Hello", "world", "Bye"])
    XCTAssertEqual(document.words[1].box, BoundingBox(x0: 120, y0: 10, x1: 310, y1: 30))
    XCTAssertEqual(document.lines.map(\.wordIndices), [[0, 1], [2]])
    XCTAssertEqual(document.lines[0].text, "Hello world")
  }

  func testWriterRoundTrip() throws {
    let document = try TesseractTSV.parse(sample, file: "s.tsv", documentId: "s")
    let again = try TesseractTSV.parse(TesseractTSV.tsv(document), file: "t.tsv", documentId: "s")
    XCTAssertEqual(again, document)
  }

  func testMalformedRowsNameTheLine() {
    let badColumns = "level\tpage_num\n1\t1\t0\t0\t0\t0\t0\t0\t800\t1000\t-1\t\n5\t1\t1\n"
    XCTAssertThrowsError(try TesseractTSV.parse(badColumns, file: "b.tsv", documentId: "b")) {
      XCTAssertEqual("\($0)", "b.tsv: line 3: expected 12 tab-separated columns, got 3")
    }
    let badNumber = "1\t1\t0\t0\t0\t0\t0\t0\t8x0\t1000\t-1\t\n"
    XCTAssertThrowsError(try TesseractTSV.parse(badNumber, file: "b.tsv", documentId: "b")) {
      XCTAssertTrue("\($0)".contains("line 1 column 9 (width) '8x0'"), "\($0)")
    }
    XCTAssertThrowsError(try TesseractTSV.parse("", file: "e.tsv", documentId: "e")) {
      XCTAssertTrue("\($0)".contains("e.tsv: level 1 row"), "\($0)")
    }
  }

  func testHugeCoordinatesAreRefusedNamingLineAndColumn() {
    let huge = "1\t1\t0\t0\t0\t0\t9223372036854775807\t0\t800\t1000\t-1\t\n"
    XCTAssertThrowsError(try TesseractTSV.parse(huge, file: "h.tsv", documentId: "h")) {
      XCTAssertEqual(
        "\($0)",
        "h.tsv: line 1 column 7 (left): expected a pixel value in -1048576...1048576, "
          + "found 9223372036854775807")
    }
    let tall = "1\t1\t0\t0\t0\t0\t0\t5\t800\t-3\t-1\t\n"
    XCTAssertThrowsError(try TesseractTSV.parse(tall, file: "h.tsv", documentId: "h")) {
      XCTAssertTrue("\($0)".contains("line 1 column 10 (height)"), "\($0)")
    }
  }

  func testALongFieldIsEchoedCutTo200Characters() {
    let long = String(repeating: "x", count: 3_000_000)
    let row = "1\t1\t0\t0\t0\t0\t\(long)\t0\t800\t1000\t-1\t\n"
    XCTAssertThrowsError(try TesseractTSV.parse(row, file: "l.tsv", documentId: "l")) {
      let message = "\($0)"
      XCTAssertLessThan(message.count, 400)
      XCTAssertTrue(message.contains("'" + String(repeating: "x", count: 200) + "…'"), message)
    }
  }
}
