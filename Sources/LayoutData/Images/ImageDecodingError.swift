// LayoutLab — the one error type of the image codecs.

/// A PNG, TIFF, zlib or PackBits stream that cannot be decoded (or an image that cannot be
/// encoded). `file` names the file (or `<memory>` for bytes with no file), `kind` says what
/// sort of problem it is and `detail` says what exactly was expected.
public struct ImageDecodingError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The sort of problem.
  public enum Kind: String, Sendable, Equatable {
    /// The data ends before the format says it should.
    case truncated
    /// Neither a PNG nor a TIFF signature, or a damaged one.
    case badSignature = "bad signature"
    /// A CRC-32 or Adler-32 does not match the data.
    case badChecksum = "bad checksum"
    /// A valid file using a feature this decoder does not implement.
    case unsupported
    /// Values that break the format's rules (bad zlib stream, invalid Huffman code, ...).
    case malformed
    /// The file could not be read at all.
    case unreadable
    /// The image given to an encoder is inconsistent.
    case invalidImage = "invalid image"
  }

  /// The file the bytes came from, or `<memory>`.
  public var file: String
  /// The sort of problem.
  public var kind: Kind
  /// What was found and what was expected.
  public var detail: String

  /// An error about `file`.
  public init(file: String, kind: Kind, detail: String) {
    self.file = file
    self.kind = kind
    self.detail = detail
  }

  /// `file: kind: detail`, e.g. `page.png: bad checksum: CRC-32 of chunk IDAT ...`.
  public var description: String { "\(file): \(kind.rawValue): \(detail)" }

  /// The same error, naming `file` instead.
  func naming(_ file: String) -> ImageDecodingError {
    ImageDecodingError(file: file, kind: kind, detail: detail)
  }
}

/// Runs `body`, re-labelling any `ImageDecodingError` it throws with `file`.
func labellingErrors<T>(with file: String, _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as ImageDecodingError {
    throw error.naming(file)
  }
}
