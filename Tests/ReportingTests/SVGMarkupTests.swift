// LayoutLab — the SVG text helpers: escaping, elements, series styles.

import XCTest

@testable import Reporting

final class SVGMarkupTests: XCTestCase {
  func testEscapingAndElements() {
    XCTAssertEqual(xmlEscaped("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;")
    XCTAssertEqual(svgElement("circle", [("r", "2")]), "<circle r=\"2\"/>")
    XCTAssertEqual(svgElement("text", [("x", "1")], text: "a&b"), "<text x=\"1\">a&amp;b</text>")
    XCTAssertEqual(svgPoints([(1, 2.005), (-0.001, 3)]), "1.00,2.00 0.00,3.00")
  }

  func testTheFirst32SeriesHaveDistinctStyles() {
    let styles = (0..<32).map { seriesStyle($0).color + "/" + seriesStyle($0).dash }
    XCTAssertEqual(Set(styles).count, 32)
    XCTAssertEqual(Set((0..<8).map { seriesStyle($0).color }).count, 8)
  }
}
