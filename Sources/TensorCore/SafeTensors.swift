// LayoutLab — reading and writing the safetensors format.
//
// Layout: an 8-byte little-endian header length N, N bytes of JSON
// `{name: {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {String: String}}`,
// then the raw little-endian tensor bytes; offsets are relative to the end of the header.

import Foundation

/// A problem with a safetensors file; every case names the file (or buffer) it came from.
public enum SafeTensorsError: Error, CustomStringConvertible, Equatable {
  /// The file is shorter than the 8-byte header length, or than the header it announces.
  case truncatedHeader(source: String, detail: String)
  /// The header is not valid JSON or not the expected structure.
  case invalidHeader(source: String, detail: String)
  /// A tensor uses a dtype this reader does not know.
  case unknownDType(source: String, tensor: String, dtype: String)
  /// A tensor's byte range lies outside the data area or overlaps another tensor.
  case invalidOffsets(source: String, tensor: String, detail: String)
  /// Shape × element size differs from the byte range.
  case sizeMismatch(source: String, tensor: String, detail: String)
  /// No tensor with that name.
  case missingTensor(source: String, tensor: String)
  /// The tensor's dtype cannot be converted to the requested element type.
  case wrongDType(source: String, tensor: String, dtype: String, expected: String)
  /// Reading or writing the file failed.
  case io(source: String, detail: String)

  /// A one-line message naming the source and the problem.
  public var description: String {
    switch self {
    case .truncatedHeader(let source, let detail):
      return "\(source): truncated safetensors header: \(detail)"
    case .invalidHeader(let source, let detail):
      return "\(source): invalid safetensors header: \(detail)"
    case .unknownDType(let source, let tensor, let dtype):
      return "\(source): tensor '\(tensor)' has unknown dtype '\(dtype)' "
        + "(expected one of \(SafeTensorsFile.elementSizes.keys.sorted().joined(separator: ", ")))"
    case .invalidOffsets(let source, let tensor, let detail):
      return "\(source): tensor '\(tensor)' has invalid data_offsets: \(detail)"
    case .sizeMismatch(let source, let tensor, let detail):
      return "\(source): tensor '\(tensor)': \(detail)"
    case .missingTensor(let source, let tensor):
      return "\(source): no tensor named '\(tensor)'"
    case .wrongDType(let source, let tensor, let dtype, let expected):
      return "\(source): tensor '\(tensor)' has dtype \(dtype), expected \(expected)"
    case .io(let source, let detail):
      return "\(source): \(detail)"
    }
  }
}

/// One tensor's entry in a safetensors header.
public struct SafeTensorsEntry: Sendable, Equatable {
  /// `F32`, `F16`, `BF16`, `I64`, `I32`, …
  public var dtype: String
  /// Dimensions, outermost first.
  public var shape: [Int]
  /// Byte range in the data area (relative to the end of the header).
  public var byteRange: Range<Int>
}

/// A parsed safetensors file held in memory.
///
/// Reads F32 and I64 exactly; F16, BF16 convert to Float and I32 to Int64 on read.
public struct SafeTensorsFile: Sendable {
  /// Bytes per element of every dtype this reader accepts.
  static let elementSizes: [String: Int] = [
    "F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1, "U8": 1,
    "BOOL": 1,
  ]

  /// Where the bytes came from (a path or a caller-supplied label), used in errors.
  public let source: String
  /// Header entries by tensor name.
  public let entries: [String: SafeTensorsEntry]
  /// The `__metadata__` map (empty when absent).
  public let metadata: [String: String]
  private let bytes: [UInt8]
  private let dataStart: Int

  /// Reads and validates the file at `url`.
  public init(contentsOf url: URL) throws {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw SafeTensorsError.io(source: url.path, detail: "cannot read: \(error)")
    }
    try self.init(bytes: [UInt8](data), source: url.path)
  }

  /// Parses and validates safetensors `bytes`; `source` names them in errors.
  public init(bytes: [UInt8], source: String) throws {
    self.source = source
    guard bytes.count >= 8 else {
      throw SafeTensorsError.truncatedHeader(
        source: source, detail: "file has \(bytes.count) bytes, need 8 for the header length")
    }
    var length: UInt64 = 0
    for i in 0..<8 { length |= UInt64(bytes[i]) << (8 * UInt64(i)) }
    guard length <= UInt64(bytes.count - 8) else {
      throw SafeTensorsError.truncatedHeader(
        source: source,
        detail: "header length \(length) goes beyond the file (\(bytes.count - 8) bytes after it)")
    }
    let headerEnd = 8 + Int(length)
    let parsed = try SafeTensorsHeader.parse(
      Array(bytes[8..<headerEnd]), source: source, dataSize: bytes.count - headerEnd)
    entries = parsed.entries
    metadata = parsed.metadata
    self.bytes = bytes
    dataStart = headerEnd
  }

  /// Tensor names, sorted.
  public var names: [String] { entries.keys.sorted() }

  /// The entry of `name`, or `missingTensor`.
  public func entry(_ name: String) throws -> SafeTensorsEntry {
    guard let entry = entries[name] else {
      throw SafeTensorsError.missingTensor(source: source, tensor: name)
    }
    return entry
  }

  /// The shape of `name`.
  public func shape(_ name: String) throws -> [Int] { try entry(name).shape }

  /// The dtype of `name`.
  public func dtype(_ name: String) throws -> String { try entry(name).dtype }

  /// The elements of `name` as Float, row-major (F32 exact; F16 and BF16 widened).
  public func floats(_ name: String) throws -> [Float] {
    let entry = try entry(name)
    let count = entry.byteRange.count / (Self.elementSizes[entry.dtype] ?? 1)
    let start = dataStart + entry.byteRange.lowerBound
    let values = bytes.withUnsafeBytes { raw -> [Float]? in
      guard let origin = raw.baseAddress else { return nil }
      let base = origin + start
      switch entry.dtype {
      case "F32":
        // Little-endian host (x86-64): the bytes are the floats.
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
          if count > 0 {
            UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(
              from: base, byteCount: 4 * count)
          }
          initialized = count
        }
      case "F16":
        return (0..<count).map {
          Float(Float16(bitPattern: base.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self)))
        }
      case "BF16":
        return (0..<count).map {
          let high = UInt32(base.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self))
          return Float(bitPattern: high << 16)
        }
      default:
        return nil
      }
    }
    guard let values else {
      throw SafeTensorsError.wrongDType(
        source: source, tensor: name, dtype: entry.dtype, expected: "F32, F16 or BF16")
    }
    return values
  }

  /// The elements of `name` as Int64, row-major (I64 exact; I32 widened).
  public func int64s(_ name: String) throws -> [Int64] {
    let entry = try entry(name)
    let count = entry.byteRange.count / (Self.elementSizes[entry.dtype] ?? 1)
    let start = dataStart + entry.byteRange.lowerBound
    let values = bytes.withUnsafeBytes { raw -> [Int64]? in
      guard let origin = raw.baseAddress else { return nil }
      let base = origin + start
      switch entry.dtype {
      case "I64":
        return [Int64](unsafeUninitializedCapacity: count) { buffer, initialized in
          if count > 0 {
            UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(
              from: base, byteCount: 8 * count)
          }
          initialized = count
        }
      case "I32":
        return (0..<count).map {
          Int64(Int32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self)))
        }
      default:
        return nil
      }
    }
    guard let values else {
      throw SafeTensorsError.wrongDType(
        source: source, tensor: name, dtype: entry.dtype, expected: "I64 or I32")
    }
    return values
  }
}
