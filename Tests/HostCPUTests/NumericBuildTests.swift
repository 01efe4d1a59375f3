import Foundation
import HostCPU
import XCTest

final class NumericBuildTests: XCTestCase {
  func testTheCompiledVariantIsOneOfTheThreeWidths() {
    XCTAssert([128, 256, 512].contains(NumericBuild.vectorBits), "\(NumericBuild.vectorBits)")
    XCTAssertEqual(NumericBuild.lanes * 32, NumericBuild.vectorBits)
    XCTAssert(NumericBuild.summary.hasPrefix("\(NumericBuild.vectorBits)-bit SIMD"))
    switch NumericBuild.x86Level {
    case "x86-64-v4": XCTAssertEqual(NumericBuild.requiredCPUFeatures, NumericBuild.x86v4Features)
    case "x86-64-v3": XCTAssertEqual(NumericBuild.requiredCPUFeatures, NumericBuild.x86v3Features)
    case nil: XCTAssertEqual(NumericBuild.requiredCPUFeatures, [])
    case let other?: XCTFail("unknown level \(other)")
    }
  }

  func testThisMachineCanRunWhatItBuilt() {
    // The tests run on the machine that built them, which the manifest read.
    XCTAssertEqual(NumericBuild.missingFeatures(on: .current()), [])
    XCTAssertNil(NumericBuild.incompatibility(with: .current()))
  }

  func testAMissingFeatureIsNamedWithWhatToDo() throws {
    let required = NumericBuild.requiredCPUFeatures
    guard let dropped = required.sorted().last else {
      throw XCTSkip("this build needs no CPU features beyond the architecture's baseline")
    }
    let cpu = CPUDescription(
      modelName: "Test CPU", flags: required.subtracting([dropped]), cores: 2)
    XCTAssertEqual(NumericBuild.missingFeatures(on: cpu), [dropped])
    let message = try XCTUnwrap(NumericBuild.incompatibility(with: cpu))
    XCTAssert(message.contains(dropped), message)
    XCTAssert(message.contains("Test CPU"), message)
    XCTAssert(message.contains("rm -rf .build"), message)
  }

  func testUnknownFeaturesAreNotAnError() {
    let cpu = CPUDescription(modelName: "Apple M2", flags: nil, cores: 8)
    XCTAssertEqual(NumericBuild.missingFeatures(on: cpu), [])
  }

  func testV4IsV3PlusAVX512() {
    XCTAssert(NumericBuild.x86v3Features.isStrictSubset(of: NumericBuild.x86v4Features))
    XCTAssertEqual(
      NumericBuild.x86v4Features.subtracting(NumericBuild.x86v3Features),
      ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"])
    XCTAssert(NumericBuild.x86v3Features.isSuperset(of: ["avx2", "fma"]))
  }

  /// `Package.swift` cannot import this module, so it holds its own copy of the feature lists;
  /// this test reads the manifest and checks that the copies agree.
  func testPackageManifestListsTheSameFeatures() throws {
    let manifest = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Package.swift")
    let text = try String(contentsOf: manifest, encoding: .utf8)
    func quotedWords(after marker: String, until end: String) throws -> Set<String> {
      let start = try XCTUnwrap(text.range(of: marker), "no \(marker) in Package.swift")
      let rest = text[start.upperBound...]
      let stop = try XCTUnwrap(rest.range(of: end))
      let body = rest[..<stop.lowerBound]
      return Set(
        body.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map {
          String($0.element)
        })
    }
    let v3 = try quotedWords(after: "static let x86v3Features: Set<String> = [", until: "]")
    let v4Extra = try quotedWords(after: "x86v3Features.union([", until: "]")
    XCTAssertEqual(v3, NumericBuild.x86v3Features)
    XCTAssertEqual(v3.union(v4Extra), NumericBuild.x86v4Features)
  }
}
