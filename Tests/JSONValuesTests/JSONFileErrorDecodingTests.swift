// LayoutLab — DecodingError translated to "file: key path: expected …".

import Foundation
import JSONValues
import XCTest

final class JSONFileErrorDecodingTests: XCTestCase {
  struct Sample: Decodable {
    struct Item: Decodable { var seed: Int }
    var name: String
    var items: [Item]
  }

  func translate(_ json: String) -> String {
    do {
      _ = try JSONDecoder().decode(Sample.self, from: Data(json.utf8))
      return "decoded"
    } catch let error as DecodingError {
      return "\(JSONFileError(file: "s.json", decoding: error))"
    } catch {
      return "other \(error)"
    }
  }

  func testKeyPathsAndExpectations() {
    XCTAssertEqual(
      translate(#"{"items": []}"#), "s.json: name: expected a value (the key is missing)")
    XCTAssertEqual(translate(#"{"name": 3, "items": []}"#), "s.json: name: expected a string")
    XCTAssertEqual(
      translate(#"{"name": "a", "items": [{"seed": 1}, {"seed": "x"}]}"#),
      "s.json: items[1].seed: expected an integer")
    XCTAssertEqual(
      translate(#"{"name": null, "items": []}"#), "s.json: name: expected a string, found null")
    XCTAssertEqual(translate("{not json"), "s.json: expected valid JSON")
    XCTAssertEqual(translate("[]"), "s.json: top level: expected an object")
  }
}
