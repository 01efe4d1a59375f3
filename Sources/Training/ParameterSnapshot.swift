// LayoutLab — copies of parameter values, to keep the best dev checkpoint in memory.

import TensorCore

/// The values of a list of parameters at one moment.
public struct ParameterSnapshot {
  var values: [[Float]]

  /// Copies the current values of `parameters`.
  public init(_ parameters: [(String, Tensor)]) {
    values = parameters.map { $0.1.array }
  }

  /// Writes the copied values back into `parameters` (the same list, in the same order).
  public func restore(into parameters: [(String, Tensor)]) {
    for (value, parameter) in zip(values, parameters) {
      value.withUnsafeBufferPointer { source in
        if let base = source.baseAddress {
          parameter.1.pointer.update(from: base, count: value.count)
        }
      }
    }
  }
}
