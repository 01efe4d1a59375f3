// LayoutLab — decoding and validating a safetensors JSON header.

import Foundation

/// The decoded header: entries by name plus `__metadata__`.
struct SafeTensorsHeader {
  var entries: [String: SafeTensorsEntry]
  var metadata: [String: String]

  /// Decodes `json` and checks every entry against a data area of `dataSize` bytes: known
  /// dtype, non-negative shape, offsets in range and non-overlapping, sizes consistent.
  static func parse(_ json: [UInt8], source: String, dataSize: Int) throws -> SafeTensorsHeader {
    let raw: RawHeader
    do {
      raw = try JSONDecoder().decode(RawHeader.self, from: Data(json))
    } catch let error as DecodingError {
      throw SafeTensorsError.invalidHeader(source: source, detail: describe(error))
    } catch {
      throw SafeTensorsError.invalidHeader(source: source, detail: "\(error)")
    }
    var entries: [String: SafeTensorsEntry] = [:]
    for (name, entry) in raw.entries {
      guard let elementSize = SafeTensorsFile.elementSizes[entry.dtype] else {
        throw SafeTensorsError.unknownDType(source: source, tensor: name, dtype: entry.dtype)
      }
      guard entry.dataOffsets.count == 2 else {
        throw SafeTensorsError.invalidOffsets(
          source: source, tensor: name,
          detail: "expected [begin, end], got \(entry.dataOffsets.count) numbers")
      }
      let begin = entry.dataOffsets[0]
      let end = entry.dataOffsets[1]
      guard begin >= 0, begin <= end, end <= dataSize else {
        throw SafeTensorsError.invalidOffsets(
          source: source, tensor: name,
          detail: "[\(begin), \(end)] is not a range inside the \(dataSize)-byte data area")
      }
      var bytes = elementSize
      for dim in entry.shape {
        guard dim >= 0 else {
          throw SafeTensorsError.sizeMismatch(
            source: source, tensor: name, detail: "negative dimension in shape \(entry.shape)")
        }
        let product = bytes.multipliedReportingOverflow(by: dim)
        guard !product.overflow else {
          throw SafeTensorsError.sizeMismatch(
            source: source, tensor: name, detail: "shape \(entry.shape) is too large")
        }
        bytes = product.partialValue
      }
      guard bytes == end - begin else {
        throw SafeTensorsError.sizeMismatch(
          source: source, tensor: name,
          detail: "shape \(entry.shape) of \(entry.dtype) needs \(bytes) bytes, "
            + "data_offsets give \(end - begin)")
      }
      entries[name] = SafeTensorsEntry(
        dtype: entry.dtype, shape: entry.shape, byteRange: begin..<end)
    }
    let ordered = entries.sorted {
      ($0.value.byteRange.lowerBound, $0.key) < ($1.value.byteRange.lowerBound, $1.key)
    }
    var previous: (name: String, end: Int)?
    for (name, entry) in ordered where !entry.byteRange.isEmpty {
      if let previous, entry.byteRange.lowerBound < previous.end {
        throw SafeTensorsError.invalidOffsets(
          source: source, tensor: name, detail: "overlaps tensor '\(previous.name)'")
      }
      previous = (name, entry.byteRange.upperBound)
    }
    return SafeTensorsHeader(entries: entries, metadata: raw.metadata)
  }

  private static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let keys = context.codingPath.map(\.stringValue).joined(separator: ".")
      return keys.isEmpty ? "" : " at '\(keys)'"
    }
    switch error {
    case .dataCorrupted(let context):
      return "not valid JSON\(path(context)): \(context.debugDescription)"
    case .keyNotFound(let key, let context):
      return "missing field '\(key.stringValue)'\(path(context))"
    case .typeMismatch(let type, let context):
      return "expected \(type)\(path(context))"
    case .valueNotFound(let type, let context):
      return "missing \(type) value\(path(context))"
    @unknown default:
      return "\(error)"
    }
  }
}

/// The header as JSON: every key is a tensor entry except `__metadata__`.
private struct RawHeader: Decodable {
  struct Entry: Decodable {
    var dtype: String
    var shape: [Int]
    var dataOffsets: [Int]

    enum CodingKeys: String, CodingKey {
      case dtype, shape
      case dataOffsets = "data_offsets"
    }
  }

  struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  var entries: [String: Entry] = [:]
  var metadata: [String: String] = [:]

  init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    for key in container.allKeys {
      if key.stringValue == "__metadata__" {
        metadata = try container.decode([String: String].self, forKey: key)
      } else {
        entries[key.stringValue] = try container.decode(Entry.self, forKey: key)
      }
    }
  }
}
