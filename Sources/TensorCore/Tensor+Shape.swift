// LayoutLab — shape ops: reshape views, permutation, slicing, concatenation, axis means.

extension Tensor {
  /// The same elements under a new shape (a view: no copy). One extent may be `-1`.
  public func reshaped(_ newShape: [Int]) -> Tensor {
    var resolved = newShape
    if let unknown = newShape.firstIndex(of: -1) {
      let known = newShape.enumerated().filter { $0.offset != unknown }.map(\.element)
        .reduce(1, *)
      checkShapes(known > 0 && count % known == 0, "reshape", shape, newShape)
      resolved[unknown] = count / known
    }
    checkShapes(resolved.reduce(1, *) == count, "reshape", shape, newShape)
    let result = Tensor(shape: resolved, storage: storage)
    let inputShape = shape
    return Autodiff.record(result, inputs: [self]) { g in
      [Tensor(shape: inputShape, storage: g.storage)]
    }
  }

  /// The axes reordered: result axis `i` is input axis `axes[i]` (a copy).
  ///
  /// Example: `[B, T, A, D].permuted([0, 2, 1, 3])` gives `[B, A, T, D]`.
  public func permuted(_ axes: [Int]) -> Tensor {
    checkShapes(
      axes.count == rank && Set(axes) == Set(0..<rank), "permute", shape, axes,
      "axes must be a permutation of 0..<\(rank)")
    let result = permutedUntracked(axes)
    var inverse = [Int](repeating: 0, count: axes.count)
    for (i, axis) in axes.enumerated() { inverse[axis] = i }
    return Autodiff.record(result, inputs: [self]) { g in [g.permutedUntracked(inverse)] }
  }

  func permutedUntracked(_ axes: [Int]) -> Tensor {
    let outShape = axes.map { shape[$0] }
    let result = Tensor(shape: outShape, storage: TensorStorage(uninitialized: count))
    if count == 0 { return result }
    var inStrides = [Int](repeating: 1, count: rank)
    for i in stride(from: rank - 2, through: 0, by: -1) {
      inStrides[i] = inStrides[i + 1] * shape[i + 1]
    }
    let strides = axes.map { inStrides[$0] }
    // Copy runs along the last output axis.
    let last = rank - 1
    let runLength = outShape[last]
    let runStride = strides[last]
    let source = pointer
    var destination = result.pointer
    var index = [Int](repeating: 0, count: rank)
    let outer = count / max(runLength, 1)
    for _ in 0..<outer {
      var offset = 0
      for i in 0..<last { offset += index[i] * strides[i] }
      if runStride == 1 {
        destination.update(from: source + offset, count: runLength)
      } else {
        for j in 0..<runLength { destination[j] = source[offset + j * runStride] }
      }
      destination += runLength
      var axis = last - 1
      while axis >= 0 {
        index[axis] += 1
        if index[axis] < outShape[axis] { break }
        index[axis] = 0
        axis -= 1
      }
    }
    return result
  }

  /// Swaps the last two axes (a copy): `[…, M, N]` → `[…, N, M]`.
  public func transposedLastTwo() -> Tensor {
    var axes = Array(0..<rank)
    axes.swapAt(rank - 1, rank - 2)
    return permuted(axes)
  }

  /// The elements at `range` along `axis` (a copy).
  public func sliced(axis: Int, _ range: Range<Int>) -> Tensor {
    let axis = normalizedAxis(axis)
    checkShapes(
      range.lowerBound >= 0 && range.upperBound <= shape[axis], "slice", shape,
      [range.lowerBound, range.upperBound], "range outside axis \(axis)")
    var outShape = shape
    outShape[axis] = range.count
    let outer = shape[..<axis].reduce(1, *)
    let inner = shape[(axis + 1)...].reduce(1, *)
    let result = Tensor(
      shape: outShape, storage: TensorStorage(uninitialized: outShape.reduce(1, *)))
    let source = pointer
    let destination = result.pointer
    let inRow = shape[axis] * inner
    let outRow = range.count * inner
    for o in 0..<outer {
      (destination + o * outRow).update(
        from: source + o * inRow + range.lowerBound * inner, count: outRow)
    }
    let inputShape = shape
    return Autodiff.record(result, inputs: [self]) { g in
      let full = Tensor(zeros: inputShape)
      for o in 0..<outer {
        (full.pointer + o * inRow + range.lowerBound * inner).update(
          from: g.pointer + o * outRow, count: outRow)
      }
      return [full]
    }
  }

  /// Joins `tensors` along `axis`; all other extents must match.
  public static func concatenated(_ tensors: [Tensor], axis: Int) -> Tensor {
    precondition(!tensors.isEmpty, "concatenated needs at least one tensor")
    let first = tensors[0]
    let axis = first.normalizedAxis(axis)
    for t in tensors {
      var a = t.shape
      var b = first.shape
      if a.count == b.count {
        a[axis] = 0
        b[axis] = 0
      }
      checkShapes(a == b, "concatenate", first.shape, t.shape, "along axis \(axis)")
    }
    let outer = first.shape[..<axis].reduce(1, *)
    let inner = first.shape[(axis + 1)...].reduce(1, *)
    let extents = tensors.map { $0.shape[axis] }
    let total = extents.reduce(0, +)
    var outShape = first.shape
    outShape[axis] = total
    let result = Tensor(
      shape: outShape, storage: TensorStorage(uninitialized: outShape.reduce(1, *)))
    var offset = 0
    for (t, extent) in zip(tensors, extents) {
      for o in 0..<outer {
        (result.pointer + (o * total + offset) * inner).update(
          from: t.pointer + o * extent * inner, count: extent * inner)
      }
      offset += extent
    }
    return Autodiff.record(result, inputs: tensors) { g in
      var grads: [Tensor?] = []
      var start = 0
      for (t, extent) in zip(tensors, extents) {
        let part = Tensor(zeros: t.shape)
        for o in 0..<outer {
          (part.pointer + o * extent * inner).update(
            from: g.pointer + (o * total + start) * inner, count: extent * inner)
        }
        grads.append(part)
        start += extent
      }
      return grads
    }
  }

  /// The mean over `axis`, which is removed: `[B, V, H].mean(axis: 1)` is `[B, H]`.
  public func mean(axis: Int) -> Tensor {
    let axis = normalizedAxis(axis)
    let outer = shape[..<axis].reduce(1, *)
    let inner = shape[(axis + 1)...].reduce(1, *)
    let n = shape[axis]
    var outShape = shape
    outShape.remove(at: axis)
    let result = Tensor(zeros: outShape)
    let scale = 1 / Float(max(n, 1))
    let source = pointer
    let destination = result.pointer
    for o in 0..<outer {
      for k in 0..<n {
        let row = source + (o * n + k) * inner
        for i in 0..<inner { destination[o * inner + i] += row[i] }
      }
      for i in 0..<inner { destination[o * inner + i] *= scale }
    }
    let inputShape = shape
    return Autodiff.record(result, inputs: [self]) { g in
      let full = Tensor(
        shape: inputShape, storage: TensorStorage(uninitialized: inputShape.reduce(1, *)))
      for o in 0..<outer {
        for k in 0..<n {
          let row = full.pointer + (o * n + k) * inner
          for i in 0..<inner { row[i] = g.pointer[o * inner + i] * scale }
        }
      }
      return [full]
    }
  }
}
