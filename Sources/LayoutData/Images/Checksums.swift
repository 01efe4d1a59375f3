// LayoutLab — CRC-32 (PNG chunks) and Adler-32 (zlib streams).

/// CRC-32 as PNG and zlib define it: reflected polynomial 0xEDB88320, initial value and final
/// XOR 0xFFFFFFFF.
public enum CRC32 {
  /// Eight 256-entry tables for slicing-by-8; table 0 is the classic byte table.
  private static let tables: [UInt32] = {
    var table = [UInt32](repeating: 0, count: 8 * 256)
    for n in 0..<256 {
      var c = UInt32(n)
      for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
      table[n] = c
    }
    for slice in 1..<8 {
      for n in 0..<256 {
        let previous = table[(slice - 1) * 256 + n]
        table[slice * 256 + n] = (previous >> 8) ^ table[Int(previous & 0xFF)]
      }
    }
    return table
  }()

  /// The CRC-32 of `bytes`, continuing from `crc` (the CRC of the bytes before; 0 to start).
  public static func checksum(_ bytes: UnsafeBufferPointer<UInt8>, continuing crc: UInt32 = 0)
    -> UInt32
  {
    var c = ~crc
    tables.withUnsafeBufferPointer { t in
      var i = 0
      let n = bytes.count
      while i + 8 <= n {
        let low =
          c
          ^ (UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16
            | UInt32(bytes[i + 3]) << 24)
        c =
          t[7 * 256 + Int(low & 0xFF)] ^ t[6 * 256 + Int((low >> 8) & 0xFF)]
          ^ t[5 * 256 + Int((low >> 16) & 0xFF)] ^ t[4 * 256 + Int(low >> 24)]
          ^ t[3 * 256 + Int(bytes[i + 4])] ^ t[2 * 256 + Int(bytes[i + 5])]
          ^ t[1 * 256 + Int(bytes[i + 6])] ^ t[Int(bytes[i + 7])]
        i += 8
      }
      while i < n {
        c = t[Int((c ^ UInt32(bytes[i])) & 0xFF)] ^ (c >> 8)
        i += 1
      }
    }
    return ~c
  }

  /// The CRC-32 of a byte array.
  public static func checksum(_ bytes: [UInt8], continuing crc: UInt32 = 0) -> UInt32 {
    bytes.withUnsafeBufferPointer { checksum($0, continuing: crc) }
  }
}

/// Adler-32 as zlib (RFC 1950) defines it.
public enum Adler32 {
  /// The Adler-32 of `bytes`, continuing from `adler` (1 to start).
  public static func checksum(_ bytes: UnsafeBufferPointer<UInt8>, continuing adler: UInt32 = 1)
    -> UInt32
  {
    var a = adler & 0xFFFF
    var b = adler >> 16
    var i = 0
    let n = bytes.count
    // 5552 is the largest run for which b cannot overflow 32 bits before the modulo.
    while i < n {
      let end = min(n, i + 5552)
      while i < end {
        a &+= UInt32(bytes[i])
        b &+= a
        i += 1
      }
      a %= 65521
      b %= 65521
    }
    return b << 16 | a
  }

  /// The Adler-32 of a byte array.
  public static func checksum(_ bytes: [UInt8], continuing adler: UInt32 = 1) -> UInt32 {
    bytes.withUnsafeBufferPointer { checksum($0, continuing: adler) }
  }
}
