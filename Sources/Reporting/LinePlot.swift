// LayoutLab — an SVG line plot with interval bands, axes, ticks and a legend, as plain text.

import Evaluation
import Foundation

/// One point of a plotted series, with an optional interval drawn as a shaded band.
public struct PlotPoint: Equatable, Sendable {
  /// Position on the x axis.
  public var x: Double
  /// Position on the y axis (the line goes through it).
  public var y: Double
  /// Lower end of the point's interval; the band uses `y` when nil.
  public var lower: Double?
  /// Upper end of the point's interval; the band uses `y` when nil.
  public var upper: Double?

  /// Creates a point, with an interval when `lower` and `upper` are given.
  public init(x: Double, y: Double, lower: Double? = nil, upper: Double? = nil) {
    self.x = x
    self.y = y
    self.lower = lower
    self.upper = upper
  }
}

extension PlotPoint {
  /// The mean over seeds at `x`, with its t-interval as the band (none for one seed).
  public init(x: Double, seeds: SeedSummary) {
    self.init(x: x, y: seeds.mean, lower: seeds.lower, upper: seeds.upper)
  }
}

/// One named line of a plot (a task, a variant), drawn through its points in the order given.
public struct PlotSeries: Equatable, Sendable {
  /// The legend's name for the line.
  public var name: String
  /// The points, in drawing order (usually increasing x).
  public var points: [PlotPoint]

  /// Creates a series.
  public init(name: String, points: [PlotPoint]) {
    self.name = name
    self.points = points
  }
}

/// A line chart of one or more series against x, written as SVG text by `svg()`.
///
/// The output depends only on these fields: numbers are written with fixed decimals (two for
/// coordinates), there is no date or random id, so the same plot gives the same bytes on every
/// run. Accessibility: the SVG has `role="img"`, a `<title>` (the title) and a `<desc>` naming
/// the axes and series; text is 12–16 px; series take the Okabe–Ito colours and, from the
/// second one on, differ from the first in colour or dash (see `seriesStyle`). A series with
/// intervals gets a band of its colour at 18 % opacity, drawn under every line.
public struct LinePlot: Equatable, Sendable {
  /// The heading above the plot, also the SVG's `<title>`.
  public var title: String
  /// The x axis's label (say "visual tokens").
  public var xLabel: String
  /// The y axis's label (say "dev ANLS").
  public var yLabel: String
  /// The lines, in legend order.
  public var series: [PlotSeries]
  /// Scale of the x axis; `.logarithmic` needs positive x.
  public var xScale: AxisScale = .linear
  /// Scale of the y axis; `.logarithmic` needs positive y and intervals.
  public var yScale: AxisScale = .linear
  /// Ticks of the x axis (say the grid sizes 1, 4, 16, 49, 100, 196); nil computes them.
  public var xTicks: [Double]?
  /// The drawn y range (say 0...1); nil fits the data and intervals, rounded out to ticks.
  /// Values outside a fixed range are drawn outside the plot area.
  public var yRange: ClosedRange<Double>?
  /// What the bands are, shown under the title (say "95 % t-interval over 3 seeds").
  public var bandLabel: String?
  /// Whether each point gets a dot (off for long curves).
  public var showMarkers = true
  /// Size in pixels; the plot area leaves 180 px on the right for the legend.
  public var width = 640
  /// Height in pixels.
  public var height = 400

  /// Creates a plot with linear axes, computed ticks, markers and the default size.
  public init(title: String, xLabel: String, yLabel: String, series: [PlotSeries]) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.series = series
  }

  /// The plot as an SVG document (ending in a newline).
  /// - Throws: `ChartError` for no series, an empty series, a value that is not finite, or a
  ///   non-positive value on a logarithmic axis.
  public func svg() throws -> String {
    guard !series.isEmpty else { throw ChartError("'\(title)': no series to draw") }
    for line in series {
      guard !line.points.isEmpty else { throw ChartError("series '\(line.name)' has no points") }
      for point in line.points {
        let values = [point.x, point.y] + [point.lower, point.upper].compactMap { $0 }
        guard values.allSatisfy(\.isFinite) else {
          throw ChartError("series '\(line.name)' has a value that is not finite at x = \(point.x)")
        }
      }
    }
    let points = series.flatMap(\.points)
    let xAxis = try ChartAxis(
      values: points.map(\.x), scale: xScale, range: nil, ticks: xTicks, name: "x")
    let yAxis = try ChartAxis(
      values: points.flatMap { [$0.y] + [$0.lower, $0.upper].compactMap { $0 } }, scale: yScale,
      range: yRange, ticks: nil, name: "y")
    let frame = PlotFrame(
      left: 72, right: Double(width) - 180, top: bandLabel == nil ? 48 : 62,
      bottom: Double(height) - 64)
    func position(_ x: Double, _ y: Double) -> (Double, Double) {
      (
        frame.left + xAxis.fraction(x) * (frame.right - frame.left),
        frame.bottom - yAxis.fraction(y) * (frame.bottom - frame.top)
      )
    }
    var lines = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
        + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" font-family=\"sans-serif\" "
        + "font-size=\"13\">",
      svgElement("title", [], text: title),
      svgElement("desc", [], text: description),
      svgElement("rect", [("width", "100%"), ("height", "100%"), ("fill", "white")]),
      svgElement(
        "text",
        [
          ("x", "\(Int(frame.left))"), ("y", "28"), ("font-size", "16"),
          ("font-weight", "bold"),
        ], text: title),
    ]
    if let bandLabel {
      lines.append(
        svgElement(
          "text",
          [
            ("x", "\(Int(frame.left))"), ("y", "46"), ("font-size", "12"),
            ("fill", "#444444"),
          ], text: "shaded: \(bandLabel)"))
    }
    lines += frame.axisLines(xAxis: xAxis, yAxis: yAxis, xLabel: xLabel, yLabel: yLabel)
    for (index, line) in series.enumerated()
    where line.points.contains(where: { $0.lower != nil || $0.upper != nil }) {
      let upper = line.points.map { position($0.x, $0.upper ?? $0.y) }
      let lower = line.points.reversed().map { position($0.x, $0.lower ?? $0.y) }
      lines.append(
        svgElement(
          "polygon",
          [
            ("points", svgPoints(upper + lower)), ("fill", seriesStyle(index).color),
            ("fill-opacity", "0.18"), ("stroke", "none"),
          ]))
    }
    for (index, line) in series.enumerated() {
      let style = seriesStyle(index)
      lines.append("<g>" + svgElement("title", [], text: line.name))
      var attributes = [
        ("points", svgPoints(line.points.map { position($0.x, $0.y) })), ("fill", "none"),
        ("stroke", style.color), ("stroke-width", "2"),
      ]
      if !style.dash.isEmpty { attributes.append(("stroke-dasharray", style.dash)) }
      lines.append(svgElement("polyline", attributes))
      if showMarkers {
        for point in line.points {
          let (x, y) = position(point.x, point.y)
          lines.append(
            svgElement(
              "circle",
              [
                ("cx", svgNumber(x)), ("cy", svgNumber(y)), ("r", "3.5"),
                ("fill", style.color),
              ]))
        }
      }
      lines.append("</g>")
    }
    lines += legend(frame: frame)
    lines.append("</svg>")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The `<desc>` text: what is plotted against what, and the series.
  var description: String {
    let scale = { (axis: AxisScale) in axis == .logarithmic ? " (log scale)" : "" }
    var text =
      "Line chart of \(yLabel)\(scale(yScale)) against \(xLabel)\(scale(xScale)); series: "
      + series.map(\.name).joined(separator: ", ") + "."
    if let bandLabel { text += " Shaded bands: \(bandLabel)." }
    return text
  }

  private func legend(frame: PlotFrame) -> [String] {
    let x = frame.right + 20
    var lines: [String] = []
    for (index, line) in series.enumerated() {
      let style = seriesStyle(index)
      let y = frame.top + 8 + 22 * Double(index)
      if line.points.contains(where: { $0.lower != nil || $0.upper != nil }) {
        lines.append(
          svgElement(
            "rect",
            [
              ("x", svgNumber(x)), ("y", svgNumber(y - 7)), ("width", "28"),
              ("height", "14"), ("fill", style.color), ("fill-opacity", "0.18"),
            ]))
      }
      var attributes = [
        ("x1", svgNumber(x)), ("y1", svgNumber(y)), ("x2", svgNumber(x + 28)),
        ("y2", svgNumber(y)), ("stroke", style.color), ("stroke-width", "2"),
      ]
      if !style.dash.isEmpty { attributes.append(("stroke-dasharray", style.dash)) }
      lines.append(svgElement("line", attributes))
      if showMarkers {
        lines.append(
          svgElement(
            "circle",
            [
              ("cx", svgNumber(x + 14)), ("cy", svgNumber(y)), ("r", "3.5"),
              ("fill", style.color),
            ]))
      }
      lines.append(
        svgElement("text", [("x", svgNumber(x + 36)), ("y", svgNumber(y + 4))], text: line.name))
    }
    return lines
  }
}
