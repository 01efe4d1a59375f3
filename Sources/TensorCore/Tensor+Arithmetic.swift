// LayoutLab — elementwise arithmetic with broadcasting over leading axes.

extension Tensor {
  /// Whether `other` broadcasts onto `self`: its shape is a suffix of `self`'s shape.
  func broadcastsOnto(_ other: Tensor) -> Bool {
    other.rank <= rank && Array(shape.suffix(other.rank)) == other.shape
  }

  /// Sums a gradient of this tensor's shape down to `targetShape`, a suffix of it.
  func summedToSuffix(_ targetShape: [Int]) -> Tensor {
    targetShape == shape ? self : summedToSuffixUntracked(targetShape)
  }

  /// Sums over the leading axes into a new `targetShape` tensor. Threads split the columns, and
  /// each column adds its rows in order, so the result does not depend on the thread count.
  func summedToSuffixUntracked(_ targetShape: [Int]) -> Tensor {
    let inner = targetShape.reduce(1, *)
    let outer = count / max(inner, 1)
    let result = Tensor(zeros: targetShape)
    let r = result.pointer
    let g = pointer
    forEachRange(inner, work: count) { columns in
      for o in 0..<outer {
        let row = g + o * inner
        for i in columns { r[i] += row[i] }
      }
    }
    return result
  }

  /// `self + other`, where `other`'s shape equals `self`'s or a suffix of it (bias add).
  ///
  /// Shapes: `[…, N] + [N]`, `[B, T, H] + [T, H]`, or equal shapes.
  public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
    if !lhs.broadcastsOnto(rhs), rhs.broadcastsOnto(lhs) { return rhs + lhs }
    checkShapes(lhs.broadcastsOnto(rhs), "add", lhs.shape, rhs.shape)
    let result = Tensor(shape: lhs.shape, storage: TensorStorage(uninitialized: lhs.count))
    let inner = max(rhs.count, 1)
    let a = lhs.pointer
    let b = rhs.pointer
    let c = result.pointer
    forEachRange(lhs.count / inner, work: lhs.count) { rows in
      for o in rows {
        let base = o * inner
        for i in 0..<inner { c[base + i] = a[base + i] + b[i] }
      }
    }
    let rhsShape = rhs.shape
    return Autodiff.record(result, inputs: [lhs, rhs]) { g in
      [g, g.summedToSuffix(rhsShape)]
    }
  }

  /// `self − other`, broadcasting like `+`.
  public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
    lhs + rhs * -1
  }

  /// Elementwise product, where `other`'s shape equals `self`'s or a suffix of it.
  public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
    if !lhs.broadcastsOnto(rhs), rhs.broadcastsOnto(lhs) { return rhs * lhs }
    checkShapes(lhs.broadcastsOnto(rhs), "multiply", lhs.shape, rhs.shape)
    let result = Tensor(shape: lhs.shape, storage: TensorStorage(uninitialized: lhs.count))
    let inner = max(rhs.count, 1)
    let a = lhs.pointer
    let b = rhs.pointer
    let c = result.pointer
    forEachRange(lhs.count / inner, work: lhs.count) { rows in
      for o in rows {
        let base = o * inner
        for i in 0..<inner { c[base + i] = a[base + i] * b[i] }
      }
    }
    let rhsShape = rhs.shape
    return Autodiff.record(result, inputs: [lhs, rhs]) { g in
      let gp = g.pointer
      let da = Tensor(shape: g.shape, storage: TensorStorage(uninitialized: g.count))
      let db = Tensor(shape: g.shape, storage: TensorStorage(uninitialized: g.count))
      let dap = da.pointer
      let dbp = db.pointer
      forEachRange(g.count / inner, work: g.count) { rows in
        for o in rows {
          let base = o * inner
          for i in 0..<inner {
            dap[base + i] = gp[base + i] * b[i]
            dbp[base + i] = gp[base + i] * a[base + i]
          }
        }
      }
      return [da, db.summedToSuffix(rhsShape)]
    }
  }

  /// `self · factor`.
  public static func * (lhs: Tensor, factor: Float) -> Tensor {
    let result = lhs.mapped { $0 * factor }
    return Autodiff.record(result, inputs: [lhs]) { g in [g.mapped { $0 * factor }] }
  }

  /// `self + constant`.
  public static func + (lhs: Tensor, constant: Float) -> Tensor {
    let result = lhs.mapped { $0 + constant }
    return Autodiff.record(result, inputs: [lhs]) { g in [g] }
  }

  /// Applies `transform` to every element (untracked helper for op implementations).
  @inline(__always)
  func mapped(_ transform: (Float) -> Float) -> Tensor {
    let result = Tensor(shape: shape, storage: TensorStorage(uninitialized: count))
    let a = pointer
    let c = result.pointer
    forEachRange(count, work: count) { range in
      for i in range { c[i] = transform(a[i]) }
    }
    return result
  }

  /// The sum of all elements, as a scalar tensor.
  public func sum() -> Tensor {
    var total: Double = 0
    let a = pointer
    for i in 0..<count { total += Double(a[i]) }
    let result = Tensor(scalar: Float(total))
    let inputShape = shape
    return Autodiff.record(result, inputs: [self]) { g in
      [Tensor(repeating: g.scalar, shape: inputShape)]
    }
  }

  /// The mean of all elements, as a scalar tensor.
  public func mean() -> Tensor {
    sum() * (1 / Float(max(count, 1)))
  }
}
