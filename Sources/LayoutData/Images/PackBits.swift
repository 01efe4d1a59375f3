// LayoutLab — PackBits run-length coding (TIFF compression 32773).

/// PackBits: a header byte n, then n+1 literal bytes (n in 0...127) or one byte repeated
/// 1-n times (n in -127...-1); -128 is skipped.
public enum PackBits {
  /// Decodes from `input` until exactly `count` bytes have been produced, appending them to
  /// `output`. Throws `.truncated` when the input ends first and `.malformed` when a run would
  /// overshoot `count`.
  public static func decode(
    _ input: UnsafeBufferPointer<UInt8>, count: Int, appendingTo output: inout [UInt8]
  ) throws {
    var produced = 0
    var i = 0
    output.reserveCapacity(output.count + min(count, 64 * input.count + 64))
    while produced < count {
      guard i < input.count else {
        throw ImageDecodingError(
          file: "<memory>", kind: .truncated,
          detail: "PackBits data ends after \(produced) of \(count) bytes")
      }
      let header = Int(Int8(bitPattern: input[i]))
      i += 1
      if header >= 0 {
        let length = header + 1
        guard i + length <= input.count else {
          throw ImageDecodingError(
            file: "<memory>", kind: .truncated, detail: "PackBits literal run cut off")
        }
        guard produced + length <= count else {
          throw ImageDecodingError(
            file: "<memory>", kind: .malformed,
            detail: "PackBits literal run overshoots the \(count) bytes expected")
        }
        output.append(contentsOf: input[i..<(i + length)])
        i += length
        produced += length
      } else if header != -128 {
        let length = 1 - header
        guard i < input.count else {
          throw ImageDecodingError(
            file: "<memory>", kind: .truncated, detail: "PackBits repeat run cut off")
        }
        guard produced + length <= count else {
          throw ImageDecodingError(
            file: "<memory>", kind: .malformed,
            detail: "PackBits repeat run overshoots the \(count) bytes expected")
        }
        output.append(contentsOf: repeatElement(input[i], count: length))
        i += 1
        produced += length
      }
    }
  }

  /// Encodes `input` (one row at a time is customary), appending to `output`. Runs of three or
  /// more equal bytes become repeat runs; the rest becomes literal runs of up to 128 bytes.
  public static func encode(_ input: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8])
  {
    let n = input.count
    var i = 0
    var literalStart = 0
    func flushLiterals(upTo end: Int) {
      var start = literalStart
      while start < end {
        let length = min(128, end - start)
        output.append(UInt8(length - 1))
        output.append(contentsOf: input[start..<(start + length)])
        start += length
      }
    }
    while i < n {
      var run = 1
      while i + run < n && run < 128 && input[i + run] == input[i] { run += 1 }
      if run >= 3 {
        flushLiterals(upTo: i)
        output.append(UInt8(bitPattern: Int8(1 - run)))
        output.append(input[i])
        i += run
        literalStart = i
      } else {
        i += run
      }
    }
    flushLiterals(upTo: n)
  }
}
