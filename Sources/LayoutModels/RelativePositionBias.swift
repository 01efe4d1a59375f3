// LayoutLab — the 1-D and 2-D relative position biases of spatial-aware self-attention.

import Foundation
import TensorCore

/// The T5 / Mesh-TensorFlow bidirectional bucket of a relative position, as LayoutLMv2 uses it.
///
/// Positive positions (key after, right of or below the query) take the upper half of the
/// buckets. Half of each half is exact; the rest grow logarithmically up to `maxDistance`.
/// Mirrors `relative_position_bucket` (transformers `modeling_layoutlmv2.py`), computed in
/// Float32 with truncation toward zero as torch does.
public func relativePositionBucket(_ relative: Int, buckets: Int, maxDistance: Int) -> Int {
  let half = buckets / 2
  let offset = relative > 0 ? half : 0
  let n = abs(relative)
  let maxExact = half / 2
  if n < maxExact { return offset + n }
  let scaled =
    Float(log(Double(Float(n) / Float(maxExact))))
    / Float(log(Double(maxDistance) / Double(maxExact))) * Float(half - maxExact)
  let large = maxExact + Int(scaled)
  return offset + min(large, half - 1)
}

/// The three bias tables (`encoder.rel_pos_bias`, `rel_pos_x_bias`, `rel_pos_y_bias`), each a
/// bias-free `Linear(bins → A)` whose weight is `[A, bins]`, shared by every layer.
final class RelativePositionBias: ParameterOwner {
  let config: LayoutLMConfiguration
  let oneD: Tensor?
  let x: Tensor?
  let y: Tensor?

  init(_ config: LayoutLMConfiguration, initializer: inout Initializer) {
    self.config = config
    let heads = config.numAttentionHeads
    oneD = config.hasRelativeAttentionBias ? initializer.normal([heads, config.relPosBins]) : nil
    x = config.hasSpatialAttentionBias ? initializer.normal([heads, config.rel2DPosBins]) : nil
    y = config.hasSpatialAttentionBias ? initializer.normal([heads, config.rel2DPosBins]) : nil
  }

  var isActive: Bool { oneD != nil || x != nil }

  /// The summed bias `[B, A, S, S]` for positions `[B, S]` and boxes `[B, S, 4]`.
  ///
  /// `bias[b, h, i, j] = W1d[h, bucket(pos_j − pos_i)] + Wx[h, bucket(x_j − x_i)]
  /// + Wy[h, bucket(y_j − y_i)]`, with x = x0 and y = y1 (the `code` anchor) or y0 (`paper`).
  func callAsFunction(positions: [Int32], boxes: [Int32], batch: Int, length: Int) -> Tensor {
    let heads = config.numAttentionHeads
    let plane = length * length
    let yIndex = config.spatialAnchor == .code ? 3 : 1
    // Bucket look-up tables over every relative distance that can occur.
    let maxPosition = Int(positions.max() ?? 0)
    let table1D = (-maxPosition...maxPosition).map {
      Int32(relativePositionBucket($0, buckets: config.relPosBins, maxDistance: config.maxRelPos))
    }
    let limit = config.max2DPositionEmbeddings
    let table2D = (-limit...limit).map {
      Int32(
        relativePositionBucket($0, buckets: config.rel2DPosBins, maxDistance: config.maxRel2DPos))
    }
    var buckets1D = [Int32](repeating: 0, count: oneD == nil ? 0 : batch * plane)
    var bucketsX = [Int32](repeating: 0, count: x == nil ? 0 : batch * plane)
    var bucketsY = bucketsX
    let (useOneD, useTwoD) = (oneD != nil, x != nil)
    buckets1D.withUnsafeMutableBufferPointer { b1 in
      bucketsX.withUnsafeMutableBufferPointer { bx in
        bucketsY.withUnsafeMutableBufferPointer { by in
          // Rows are independent: split them across threads.
          forEachRange(batch * length, work: batch * plane) { rows in
            for row in rows {
              let (b, i) = (row / length, row % length)
              let qi = b * length + i
              for j in 0..<length {
                let kj = b * length + j
                let at = b * plane + i * length + j
                if useOneD { b1[at] = table1D[Int(positions[kj] - positions[qi]) + maxPosition] }
                if useTwoD {
                  bx[at] = table2D[Int(boxes[4 * kj] - boxes[4 * qi]) + limit]
                  by[at] = table2D[Int(boxes[4 * kj + yIndex] - boxes[4 * qi + yIndex]) + limit]
                }
              }
            }
          }
        }
      }
    }
    let tables = [(oneD, buckets1D), (x, bucketsX), (y, bucketsY)].compactMap { entry in
      entry.0.map { ($0, entry.1) }
    }
    let result = Tensor(zeros: [batch, heads, length, length])
    let out = result.pointer
    for (weight, buckets) in tables {
      let bins = weight.shape[1]
      let w = weight.pointer
      buckets.withUnsafeBufferPointer { all in
        guard let base = all.baseAddress else { return }
        forEachRange(batch * heads, work: batch * heads * plane) { planes in
          for bh in planes {
            let (b, h) = (bh / heads, bh % heads)
            let source = base + b * plane
            let row = out + bh * plane
            let weights = w + h * bins
            for p in 0..<plane { row[p] += weights[Int(source[p])] }
          }
        }
      }
    }
    guard config.trainRelativeBiases else { return result }
    return Autodiff.record(result, inputs: tables.map(\.0)) { g in
      tables.map { weight, buckets in
        let bins = weight.shape[1]
        let grad = Tensor(zeros: weight.shape)
        let (gradient, table) = (g.pointer, grad.pointer)
        buckets.withUnsafeBufferPointer { source in
          guard let base = source.baseAddress else { return }
          // One thread per head; within a head, batches add up in order (deterministic).
          forEachRange(heads, work: batch * heads * plane) { headRange in
            for h in headRange {
              let target = table + h * bins
              for b in 0..<batch {
                let gradRow = gradient + (b * heads + h) * plane
                let s = base + b * plane
                for p in 0..<plane { target[Int(s[p])] += gradRow[p] }
              }
            }
          }
        }
        return grad
      }
    }
  }

  func namedParameters(prefix: String) -> [(String, Tensor)] {
    var result: [(String, Tensor)] = []
    if let oneD { result.append((joined(prefix, "rel_pos_bias.weight"), oneD)) }
    if let x { result.append((joined(prefix, "rel_pos_x_bias.weight"), x)) }
    if let y { result.append((joined(prefix, "rel_pos_y_bias.weight"), y)) }
    return result
  }
}
