// LayoutLab — the stable hash and the SplitMix64 step that seeds are derived with.

extension SeededGenerator {
  /// FNV-1a (64-bit) over the UTF-8 bytes of `text`: a hash that is the same in every run and on
  /// every platform (unlike `Hasher`), for deriving seeds from names.
  public static func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }

  /// One SplitMix64 step: advances `state` by the golden-ratio increment and returns the mixed
  /// value. `init(seed:)` takes its state from four of these.
  public static func splitMix(_ state: inout UInt64) -> UInt64 {
    state = state &+ 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
