import Foundation
import TensorCore
import XCTest

@testable import Benchmarks

final class KernelBenchmarkTests: XCTestCase {
  func testCasesCoverTheIssueList() {
    let names = kernelBenchmarkCases(pool: ThreadPool(threadCount: 1)).map(\.name)
    for required in [
      "A·B 256³", "A·B 512³", "A·B 1024³", "A·B M2048 K256 N1024", "A·B M2048 K1024 N256",
      "Aᵀ·B 1024³", "A·Bᵀ 1024³", "softmax 2048×1024", "layernorm 2048×1024", "gelu 2048×1024",
      "fwd+bwd 8×3×224×224→32 k7 s2 p3",
    ] {
      XCTAssert(names.contains(required), "missing case \(required)")
    }
  }

  func testFilterKeepsMatchingCasesOnly() {
    let pool = ThreadPool(threadCount: 1)
    let names = kernelBenchmarkCases(pool: pool, filter: "1024³").map(\.name)
    XCTAssertEqual(names, ["A·B 1024³", "Aᵀ·B 1024³", "A·Bᵀ 1024³"])
    XCTAssertEqual(kernelBenchmarkCases(pool: pool, filter: "conv2d").count, 3, "groups match too")
    XCTAssertEqual(kernelBenchmarkCases(pool: pool, filter: "no such case").count, 0)
  }

  func testJSONLineIsOneParseableObject() throws {
    let result = KernelBenchmarkResult(
      group: "gemm", name: "A·B 1024³", value: 480.5, unit: "GFLOP/s", bestMilliseconds: 4.47,
      medianMilliseconds: 4.6, repetitions: 80, threads: 2)
    let line = try jsonLine(result)
    XCTAssertFalse(line.contains("\n"))
    let decoded = try JSONDecoder().decode(KernelBenchmarkResult.self, from: Data(line.utf8))
    XCTAssertEqual(decoded, result)
    XCTAssert(tableRow(result).contains("480.5 GFLOP/s"), tableRow(result))
  }

  func testMeasureTakesTheBestRepetition() {
    var calls = 0
    let timing = measureBest(minimumRepetitions: 4, maximumRepetitions: 6, minimumSeconds: 0) {
      calls += 1
    }
    XCTAssertEqual(calls, 5, "one warm-up plus four measured runs")
    XCTAssertEqual(timing.repetitions, 4)
    XCTAssertLessThanOrEqual(timing.best, timing.median)
  }

  func testASmallCaseRunsAndProducesFiniteOutput() {
    let pool = ThreadPool(threadCount: 2)
    guard let batched = gemmBenchmarkCases(pool: pool).first(where: { $0.group == "batched_gemm" })
    else { return XCTFail("no batched GEMM case") }
    batched.run()
    XCTAssertGreaterThan(batched.amount, 0)
  }
}

final class BuildEnvironmentTests: XCTestCase {
  func testEnvironmentNamesTheVariantCPUAndThreads() throws {
    let environment = BuildEnvironment.current(threads: 3)
    XCTAssertEqual(environment.threads, 3)
    XCTAssert([128, 256, 512].contains(environment.vectorBits))
    let text = environment.lines.joined(separator: "\n")
    XCTAssert(text.contains("\(environment.vectorBits)-bit SIMD"), text)
    XCTAssert(text.contains("threads: 3"), text)
    XCTAssert(text.contains(environment.cpu), text)
    let decoded = try JSONDecoder().decode(
      BuildEnvironment.self, from: Data(try jsonLine(environment).utf8))
    XCTAssertEqual(decoded, environment)
  }

  func testPeakCasesCoverOneAndAllThreads() {
    let pool = ThreadPool(threadCount: 2)
    let cases = fmaPeakBenchmarkCases(threads: 2, pool: pool)
    XCTAssertEqual(cases.map(\.0), [1, 2])
    XCTAssertEqual(cases[1].1.amount, 2 * cases[0].1.amount)
    XCTAssertEqual(fmaPeakBenchmarkCases(threads: 1, pool: pool).count, 1)
  }
}
