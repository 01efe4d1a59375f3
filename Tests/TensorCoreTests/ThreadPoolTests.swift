import XCTest

@testable import TensorCore

final class ThreadPoolTests: XCTestCase {
  func testPlaceholder() { XCTAssertEqual(1, 1) }
}
