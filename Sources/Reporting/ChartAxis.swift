// LayoutLab — a chart axis: its scale, range, ticks and tick labels, all in fixed formatting.

import Foundation

/// How a chart axis maps values to positions.
public enum AxisScale: String, Equatable, Sendable {
  /// Equal distances for equal differences.
  case linear
  /// Equal distances for equal ratios (base 10); every value must be positive.
  case logarithmic
}

/// Data a chart cannot draw, named precisely.
public struct ChartError: Error, Equatable, CustomStringConvertible, Sendable {
  /// What was wrong, naming the series or axis.
  public var problem: String

  /// Creates an error.
  public init(_ problem: String) { self.problem = problem }

  public var description: String { "chart: \(problem)" }
}

/// An axis laid out for drawing: the drawn range, the ticks and their labels.
///
/// Linear axes get 1, 2 or 5 × 10^k ticks (about five) and a range rounded out to them, labels
/// with the step's decimals. Logarithmic axes pad the data by a factor of 1.25 each side and
/// tick at 1, 2 and 5 × 10^k (only powers of ten when that would exceed ten ticks). Explicit
/// ticks replace the computed ones (the range then covers them too); their labels use the
/// fewest decimals (at most 6) that show each value.
struct ChartAxis: Equatable {
  var scale: AxisScale
  /// The drawn range, in data units.
  var lower: Double
  var upper: Double
  var ticks: [Double]
  var labels: [String]

  /// An axis for `values`; `range` fixes the drawn range (ticks still computed inside it).
  init(
    values: [Double], scale: AxisScale, range: ClosedRange<Double>?, ticks explicit: [Double]?,
    name: String
  ) throws {
    self.scale = scale
    let all = values + (explicit ?? []) + (range.map { [$0.lowerBound, $0.upperBound] } ?? [])
    guard let low = all.min(), let high = all.max() else {
      throw ChartError("\(name) axis: no values to draw")
    }
    if scale == .logarithmic, low <= 0 {
      throw ChartError("\(name) axis is logarithmic but has a value \(low) ≤ 0")
    }
    switch scale {
    case .linear:
      let (start, end) =
        low == high ? (low - max(abs(low) * 0.1, 1), high + max(abs(high) * 0.1, 1)) : (low, high)
      let step = niceStep((end - start) / 5)
      let decimals = max(0, -Int((log10(step) + 1e-9).rounded(.down)))
      let first = (start / step + 1e-9).rounded(.down)
      let last = (end / step - 1e-9).rounded(.up)
      let computed = stride(from: first, through: last, by: 1).map { $0 * step }
      let (from, to) = (range?.lowerBound ?? computed[0], range?.upperBound ?? computed.last ?? 0)
      (lower, upper) = (from, to)
      ticks = explicit ?? computed.filter { $0 >= from - step * 1e-9 && $0 <= to + step * 1e-9 }
      labels = explicit?.map(shortestLabel) ?? ticks.map { fixedLabel($0, decimals) }
    case .logarithmic:
      lower = range?.lowerBound ?? (explicit == nil ? low / 1.25 : low / 1.1)
      upper = range?.upperBound ?? (explicit == nil ? high * 1.25 : high * 1.1)
      if let explicit {
        ticks = explicit
      } else {
        let decades = Int(log10(lower).rounded(.down))...Int(log10(upper).rounded(.up))
        let (low, high) = (lower, upper)
        func ticks(_ steps: [Double]) -> [Double] {
          decades.flatMap { k in steps.map { $0 * pow(10, Double(k)) } }
            .filter { $0 >= low && $0 <= high }
        }
        let fine = ticks([1, 2, 5])
        self.ticks = fine.count > 10 ? ticks([1]) : fine
      }
      labels = ticks.map(shortestLabel)
    }
  }

  /// Where `value` falls between `lower` (0) and `upper` (1).
  func fraction(_ value: Double) -> Double {
    switch scale {
    case .linear: return (value - lower) / (upper - lower)
    case .logarithmic: return (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
    }
  }
}

/// 1, 2, 5 or 10 × 10^k, the smallest at least `raw`.
private func niceStep(_ raw: Double) -> Double {
  let magnitude = pow(10, (log10(raw) + 1e-9).rounded(.down))
  let residual = raw / magnitude
  let nice: Double =
    residual <= 1 + 1e-9 ? 1 : residual <= 2 + 1e-9 ? 2 : residual <= 5 + 1e-9 ? 5 : 10
  return nice * magnitude
}

/// `value` with `decimals` decimals, never `-0`.
func fixedLabel(_ value: Double, _ decimals: Int) -> String {
  let text = String(format: "%.\(decimals)f", value)
  return Double(text) == 0 ? String(format: "%.\(decimals)f", 0.0) : text
}

/// `value` with the fewest decimals (0 to 6) that show it to 1e-9 relative.
func shortestLabel(_ value: Double) -> String {
  for decimals in 0..<6 {
    let text = fixedLabel(value, decimals)
    if let parsed = Double(text), abs(parsed - value) <= 1e-9 * max(1, abs(value)) { return text }
  }
  return fixedLabel(value, 6)
}
