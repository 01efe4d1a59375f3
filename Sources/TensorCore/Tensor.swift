// LayoutLab — the Float32 tensor: contiguous row-major storage with a shape.

import Synchronization

public final class TensorStorage: @unchecked Sendable {
  /// The first element.
  public let pointer: UnsafeMutablePointer<Float>
  /// The number of elements.
  public let count: Int

  /// Allocates `count` floats set to zero.
  public init(zeros count: Int) {
    self.count = count
    pointer = BufferCache.shared.take(count)
    pointer.initialize(repeating: 0, count: max(count, 1))
  }

  /// Allocates `count` floats without clearing them; the caller writes every element.
  public init(uninitialized count: Int) {
    self.count = count
    pointer = BufferCache.shared.take(count)
  }

  deinit { BufferCache.shared.give(pointer, count: count) }
}

/// A Float32 tensor with contiguous row-major storage.
///
/// Tensors are reference objects so that the autodiff tape can point at them. Reshapes are views
/// that share storage; every other op allocates its result. A tensor with `requiresGrad` is a
/// trainable leaf (a parameter): `backward()` accumulates into its `grad`.
public final class Tensor: @unchecked Sendable, CustomStringConvertible {
  /// The extent of each axis, outermost first.
  public let shape: [Int]
  /// The elements, `shape.reduce(1, *)` of them.
  public let storage: TensorStorage
  /// Whether this is a trainable leaf whose gradient `backward()` accumulates.
  public var requiresGrad: Bool
  /// The accumulated gradient of a leaf, the same shape as the tensor.
  public var grad: Tensor?
  /// Set on results of recorded ops: the op's place on the tape.
  var tapeEntry: TapeEntry?

  /// Wraps existing storage; `shape` must have exactly `storage.count` elements.
  public init(shape: [Int], storage: TensorStorage, requiresGrad: Bool = false) {
    precondition(
      shape.reduce(1, *) == storage.count,
      "shape \(shape) has \(shape.reduce(1, *)) elements, storage has \(storage.count)")
    self.shape = shape
    self.storage = storage
    self.requiresGrad = requiresGrad
  }

  /// A tensor of zeros.
  public convenience init(zeros shape: [Int], requiresGrad: Bool = false) {
    self.init(
      shape: shape, storage: TensorStorage(zeros: shape.reduce(1, *)), requiresGrad: requiresGrad)
  }

  /// A tensor filled with `value`.
  public convenience init(repeating value: Float, shape: [Int]) {
    self.init(zeros: shape)
    storage.pointer.update(repeating: value, count: count)
  }

  /// A tensor holding `values` (row-major) with the given shape.
  public convenience init(_ values: [Float], shape: [Int], requiresGrad: Bool = false) {
    precondition(
      values.count == shape.reduce(1, *),
      "\(values.count) values do not fill shape \(shape) (\(shape.reduce(1, *)) elements)")
    self.init(
      shape: shape, storage: TensorStorage(uninitialized: values.count), requiresGrad: requiresGrad)
    values.withUnsafeBufferPointer { source in
      if let base = source.baseAddress { storage.pointer.update(from: base, count: values.count) }
    }
  }

  /// A scalar (shape `[]`).
  public convenience init(scalar: Float) {
    self.init([scalar], shape: [])
  }

  /// The number of elements.
  public var count: Int { storage.count }
  /// The number of axes.
  public var rank: Int { shape.count }
  /// The first element, for scalars and one-element tensors.
  public var scalar: Float { storage.pointer[0] }
  /// A read-only pointer to the elements.
  public var pointer: UnsafeMutablePointer<Float> { storage.pointer }

  /// The elements as an array (a copy).
  public var array: [Float] { Array(UnsafeBufferPointer(start: storage.pointer, count: count)) }

  /// A copy of this tensor's values that is not connected to the tape.
  public func detached() -> Tensor {
    let result = Tensor(shape: shape, storage: TensorStorage(uninitialized: count))
    result.pointer.update(from: pointer, count: count)
    return result
  }

  /// The extent of `axis`; negative axes count from the end.
  public func size(_ axis: Int) -> Int { shape[normalizedAxis(axis)] }

  /// `axis` made non-negative (`-1` is the last axis).
  public func normalizedAxis(_ axis: Int) -> Int {
    let resolved = axis < 0 ? axis + rank : axis
    precondition(
      resolved >= 0 && resolved < rank, "axis \(axis) is out of range for shape \(shape)")
    return resolved
  }

  public var description: String {
    let preview = array.prefix(8).map { "\($0)" }.joined(separator: ", ")
    return "Tensor(shape: \(shape), [\(preview)\(count > 8 ? ", …" : "")])"
  }
}
