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
      lines.append(
        svgElement(
          "line",
          [
            ("x1", svgNumber(left)), ("y1", svgNumber(y)), ("x2", svgNumber(right)),
            ("y2", svgNumber(y)), ("stroke", "#dddddd"),
          ]))
      lines.append(
        svgElement(
          "text",
          [
            ("x", svgNumber(left - 8)), ("y", svgNumber(y + 4)),
            ("text-anchor", "end"), ("font-size", "12"),
          ], text: label))
    }
    lines.append(
      svgElement(
        "line",
        [
          ("x1", svgNumber(left)), ("y1", svgNumber(bottom)), ("x2", svgNumber(right)),
          ("y2", svgNumber(bottom)), ("stroke", "#333333"),
        ]))
    lines.append(
      svgElement(
        "line",
        [
          ("x1", svgNumber(left)), ("y1", svgNumber(top)), ("x2", svgNumber(left)),
          ("y2", svgNumber(bottom)), ("stroke", "#333333"),
        ]))
    for (tick, label) in zip(xAxis.ticks, xAxis.labels) {
      let x = left + xAxis.fraction(tick) * (right - left)
      lines.append(
        svgElement(
          "line",
          [
            ("x1", svgNumber(x)), ("y1", svgNumber(bottom)), ("x2", svgNumber(x)),
            ("y2", svgNumber(bottom + 5)), ("stroke", "#333333"),
          ]))
      lines.append(
        svgElement(
          "text",
          [
            ("x", svgNumber(x)), ("y", svgNumber(bottom + 20)),
            ("text-anchor", "middle"), ("font-size", "12"),
          ], text: label))
    }
    lines.append(
      svgElement(
        "text",
        [
          ("x", svgNumber((left + right) / 2)), ("y", svgNumber(bottom + 44)),
          ("text-anchor", "middle"),
        ], text: xLabel))
    lines.append(
      svgElement(
        "text",
        [
          ("transform", "rotate(-90)"), ("x", svgNumber(-(top + bottom) / 2)),
          ("y", "20"), ("text-anchor", "middle"),
        ], text: yLabel))
    return lines
  }
}
