// LayoutLab — per-document seeds, so a page does not depend on the order pages are generated in.

import Seeding

extension SeededGenerator {
  /// The seed of document `index` of a `kind`, independent of generation order.
  public static func documentSeed(seed: UInt64, kind: String, index: Int) -> UInt64 {
    var state = seed ^ 0x5DEE_CE66_D1CE_4E5B
    var mixed = splitMix(&state)
    mixed ^= stableHash(kind)
    state = mixed
    mixed = splitMix(&state) ^ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15
    state = mixed
    return splitMix(&state)
  }
}
