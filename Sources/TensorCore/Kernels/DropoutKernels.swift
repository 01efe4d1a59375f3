// LayoutLab — inverted-dropout masks from a counter-based hash, at the compiled vector width.
//
// Element `i` of a mask with key `(k0, k1)` is kept when the top 24 bits of
// `mix(mix(i ^ k0) ^ k1)` are at least `rate · 2²⁴` (`mix` is the integer-only "lowbias32"
// finaliser). The mask so depends on the key and the element's index only: it is the same on
// every CPU, at every vector width and for any split of the elements across threads, and a
// whole vector of lanes is drawn at once (a sequential generator costs ~6 ns an element).

import Seeding

/// The key of one dropout mask, drawn from a seeded stream.
struct DropoutKey {
  var low: UInt32
  var high: UInt32
  /// Keep iff the 24-bit draw is at least this.
  var threshold: UInt32
  /// `1 / (1 − rate)`, the kept elements' scale.
  var scale: Float

  /// Draws a key (one value of `generator`) for a mask that drops with probability `rate`.
  init(rate: Float, generator: inout SeededGenerator) {
    precondition(rate >= 0 && rate < 1, "dropout rate must be in [0, 1), got \(rate)")
    let bits = generator.next()
    low = UInt32(truncatingIfNeeded: bits)
    high = UInt32(truncatingIfNeeded: bits >> 32)
    // `Float(u) / 2²⁴ >= rate` for a whole `u` ⇔ `u >= ⌈rate · 2²⁴⌉` (the product is exact).
    threshold = UInt32((Double(rate) * 16_777_216).rounded(.up))
    scale = 1 / (1 - rate)
  }
}

@inline(__always)
private func mix(_ value: UInt32Vector) -> UInt32Vector {
  var x = value
  x ^= x &>> 16
  x &*= 0x7FEB_352D
  x ^= x &>> 15
  x &*= 0x846C_A68B
  x ^= x &>> 16
  return x
}

/// The keep factors (`0` or `key.scale`) of elements `first ..< first + vectorLanes`.
@inline(__always)
private func keepFactors(_ key: DropoutKey, first: Int, laneIndex: UInt32Vector) -> FloatVector {
  let index = UInt32Vector(repeating: UInt32(truncatingIfNeeded: first)) &+ laneIndex
  let draw = mix(mix(index ^ key.low) ^ key.high) &>> 8
  return FloatVector(repeating: 0).replacing(
    with: key.scale, where: draw .>= UInt32Vector(repeating: key.threshold))
}

/// For elements `range` of a mask with `key`: `keep[i]` is `0` or `1/(1−rate)`, and
/// `output[i] = input[i] · keep[i]`. Indices count from the start of the mask, so any split of
/// a mask into ranges gives the same values. Masks hold fewer than 2³² elements.
func applyDropout(
  _ key: DropoutKey, range: Range<Int>, input: UnsafePointer<Float>,
  keep: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>
) {
  precondition(range.upperBound <= Int(UInt32.max), "dropout masks hold fewer than 2³² elements")
  var laneIndex = UInt32Vector()
  for lane in 0..<vectorLanes { laneIndex[lane] = UInt32(lane) }
  var i = range.lowerBound
  while i + vectorLanes <= range.upperBound {
    let k = keepFactors(key, first: i, laneIndex: laneIndex)
    storeVector(k, keep + i)
    storeVector(loadVector(input + i) * k, output + i)
    i += vectorLanes
  }
  let rest = range.upperBound - i
  if rest > 0 {
    let k = keepFactors(key, first: i, laneIndex: laneIndex)
    storePartial(k, keep + i, rest)
    storePartial(loadPartial(input + i, rest, fill: 0) * k, output + i, rest)
  }
}
