// LayoutLab — writing safetensors files (F32 and I64), atomically.

import Foundation

/// Collects tensors and writes them as one safetensors file.
///
/// Tensors are laid out in name order; the JSON header is padded with spaces to a multiple of 8
/// bytes so every tensor starts 8-byte aligned, as the format requires.
public struct SafeTensorsWriter {
  private var tensors: [String: (dtype: String, shape: [Int], bytes: [UInt8])] = [:]
  /// Written as `__metadata__`.
  public var metadata: [String: String]

  /// Creates an empty writer.
  public init(metadata: [String: String] = [:]) {
    self.metadata = metadata
  }

  /// Adds (or replaces) an F32 tensor; `values.count` must equal the product of `shape`.
  public mutating func add(_ name: String, floats values: [Float], shape: [Int]) throws {
    try checkCount(name, values.count, shape)
    var bytes = [UInt8]()
    bytes.reserveCapacity(values.count * 4)
    for v in values {
      withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }
    tensors[name] = ("F32", shape, bytes)
  }

  /// Adds (or replaces) an I64 tensor; `values.count` must equal the product of `shape`.
  public mutating func add(_ name: String, int64s values: [Int64], shape: [Int]) throws {
    try checkCount(name, values.count, shape)
    var bytes = [UInt8]()
    bytes.reserveCapacity(values.count * 8)
    for v in values { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    tensors[name] = ("I64", shape, bytes)
  }

  private func checkCount(_ name: String, _ count: Int, _ shape: [Int]) throws {
    var product = 1
    for dim in shape {
      let next = product.multipliedReportingOverflow(by: dim)
      guard dim >= 0, !next.overflow else {
        throw SafeTensorsError.sizeMismatch(
          source: "writer", tensor: name, detail: "invalid shape \(shape)")
      }
      product = next.partialValue
    }
    guard product == count else {
      throw SafeTensorsError.sizeMismatch(
        source: "writer", tensor: name,
        detail: "shape \(shape) holds \(product) elements, got \(count)")
    }
  }

  /// The complete file contents.
  public func serialized() throws -> [UInt8] {
    var header: [String: Any] = [:]
    var offset = 0
    let names = tensors.keys.sorted()
    for name in names {
      guard let tensor = tensors[name] else { continue }
      header[name] = [
        "dtype": tensor.dtype, "shape": tensor.shape,
        "data_offsets": [offset, offset + tensor.bytes.count],
      ]
      offset += tensor.bytes.count
    }
    if !metadata.isEmpty { header["__metadata__"] = metadata }
    var json = [UInt8](try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
    while json.count % 8 != 0 { json.append(0x20) }
    var out = [UInt8]()
    out.reserveCapacity(8 + json.count + offset)
    withUnsafeBytes(of: UInt64(json.count).littleEndian) { out.append(contentsOf: $0) }
    out.append(contentsOf: json)
    for name in names { out.append(contentsOf: tensors[name]?.bytes ?? []) }
    return out
  }

  /// Writes the file to `url` atomically (a temporary file in the same folder, then a rename).
  public func write(to url: URL) throws {
    let bytes = try serialized()
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try Data(bytes).write(to: temporary)
      guard rename(temporary.path, url.path) == 0 else {
        throw SafeTensorsError.io(
          source: url.path, detail: "cannot rename the temporary file (errno \(errno))")
      }
    } catch let error as SafeTensorsError {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw SafeTensorsError.io(source: url.path, detail: "cannot write: \(error)")
    }
  }
}
