// LayoutLab — an SVG plot of per-task training losses.

import Foundation

/// An SVG line chart of each task's loss against the step, smoothed by a moving average.
public func lossCurvesSVG(_ records: [StepRecord], title: String, window: Int = 20) -> String {
  let series: [(String, String, [Double?])] = [
    ("total", "#444444", records.map(\.loss)), ("MVLM", "#1f77b4", records.map(\.mvlm)),
    ("TIA", "#2ca02c", records.map(\.tia)), ("TIM", "#d62728", records.map(\.tim)),
  ].filter { $0.2.contains { $0 != nil } }
  let (width, height, margin) = (720.0, 400.0, 50.0)
  let steps = Double(max(records.count, 1))
  func smoothed(_ values: [Double?]) -> [(Int, Double)] {
    var out: [(Int, Double)] = []
    var recent: [Double] = []
    for (i, value) in values.enumerated() {
      guard let value else { continue }
      recent.append(value)
      if recent.count > window { recent.removeFirst() }
      out.append((i, recent.reduce(0, +) / Double(recent.count)))
    }
    return out
  }
  let curves = series.map { ($0.0, $0.1, smoothed($0.2)) }
  let top = max(curves.flatMap { $0.2.map(\.1) }.max() ?? 1, 1e-6)
  func x(_ i: Int) -> Double { margin + Double(i) / steps * (width - 2 * margin) }
  func y(_ v: Double) -> Double { height - margin - v / top * (height - 2 * margin) }
  var svg = [
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\" font-size=\"12\">",
    "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
    "<text x=\"\(Int(margin))\" y=\"20\" font-size=\"14\">\(title) (moving average of \(window) steps)</text>",
    "<line x1=\"\(margin)\" y1=\"\(height - margin)\" x2=\"\(width - margin)\" y2=\"\(height - margin)\" stroke=\"black\"/>",
    "<line x1=\"\(margin)\" y1=\"\(margin)\" x2=\"\(margin)\" y2=\"\(height - margin)\" stroke=\"black\"/>",
    "<text x=\"\(Int(width / 2))\" y=\"\(Int(height - 12))\">step (1 … \(records.count))</text>",
    "<text x=\"5\" y=\"\(Int(margin))\">\(String(format: "%.2f", top))</text>",
    "<text x=\"5\" y=\"\(Int(height - margin))\">0</text>",
  ]
  for (index, (name, color, points)) in curves.enumerated() {
    let path = points.map { String(format: "%.1f,%.1f", x($0.0), y($0.1)) }.joined(separator: " ")
    svg.append(
      "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\" points=\"\(path)\"/>")
    let legendY = Int(margin) + 16 * index
    svg.append(
      "<text x=\"\(Int(width - margin - 90))\" y=\"\(legendY)\" fill=\"\(color)\">\(name)</text>")
  }
  svg.append("</svg>")
  return svg.joined(separator: "\n") + "\n"
}
