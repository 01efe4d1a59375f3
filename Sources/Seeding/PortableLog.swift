// LayoutLab — a natural logarithm that is bit-identical on every IEEE-754 platform.

/// The natural logarithm of a positive finite `x`, from `+ − × ÷` only, so it is bit-identical
/// on every IEEE-754 platform (unlike libm's `log`).
public func portableLog(_ x: Double) -> Double {
  precondition(x > 0 && x.isFinite, "portableLog needs a positive finite argument")
  var m = x.significand  // in [1, 2)
  var e = Double(x.exponent)
  if m > 1.4142135623730951 {
    m /= 2
    e += 1
  }
  // ln(m) = 2·atanh(z), z = (m − 1)/(m + 1), |z| ≤ 0.1716.
  let z = (m - 1) / (m + 1)
  let z2 = z * z
  var term = z
  var sum = 0.0
  var k = 1.0
  for _ in 0..<14 {
    sum += term / k
    term *= z2
    k += 2
  }
  return 2 * sum + e * 0.6931471805599453
}
