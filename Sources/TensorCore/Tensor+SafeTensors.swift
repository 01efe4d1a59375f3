// LayoutLab — moving tensors in and out of safetensors files.

import Foundation

extension SafeTensorsFile {
  /// The named entry as a Float32 tensor (F16, BF16, I32 and I64 are converted).
  public func tensor(_ name: String) throws -> Tensor {
    let shape = try shape(name)
    let values = try floats(name)
    return Tensor(values, shape: shape)
  }

  /// Every entry as a Float32 tensor, by name.
  public func allTensors() throws -> [String: Tensor] {
    var result: [String: Tensor] = [:]
    for name in names { result[name] = try tensor(name) }
    return result
  }

  /// The named integer entry (I64 or I32) as `Int32` values, checking that each fits.
  public func int32s(_ name: String) throws -> [Int32] {
    try int64s(name).map { value in
      guard let narrow = Int32(exactly: value) else {
        throw SafeTensorsError.sizeMismatch(
          source: source, tensor: name, detail: "holds \(value), beyond Int32")
      }
      return narrow
    }
  }
}

/// Writes `tensors` as F32 entries to `url`, atomically.
public func saveSafeTensors(
  _ tensors: [String: Tensor], to url: URL, metadata: [String: String] = [:]
) throws {
  var writer = SafeTensorsWriter(metadata: metadata)
  for name in tensors.keys.sorted() {
    guard let tensor = tensors[name] else { continue }
    try writer.add(name, floats: tensor.array, shape: tensor.shape)
  }
  try writer.write(to: url)
}
