// LayoutLab — fused multi-head self-attention over packed query/key/value projections.

import Seeding

extension Tensor {
  /// Multi-head self-attention on a packed projection `[B, S, 3H]` (queries, keys, values side
  /// by side), giving the attended values `[B, S, H]`.
  ///
  /// `scores = (Q·Kᵀ)/√D + bias`, masked by the additive key mask `[B, S]`, softmax over keys,
  /// dropout, then `P·V`. Each head reads its columns in place (leading dimension 3H) and writes
  /// its output columns in place, so no head split or merge is copied. `bias` is the relative
  /// position bias `[B, A, S, S]` (it receives the gradient of the scores).
  public func packedSelfAttention(
    heads: Int, mask: Tensor, bias: Tensor?, dropoutRate: Float = 0,
    generator: inout SeededGenerator
  ) -> Tensor {
    checkShapes(rank == 3 && shape[2] % 3 == 0, "packedSelfAttention", shape, [heads])
    let (batch, length, hidden) = (shape[0], shape[1], shape[2] / 3)
    checkShapes(
      hidden % heads == 0, "packedSelfAttention", shape, [heads], "H must divide by heads")
    checkShapes(mask.shape == [batch, length], "attention mask", mask.shape, [batch, length])
    if let bias {
      checkShapes(
        bias.shape == [batch, heads, length, length], "attention bias", bias.shape, shape)
    }
    let headSize = hidden / heads
    let stride = 3 * hidden
    let alpha = 1 / Float(headSize).squareRoot()
    let plane = length * length
    let pairs = batch * heads
    let packed = pointer
    // Each (batch, head) pair runs its whole forward chain (bias, scores, softmax, dropout,
    // P·V) on its own T×T plane while the plane is still in cache; planes are written once.
    let probabilities = TensorStorage(uninitialized: pairs * plane)
    let p = probabilities.pointer
    let keep = dropoutRate > 0 ? TensorStorage(uninitialized: pairs * plane) : nil
    let dropped = dropoutRate > 0 ? TensorStorage(uninitialized: pairs * plane) : nil
    let dropoutKey = dropoutRate > 0 ? DropoutKey(rate: dropoutRate, generator: &generator) : nil
    let used = dropped ?? probabilities
    let weights = used.pointer
    // Every column of every row is written by one head's `P·V` (beta 0).
    let result = Tensor(
      shape: [batch, length, hidden], storage: TensorStorage(uninitialized: batch * length * hidden)
    )
    let out = result.pointer
    let biasPointer = bias?.pointer
    let maskPointer = mask.pointer
    forEachRange(pairs, work: pairs * plane * headSize) { range in
      for pair in range {
        let (b, h) = (pair / heads, pair % heads)
        let base = packed + b * length * stride + h * headSize
        let scores = p + pair * plane
        if let biasPointer { scores.update(from: biasPointer + pair * plane, count: plane) }
        gemmSerial(
          transposeA: false, transposeB: true, m: length, n: length, k: headSize, alpha: alpha,
          a: base, lda: stride, b: base + hidden, ldb: stride, beta: biasPointer == nil ? 0 : 1,
          c: scores, ldc: length)
        softmaxRows(
          scores, scores, rows: length, cols: length, mask: maskPointer + b * length,
          rowsPerMaskRow: length)
        if let dropoutKey, let keep, let dropped {
          applyDropout(
            dropoutKey, range: (pair * plane)..<((pair + 1) * plane), input: p,
            keep: keep.pointer, output: dropped.pointer)
        }
        gemmSerial(
          transposeA: false, transposeB: false, m: length, n: headSize, k: length, alpha: 1,
          a: weights + pair * plane, lda: length,
          b: packed + b * length * stride + 2 * hidden + h * headSize, ldb: stride, beta: 0,
          c: out + b * length * hidden + h * headSize, ldc: hidden)
      }
    }
    let input = self
    let inputs = bias.map { [self, $0] } ?? [self]
    return Autodiff.record(result, inputs: inputs) { g in
      // Keep the probabilities' storage alive for as long as this closure (the raw pointers
      // below point into it).
      withExtendedLifetime((probabilities, used)) {}
      // dQ, dK and dV of every head are written in full (beta 0), so no clearing is needed.
      let grad = Tensor(shape: input.shape, storage: TensorStorage(uninitialized: input.count))
      let dPacked = grad.pointer
      let dOut = g.pointer
      let scoresGrad = TensorStorage(uninitialized: pairs * plane)
      let dS = scoresGrad.pointer
      forEachRange(pairs, work: pairs * plane * headSize) { range in
        for pair in range {
          let (b, h) = (pair / heads, pair % heads)
          let base = packed + b * length * stride + h * headSize
          let dOutBase = dOut + b * length * hidden + h * headSize
          let dBase = dPacked + b * length * stride + h * headSize
          // dV = P_usedᵀ · dOut
          gemmSerial(
            transposeA: true, transposeB: false, m: length, n: headSize, k: length, alpha: 1,
            a: weights + pair * plane, lda: length, b: dOutBase, ldb: hidden, beta: 0,
            c: dBase + 2 * hidden, ldc: stride)
          // dP_used = dOut · Vᵀ, then through dropout and softmax.
          let dP = dS + pair * plane
          gemmSerial(
            transposeA: false, transposeB: true, m: length, n: length, k: headSize, alpha: 1,
            a: dOutBase, lda: hidden, b: base + 2 * hidden, ldb: stride, beta: 0, c: dP, ldc: length
          )
          if let keep {
            let k = keep.pointer + pair * plane
            for i in 0..<plane { dP[i] *= k[i] }
          }
          softmaxBackwardRows(
            output: p + pair * plane, gradOutput: dP, gradInput: dP, rows: length, cols: length)
          // dQ = α · dS · K ;  dK = α · dSᵀ · Q
          gemmSerial(
            transposeA: false, transposeB: false, m: length, n: headSize, k: length, alpha: alpha,
            a: dP, lda: length, b: base + hidden, ldb: stride, beta: 0, c: dBase, ldc: stride)
          gemmSerial(
            transposeA: true, transposeB: false, m: length, n: headSize, k: length, alpha: alpha,
            a: dP, lda: length, b: base, ldb: stride, beta: 0, c: dBase + hidden, ldc: stride)
        }
      }
      let biasGrad = bias.map { Tensor(shape: $0.shape, storage: scoresGrad) }
      return [grad] + (biasGrad.map { [$0] } ?? [])
    }
  }
}
