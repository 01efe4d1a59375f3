import Foundation
import XCTest

@testable import TensorCore

final class VectorMathTests: XCTestCase {
  func testVectorExpAndErfAreAccurate() {
    var worstExp = 0.0
    var worstErf = 0.0
    var x: Float = -86
    while x < 88.3 {
      let v = FloatVector((0..<vectorLanes).map { min(88.36, x + Float($0) * 0.0037) })
      let e = vectorExp(v)
      let f = vectorErf(v * 0.05)
      for lane in 0..<vectorLanes {
        let ref = Foundation.exp(Double(v[lane]))
        worstExp = max(worstExp, abs(Double(e[lane]) - ref) / ref)
        let erfRef = Foundation.erf(Double(v[lane] * 0.05))
        if erfRef != 0 { worstErf = max(worstErf, abs(Double(f[lane]) - erfRef) / abs(erfRef)) }
      }
      x += 0.0591
    }
    XCTAssertLessThan(worstExp, 1e-6)
    XCTAssertLessThan(worstErf, 1e-6)
    let edges = vectorExp(FloatVector(repeating: -.infinity))
    XCTAssertEqual(edges[0], 0)
    XCTAssertEqual(vectorExp(FloatVector(repeating: 100))[3], .infinity)
    XCTAssertEqual(vectorExp(FloatVector(repeating: 0))[vectorLanes - 1], 1)
  }
}
