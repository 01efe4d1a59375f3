// LayoutLab — loss curves (step against loss, several runs or tasks) as an SVG line plot.

/// The trailing moving average of `values`: element `i` is the mean of
/// `values[max(0, i − window + 1)...i]`, so the first `window − 1` means average fewer values
/// (no padding, no look-ahead: a curve's smoothed value at a step uses only steps up to it).
/// A window of 1 (or less) returns `values` unchanged.
public func movingAverage(_ values: [Double], window: Int) -> [Double] {
  guard window > 1 else { return values }
  var out: [Double] = []
  out.reserveCapacity(values.count)
  var sum = 0.0
  for (index, value) in values.enumerated() {
    sum += value
    if index >= window { sum -= values[index - window] }
    out.append(sum / Double(min(index + 1, window)))
  }
  return out
}

/// A loss-curve plot: each series' points are (step, loss), smoothed by `movingAverage` over
/// `smoothing` points (1: raw), drawn without markers or bands.
///
/// The title says the window when there is one ("… (moving average of 20 points)"), so a reader
/// knows the curve is smoothed. Intervals on the points are dropped. `logLoss` draws the loss
/// axis on a log scale (every loss must then be positive).
/// - Throws: `ChartError` for a smoothing window below 1.
public func lossCurvePlot(
  title: String, series: [PlotSeries], smoothing: Int = 1, logLoss: Bool = false,
  xLabel: String = "step", yLabel: String = "loss"
) throws -> LinePlot {
  guard smoothing >= 1 else {
    throw ChartError("'\(title)': smoothing window must be at least 1, got \(smoothing)")
  }
  let smoothed = series.map { line in
    let means = movingAverage(line.points.map(\.y), window: smoothing)
    return PlotSeries(
      name: line.name,
      points: zip(line.points, means).map { PlotPoint(x: $0.0.x, y: $0.1) })
  }
  let heading = smoothing > 1 ? "\(title) (moving average of \(smoothing) points)" : title
  var plot = LinePlot(title: heading, xLabel: xLabel, yLabel: yLabel, series: smoothed)
  plot.showMarkers = false
  plot.yScale = logLoss ? .logarithmic : .linear
  return plot
}
