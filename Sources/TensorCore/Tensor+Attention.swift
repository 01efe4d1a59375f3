// LayoutLab — fused multi-head self-attention over packed query/key/value projections.

/// Draws an inverted-dropout keep mask (`0` or `1/(1−rate)`) in fixed-size chunks, each from a
/// stream seeded in order from `generator`, so the mask depends on the seed only.
func dropoutMask(count: Int, rate: Float, generator: inout SeededGenerator) -> TensorStorage {
  let keep = TensorStorage(uninitialized: count)
  let scale = 1 / (1 - rate)
  let chunk = 1 << 16
  let chunks = (count + chunk - 1) / chunk
  let seeds = (0..<chunks).map { _ in generator.next() }
  let mask = keep.pointer
  forEachRange(chunks, work: count) { range in
    for c in range {
      var stream = SeededGenerator(seed: seeds[c])
      for i in (c * chunk)..<min(count, (c + 1) * chunk) {
        mask[i] = stream.nextUniform() >= rate ? scale : 0
      }
    }
  }
  return keep
}

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
    // Scores, then probabilities in place.
    let probabilities = TensorStorage(uninitialized: pairs * plane)
    let p = probabilities.pointer
    if let bias {
      let source = bias.pointer
      forEachRange(pairs, work: pairs * plane) { range in
        (p + range.lowerBound * plane).update(
          from: source + range.lowerBound * plane, count: range.count * plane)
      }
    }
    forEachRange(pairs, work: pairs * plane * headSize) { range in
      for pair in range {
        let (b, h) = (pair / heads, pair % heads)
        let base = packed + b * length * stride + h * headSize
        gemmSerial(
          transposeA: false, transposeB: true, m: length, n: length, k: headSize, alpha: alpha,
          a: base, lda: stride, b: base + hidden, ldb: stride, beta: bias == nil ? 0 : 1,
          c: p + pair * plane, ldc: length)
      }
    }
    softmaxRows(
      p, p, rows: pairs * length, cols: length, mask: mask.pointer, rowsPerMaskRow: heads * length)
    var keep: TensorStorage?
    var used = probabilities
    if dropoutRate > 0 {
      let mask = dropoutMask(count: pairs * plane, rate: dropoutRate, generator: &generator)
      let dropped = TensorStorage(uninitialized: pairs * plane)
      let (k, d) = (mask.pointer, dropped.pointer)
      forEachRange(pairs * plane, work: pairs * plane) { range in
        for i in range { d[i] = p[i] * k[i] }
      }
      keep = mask
      used = dropped
    }
    // Every column of every row is written by one head's `P·V` (beta 0).
    let result = Tensor(
      shape: [batch, length, hidden], storage: TensorStorage(uninitialized: batch * length * hidden)
    )
    let out = result.pointer
    let weights = used.pointer
    forEachRange(pairs, work: pairs * plane * headSize) { range in
      for pair in range {
        let (b, h) = (pair / heads, pair % heads)
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
