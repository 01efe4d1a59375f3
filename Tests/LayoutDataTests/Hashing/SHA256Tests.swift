// LayoutLab — SHA-256 against the FIPS 180-4 / NIST example vectors.

import XCTest

@testable import LayoutData

final class SHA256Tests: XCTestCase {
  func testNISTVectors() {
    XCTAssertEqual(
      SHA256.hexDigest([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    XCTAssertEqual(
      SHA256.hexDigest(Array("abc".utf8)),
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    XCTAssertEqual(
      SHA256.hexDigest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    XCTAssertEqual(
      SHA256.hexDigest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  func testDigestIs32Bytes() {
    let digest = SHA256.hash(Array("abc".utf8))
    XCTAssertEqual(digest.count, 32)
    XCTAssertEqual(Array(digest.prefix(4)), [0xba, 0x78, 0x16, 0xbf])
  }

  func testIncrementalUpdatesMatchOneShot() {
    let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    let expected = SHA256.hash(message)
    for split in [0, 1, 55, 56, 63, 64, 65, 127, 128, 500, 999, 1000] {
      var hasher = SHA256()
      hasher.update(Array(message[0..<split]))
      hasher.update(Array(message[split...]))
      XCTAssertEqual(hasher.finalize(), expected, "split at \(split)")
    }
  }

  func testPaddingBoundaries() {
    // 55 bytes fit the length in one block; 56 need a second block.
    XCTAssertEqual(
      SHA256.hexDigest([UInt8](repeating: 0x61, count: 55)),
      "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
    XCTAssertEqual(
      SHA256.hexDigest([UInt8](repeating: 0x61, count: 56)),
      "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
  }

  func testHexString() {
    XCTAssertEqual(SHA256.hexString([0x00, 0x0f, 0xa0, 0xff]), "000fa0ff")
  }
}
