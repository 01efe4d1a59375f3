// LayoutLab — the text of `layoutlab plan` and `layoutlab status`.

import Foundation
import Training

extension ExperimentPlan {
  /// `layoutlab plan`: the stages and cells, what is cached and what will run, with estimates
  /// from step times measured on this machine.
  public var planText: String {
    var lines = [
      "\(spec.name): \(cellNames.count) cell(s) × seeds = \(cells.count) run(s), "
        + "\(stages.count) pre-training stage(s)"
    ]
    if !stages.isEmpty {
      lines.append("")
      lines.append("stages:")
      for stage in stages {
        lines.append(
          "  \(stage.label)  \(stage.state.planWord)\(estimate(stage.state, stage.estimateSeconds))"
            + "  ← \(stage.variants.count) cell(s): \(stage.variants.joined(separator: ", "))")
      }
    }
    lines.append("")
    lines.append("cells:")
    for cell in cells {
      let stage = cell.stageKey.map { "  after pretraining \($0.prefix(8))" } ?? ""
      lines.append(
        "  \(cell.run.variant) seed \(cell.run.seed)  \(cell.state.planWord)"
          + estimate(cell.state, cell.estimateSeconds) + stage)
    }
    let work =
      stages.filter { $0.state != .done }.map(\.estimateSeconds)
      + cells.filter { $0.state != .done }.map(\.estimateSeconds)
    let known = work.compactMap { $0 }.reduce(0, +)
    let unknown = work.filter { $0 == nil }.count
    lines.append("")
    lines.append(
      work.isEmpty
        ? "nothing to run: every stage and cell is cached"
        : "to run: \(work.count) item(s), estimated \(duration(known))"
          + (unknown > 0 ? " plus \(unknown) without a measured time yet" : ""))
    return lines.joined(separator: "\n")
  }

  /// `layoutlab status`: done / running / failed / missing per stage and cell, with progress.
  public var statusText: String {
    var lines: [String] = []
    let counts = Dictionary(grouping: cells, by: \.state).mapValues(\.count)
    lines.append(
      "\(spec.name): "
        + [WorkState.done, .running, .failed, .missing].map {
          "\(counts[$0] ?? 0) \($0.rawValue)"
        }.joined(separator: ", ") + " of \(cells.count) run(s)")
    for stage in stages {
      lines.append("  \(stage.label): \(stage.state.rawValue)\(progress(stage.activity))")
    }
    for cell in cells {
      var line = "  \(cell.run.variant) seed \(cell.run.seed): \(cell.state.rawValue)"
      line += progress(cell.activity)
      if let failure = cell.failure { line += ": " + failure }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  private var cellNames: [String] {
    var seen: [String] = []
    for cell in cells where !seen.contains(cell.run.variant) { seen.append(cell.run.variant) }
    return seen
  }

  private func estimate(_ state: WorkState, _ seconds: Double?) -> String {
    guard state != .done else { return seconds.map { " (took \(duration($0)))" } ?? "" }
    return seconds.map { " (about \(duration($0)))" } ?? " (no time measured yet)"
  }

  private func progress(_ activity: StageActivity?) -> String {
    guard let activity, activity.totalSteps > 0 else { return "" }
    let age = Date().timeIntervalSince(activity.updated)
    return " step \(activity.step)/\(activity.totalSteps) (pid \(activity.pid), updated "
      + "\(duration(age)) ago\(activity.isAlive ? "" : ", process gone: run resumes it"))"
  }
}
