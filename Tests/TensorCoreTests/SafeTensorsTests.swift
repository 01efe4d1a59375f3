import Foundation
import XCTest
import _TestSupport

@testable import TensorCore

final class SafeTensorsTests: XCTestCase {
  private func sample() throws -> [UInt8] {
    var writer = SafeTensorsWriter(metadata: ["format": "pt", "note": "test"])
    try writer.add("w", floats: [1, -2.5, 3, .infinity, 0, 1e-30], shape: [2, 3])
    try writer.add("ids", int64s: [0, -1, Int64.max], shape: [3])
    try writer.add("empty", floats: [], shape: [0, 4])
    try writer.add("scalar", floats: [42], shape: [])
    return try writer.serialized()
  }

  func testRoundTripKeepsValuesShapesAndMetadata() throws {
    let file = try SafeTensorsFile(bytes: try sample(), source: "sample")
    XCTAssertEqual(file.names, ["empty", "ids", "scalar", "w"])
    XCTAssertEqual(try file.shape("w"), [2, 3])
    XCTAssertEqual(try file.dtype("ids"), "I64")
    XCTAssertEqual(bits(try file.floats("w")), bits([1, -2.5, 3, .infinity, 0, 1e-30]))
    XCTAssertEqual(try file.int64s("ids"), [0, -1, Int64.max])
    XCTAssertEqual(try file.floats("empty"), [])
    XCTAssertEqual(try file.floats("scalar"), [42])
    XCTAssertEqual(file.metadata, ["format": "pt", "note": "test"])
    // Tensors start 8-byte aligned and are laid out in name order.
    let bytes = try sample()
    var headerLength = 0
    for i in 0..<8 { headerLength |= Int(bytes[i]) << (8 * i) }
    XCTAssertEqual(headerLength % 8, 0)
    XCTAssertEqual(file.entries["ids"]?.byteRange, 0..<24)
    XCTAssertEqual(file.entries["scalar"]?.byteRange, 24..<28)
  }

  func testWriteIsAtomicAndReadable() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "safetensors-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("t.safetensors")
    var writer = SafeTensorsWriter()
    try writer.add("a", floats: [1, 2], shape: [2])
    try writer.write(to: url)
    try writer.add("a", floats: [3, 4, 5], shape: [3])
    try writer.write(to: url)
    XCTAssertEqual(try SafeTensorsFile(contentsOf: url).floats("a"), [3, 4, 5])
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: folder.path), ["t.safetensors"])
    XCTAssertThrowsError(try writer.add("bad", floats: [1], shape: [2]))
  }

  func testConvertsF16BF16AndI32() throws {
    let header =
      #"{"h":{"dtype":"F16","shape":[2],"data_offsets":[0,4]},"#
      + #""b":{"dtype":"BF16","shape":[2],"data_offsets":[4,8]},"#
      + #""i":{"dtype":"I32","shape":[2],"data_offsets":[8,16]}}"#
    var bytes = lengthPrefix(header.utf8.count) + Array(header.utf8)
    bytes += [0x00, 0x3C, 0x00, 0xC1]  // F16 1.0, -2.5
    bytes += [0x80, 0x3F, 0x40, 0xC0]  // BF16 1.0, -3.0
    bytes += [0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0, 0, 0]  // I32 -1, 7
    let file = try SafeTensorsFile(bytes: bytes, source: "mixed")
    XCTAssertEqual(try file.floats("h"), [1, -2.5])
    XCTAssertEqual(try file.floats("b"), [1, -3])
    XCTAssertEqual(try file.int64s("i"), [-1, 7])
    XCTAssertThrowsError(try file.int64s("h"))
    XCTAssertThrowsError(try file.floats("i"))
  }

  private func lengthPrefix(_ n: Int) -> [UInt8] { (0..<8).map { UInt8((n >> (8 * $0)) & 0xFF) } }

  private func error(_ header: String, data: Int = 16) -> String {
    let bytes =
      lengthPrefix(header.utf8.count) + Array(header.utf8)
      + [UInt8](repeating: 0, count: data)
    do {
      _ = try SafeTensorsFile(bytes: bytes, source: "case.safetensors")
      return "no error"
    } catch {
      return "\(error)"
    }
  }

  func testErrorsNameTheFileAndTheProblem() {
    let cases: [(String, String)] = [
      ("{nope", "not valid JSON"),
      (#"{"a":{"dtype":"F32","shape":[2]}}"#, "missing field 'data_offsets'"),
      (#"{"a":{"dtype":"Q7","shape":[1],"data_offsets":[0,4]}}"#, "unknown dtype 'Q7'"),
      (#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,40]}}"#, "not a range inside"),
      (#"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, "needs 12 bytes"),
      (#"{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#, "negative dimension"),
      (
        #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"#
          + #""b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#, "overlaps tensor 'a'"
      ),
      (#"{"a":{"dtype":"F32","shape":["x"],"data_offsets":[0,4]}}"#, "expected"),
    ]
    for (header, expected) in cases {
      let message = error(header)
      XCTAssert(message.contains("case.safetensors"), message)
      XCTAssert(message.contains(expected), "\(header) → \(message)")
    }
    XCTAssertThrowsError(try SafeTensorsFile(bytes: [1, 2, 3], source: "short")) {
      XCTAssert("\($0)".contains("short: truncated safetensors header"), "\($0)")
    }
    XCTAssertThrowsError(try SafeTensorsFile(bytes: lengthPrefix(1 << 40) + [0], source: "big")) {
      XCTAssert("\($0)".contains("goes beyond the file"), "\($0)")
    }
    XCTAssertThrowsError(try SafeTensorsFile(bytes: try sample(), source: "s").floats("zzz")) {
      XCTAssertEqual("\($0)", "s: no tensor named 'zzz'")
    }
  }

  /// Every prefix of a valid file and every single-byte corruption of its header either parses
  /// or throws; none crashes.
  func testTruncationAndCorruptionNeverCrash() throws {
    let bytes = try sample()
    var failures = 0
    for length in 0..<bytes.count {
      do {
        let file = try SafeTensorsFile(bytes: Array(bytes[0..<length]), source: "cut")
        for name in file.names { _ = try? file.floats(name) }
      } catch { failures += 1 }
    }
    XCTAssertEqual(failures, bytes.count, "every strict prefix is rejected")
    var headerLength = 0
    for i in 0..<8 { headerLength |= Int(bytes[i]) << (8 * i) }
    for position in 0..<(8 + headerLength) {
      for replacement: UInt8 in [0x00, 0xFF, 0x22, 0x39, 0x7D, 0x2D] {
        var corrupt = bytes
        corrupt[position] = replacement
        if let file = try? SafeTensorsFile(bytes: corrupt, source: "flip") {
          for name in file.names {
            _ = try? file.floats(name)
            _ = try? file.int64s(name)
          }
        }
      }
    }
  }

  func testReadsTheHFOpsFixture() throws {
    let file = try SafeTensorsFile(
      contentsOf: TestPaths.fixture("TensorCoreTests/Fixtures/ops.safetensors"))
    XCTAssertTrue(file.names.contains("conv7s2.w"))
    XCTAssertEqual(try file.shape("conv7s2.x"), [2, 3, 37, 29])
    XCTAssertEqual(try file.floats("conv7s2.x").count, 2 * 3 * 37 * 29)
    XCTAssertEqual(try file.dtype("xent.target"), "I64")
    XCTAssertEqual(try file.int64s("xent.target").count, 6)
  }
}
