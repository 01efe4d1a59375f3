// LayoutLab — matrix products: batched matmul with transposes, and the linear layer's product.

/// Shapes and offsets of one (batched) product `op(A) · op(B)`.
private struct ProductLayout {
  var batch: Int
  var m: Int
  var n: Int
  var k: Int
  var strideA: Int
  var strideB: Int
}

/// Runs `gemm` over a batch of equally shaped products.
func gemmBatch(
  _ batch: Int, transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
  a: UnsafePointer<Float>, strideA: Int, lda: Int, b: UnsafePointer<Float>, strideB: Int,
  ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>, strideC: Int, ldc: Int
) {
  batchedGemm(
    batchCount: batch, transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
    alpha: 1, a: a, strideA: strideA, lda: lda, b: b, strideB: strideB, ldb: ldb, beta: beta,
    c: c, strideC: strideC, ldc: ldc)
}

extension Tensor {
  /// The matrix product `op(self) · op(other)` over the last two axes.
  ///
  /// Shapes: `self` is `[…, M, K]` (`[…, K, M]` with `transposeSelf`); `other` is `[…, K, N]`
  /// (`[…, N, K]` with `transposeOther`) with the same leading axes, or a matrix shared by every
  /// batch item. The result is `[…, M, N]`.
  public func matmul(_ other: Tensor, transposeSelf: Bool = false, transposeOther: Bool = false)
    -> Tensor
  {
    checkShapes(rank >= 2 && other.rank >= 2, "matmul", shape, other.shape, "needs rank ≥ 2")
    let m = transposeSelf ? shape[rank - 1] : shape[rank - 2]
    let k = transposeSelf ? shape[rank - 2] : shape[rank - 1]
    let kOther = transposeOther ? other.shape[other.rank - 1] : other.shape[other.rank - 2]
    let n = transposeOther ? other.shape[other.rank - 2] : other.shape[other.rank - 1]
    checkShapes(k == kOther, "matmul", shape, other.shape, "inner extents \(k) and \(kOther)")
    let batchShape = Array(shape.dropLast(2))
    let sharedOther = other.rank == 2 && rank > 2
    checkShapes(
      sharedOther || Array(other.shape.dropLast(2)) == batchShape, "matmul", shape, other.shape,
      "batch axes differ")
    let batch = batchShape.reduce(1, *)
    let result = Tensor(
      shape: batchShape + [m, n], storage: TensorStorage(uninitialized: batch * m * n))
    let lda = shape[rank - 1]
    let ldb = other.shape[other.rank - 1]
    let strideB = sharedOther ? 0 : k * n
    if sharedOther && !transposeSelf {
      // Fold the batch into M: one large product.
      gemm(
        transposeA: false, transposeB: transposeOther, m: batch * m, n: n, k: k, a: pointer,
        lda: lda, b: other.pointer, ldb: ldb, c: result.pointer, ldc: n)
    } else {
      gemmBatch(
        batch, transposeA: transposeSelf, transposeB: transposeOther, m: m, n: n, k: k,
        a: pointer, strideA: m * k, lda: lda, b: other.pointer, strideB: strideB, ldb: ldb,
        beta: 0, c: result.pointer, strideC: m * n, ldc: n)
    }
    let layout = ProductLayout(batch: batch, m: m, n: n, k: k, strideA: m * k, strideB: strideB)
    let (a, b) = (self, other)
    return Autodiff.record(result, inputs: [self, other]) { g in
      [
        Autodiff.isTracked(a)
          ? matmulGradSelf(g, a, b, layout, transposeSelf, transposeOther, sharedOther) : nil,
        Autodiff.isTracked(b)
          ? matmulGradOther(g, a, b, layout, transposeSelf, transposeOther, sharedOther) : nil,
      ]
    }
  }

  /// `x · Wᵀ + b` over the last axis: `[…, I]` with weight `[O, I]` and bias `[O]` gives `[…, O]`.
  ///
  /// One fused op: the bias is written into the output before the product accumulates onto it,
  /// and its gradient is the column sum of the output gradient.
  public func linear(weight: Tensor, bias: Tensor?) -> Tensor {
    checkShapes(
      weight.rank == 2 && shape.last == weight.shape[1], "linear", shape, weight.shape,
      "input's last axis must equal the weight's second axis")
    let (inputs, outputs) = (weight.shape[1], weight.shape[0])
    if let bias { checkShapes(bias.shape == [outputs], "linear bias", bias.shape, [outputs]) }
    let rows = count / max(inputs, 1)
    let result = Tensor(
      shape: Array(shape.dropLast()) + [outputs],
      storage: TensorStorage(uninitialized: rows * outputs))
    let y = result.pointer
    if let bias {
      let b = bias.pointer
      forEachRange(rows, work: rows * outputs) { range in
        for r in range { (y + r * outputs).update(from: b, count: outputs) }
      }
    }
    gemm(
      transposeA: false, transposeB: true, m: rows, n: outputs, k: inputs, a: pointer, lda: inputs,
      b: weight.pointer, ldb: inputs, beta: bias == nil ? 0 : 1, c: y, ldc: outputs)
    let x = self
    let recorded = bias.map { [self, weight, $0] } ?? [self, weight]
    return Autodiff.record(result, inputs: recorded) { g in
      var grads: [Tensor?] = []
      if Autodiff.isTracked(x) {
        // dx = g · W : [R, O] · [O, I]
        let dx = Tensor(shape: x.shape, storage: TensorStorage(uninitialized: x.count))
        gemm(
          transposeA: false, transposeB: false, m: rows, n: inputs, k: outputs, a: g.pointer,
          lda: outputs, b: weight.pointer, ldb: inputs, c: dx.pointer, ldc: inputs)
        grads.append(dx)
      } else {
        grads.append(nil)
      }
      // dW = gᵀ · x : [O, R] · [R, I]
      let dw = Tensor(shape: weight.shape, storage: TensorStorage(uninitialized: weight.count))
      gemm(
        transposeA: true, transposeB: false, m: outputs, n: inputs, k: rows, a: g.pointer,
        lda: outputs, b: x.pointer, ldb: inputs, c: dw.pointer, ldc: inputs)
      grads.append(dw)
      if bias != nil {
        grads.append(g.reshaped([rows, outputs]).summedToSuffixUntracked([outputs]))
      }
      return grads
    }
  }
}

/// d(op(A)) for `C = op(A) · op(B)`, returned in A's stored layout.
private func matmulGradSelf(
  _ g: Tensor, _ a: Tensor, _ b: Tensor, _ l: ProductLayout, _ tA: Bool, _ tB: Bool,
  _ shared: Bool
) -> Tensor {
  let grad = Tensor(shape: a.shape, storage: TensorStorage(uninitialized: a.count))
  let ldb = b.shape[b.rank - 1]
  if !tA {
    // dA = dC · op(B)ᵀ : [M, N] · [N, K]
    if shared {
      gemm(
        transposeA: false, transposeB: !tB, m: l.batch * l.m, n: l.k, k: l.n, a: g.pointer,
        lda: l.n, b: b.pointer, ldb: ldb, c: grad.pointer, ldc: l.k)
    } else {
      gemmBatch(
        l.batch, transposeA: false, transposeB: !tB, m: l.m, n: l.k, k: l.n, a: g.pointer,
        strideA: l.m * l.n, lda: l.n, b: b.pointer, strideB: l.strideB, ldb: ldb, beta: 0,
        c: grad.pointer, strideC: l.strideA, ldc: l.k)
    }
  } else {
    // A stored [K, M]: dA = op(B) · dCᵀ : [K, N] · [N, M]
    gemmBatch(
      l.batch, transposeA: tB, transposeB: true, m: l.k, n: l.m, k: l.n, a: b.pointer,
      strideA: l.strideB, lda: ldb, b: g.pointer, strideB: l.m * l.n, ldb: l.n, beta: 0,
      c: grad.pointer, strideC: l.strideA, ldc: l.m)
  }
  return grad
}

/// d(op(B)) for `C = op(A) · op(B)`, returned in B's stored layout (summed over a shared B).
private func matmulGradOther(
  _ g: Tensor, _ a: Tensor, _ b: Tensor, _ l: ProductLayout, _ tA: Bool, _ tB: Bool,
  _ shared: Bool
) -> Tensor {
  let grad = Tensor(zeros: b.shape)
  let lda = a.shape[a.rank - 1]
  if shared && !tA {
    // Batch folded into M.
    if !tB {
      gemm(
        transposeA: true, transposeB: false, m: l.k, n: l.n, k: l.batch * l.m, a: a.pointer,
        lda: lda, b: g.pointer, ldb: l.n, c: grad.pointer, ldc: l.n)
    } else {
      gemm(
        transposeA: true, transposeB: false, m: l.n, n: l.k, k: l.batch * l.m, a: g.pointer,
        lda: l.n, b: a.pointer, ldb: lda, c: grad.pointer, ldc: l.k)
    }
    return grad
  }
  let strideC = shared ? 0 : l.strideB
  for item in 0..<l.batch {
    let gp = g.pointer + item * l.m * l.n
    let ap = a.pointer + item * l.strideA
    let cp = grad.pointer + item * strideC
    if !tB {
      // dB = op(A)ᵀ · dC : [K, M] · [M, N]
      gemm(
        transposeA: !tA, transposeB: false, m: l.k, n: l.n, k: l.m, a: ap, lda: lda, b: gp,
        ldb: l.n, beta: shared ? 1 : 0, c: cp, ldc: l.n)
    } else {
      // B stored [N, K]: dB = dCᵀ · op(A) : [N, M] · [M, K]
      gemm(
        transposeA: true, transposeB: tA, m: l.n, n: l.k, k: l.m, a: gp, lda: l.n, b: ap,
        ldb: lda, beta: shared ? 1 : 0, c: cp, ldc: l.k)
    }
  }
  return grad
}
