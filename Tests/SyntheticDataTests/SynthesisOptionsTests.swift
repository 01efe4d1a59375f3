// LayoutLab — tests of option validation.

import XCTest

@testable import SyntheticData

final class SynthesisOptionsTests: XCTestCase {
  func testDefaultsAreValidAndDescribeRVLCDIPSizedPages() throws {
    let options = SynthesisOptions()
    try options.validate()
    XCTAssertEqual(options.pageWidth, 762)
    XCTAssertEqual(options.cueWeights, [0.4, 0.3, 0.3])
  }

  func testEachBadFieldIsNamed() {
    func field(_ change: (inout SynthesisOptions) -> Void) -> String {
      var options = SynthesisOptions()
      change(&options)
      do {
        try options.validate()
        return "valid"
      } catch let SynthesisError.invalidOption(field, _) {
        return field
      } catch {
        return "other"
      }
    }
    XCTAssertEqual(field { $0.cueWeights = [0, 0, 0] }, "cue-mix")
    XCTAssertEqual(field { $0.cueWeights = [1, 1] }, "cue-mix")
    XCTAssertEqual(field { $0.ocrNoise.characterError = 2 }, "char-error")
    XCTAssertEqual(field { $0.ocrNoise.boxJitter = -1 }, "box-jitter")
    XCTAssertEqual(
      field {
        $0.trainFraction = 0.95; $0.validationFraction = 0.1
      }, "train-fraction")
    XCTAssertEqual(field { $0.maxRotationDegrees = .nan }, "max-rotation")
    XCTAssertEqual(field { $0.pageHeight = 10 }, "page-height")
    XCTAssertEqual(field { $0.speckles = -3 }, "speckles")
  }
}
