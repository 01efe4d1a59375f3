// LayoutLab — a chart's plot area: grid lines, axes, ticks and axis labels around it.

/// The plot area of a chart, in pixels from the top-left corner.
struct PlotFrame {
  var left: Double
  var right: Double
  var top: Double
  var bottom: Double

  /// Horizontal grid lines and labels at the y ticks, the two axes, x tick marks and labels,
  /// and both axis labels (the y label turned a quarter).
  func axisLines(xAxis: ChartAxis, yAxis: ChartAxis, xLabel: String, yLabel: String) -> [String] {
    var lines: [String] = []
    for (tick, label) in zip(yAxis.ticks, yAxis.labels) {
      let y = bottom - yAxis.fraction(tick) * (bottom - top)
      lines.append(line((left, y), (right, y), stroke: "#dddddd"))
      lines.append(text(label, at: (left - 8, y + 4), anchor: "end", size: 12))
    }
    lines.append(line((left, bottom), (right, bottom), stroke: "#333333"))
    lines.append(line((left, top), (left, bottom), stroke: "#333333"))
    for (tick, label) in zip(xAxis.ticks, xAxis.labels) {
      let x = left + xAxis.fraction(tick) * (right - left)
      lines.append(line((x, bottom), (x, bottom + 5), stroke: "#333333"))
      lines.append(text(label, at: (x, bottom + 20), anchor: "middle", size: 12))
    }
    lines.append(text(xLabel, at: ((left + right) / 2, bottom + 44), anchor: "middle"))
    lines.append(
      svgElement(
        "text",
        [
          ("transform", "rotate(-90)"), ("x", svgNumber(-(top + bottom) / 2)), ("y", "20"),
          ("text-anchor", "middle"),
        ], text: yLabel))
    return lines
  }

  private func line(_ from: (Double, Double), _ to: (Double, Double), stroke: String) -> String {
    svgElement(
      "line",
      [
        ("x1", svgNumber(from.0)), ("y1", svgNumber(from.1)), ("x2", svgNumber(to.0)),
        ("y2", svgNumber(to.1)), ("stroke", stroke),
      ])
  }

  private func text(
    _ content: String, at point: (Double, Double), anchor: String, size: Int? = nil
  ) -> String {
    svgElement(
      "text",
      [("x", svgNumber(point.0)), ("y", svgNumber(point.1)), ("text-anchor", anchor)]
        + (size.map { [("font-size", "\($0)")] } ?? []), text: content)
  }
}
