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
          "  \(stage.label)  \(word(stage.state, stage.origin, plan: true))"
            + estimate(stage.state, stage.estimateSeconds)
            + "  ← \(stage.variants.count) cell(s): \(stage.variants.joined(separator: ", "))")
      }
    }
    lines.append("")
    lines.append("cells:")
    for cell in cells {
      let stage = cell.stageKey.map { "  after pretraining \($0.prefix(8))" } ?? ""
      lines.append(
        "  \(cell.run.variant) seed \(cell.run.seed)  \(word(cell.state, cell.origin, plan: true))"
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
    lines += staleNotes
    return lines.joined(separator: "\n")
  }

  /// `layoutlab status`: done / running / failed / missing per stage and cell, with progress.
  public var statusText: String {
    var lines: [String] = []
    let counts = Dictionary(grouping: cells, by: \.state).mapValues(\.count)
    let staleDone = cells.filter { $0.state == .done && $0.origin?.isStale == true }.count
    lines.append(
      "\(spec.name): "
        + [WorkState.done, .stale, .running, .failed, .missing].compactMap { state in
          let count = counts[state] ?? 0
          if state == .stale && count == 0 { return nil }
          return "\(count) \(state.rawValue)"
            + (state == .done && staleDone > 0 ? " (\(staleDone) stale)" : "")
        }.joined(separator: ", ") + " of \(cells.count) run(s)")
    for stage in stages {
      lines.append(
        "  \(stage.label): \(word(stage.state, stage.origin, plan: false))"
          + progress(stage.activity))
    }
    for cell in cells {
      var line =
        "  \(cell.run.variant) seed \(cell.run.seed): \(word(cell.state, cell.origin, plan: false))"
      line += progress(cell.activity)
      if let failure = cell.failure { line += ": " + failure }
      lines.append(line)
    }
    lines += staleNotes
    return lines.joined(separator: "\n")
  }

  /// A state as `plan` (`done` is "cached") or `status` (`done` is "done") names it, with which
  /// code made the cached work: `cached, stale (made by 1a2b3c4d5e6f)`, `cached (code unknown)`.
  private func word(_ state: WorkState, _ origin: CodeOrigin?, plan: Bool) -> String {
    switch state {
    case .done: return (plan ? "cached" : "done") + (origin?.note ?? "")
    case .stale: return "stale (\(origin?.madeBy ?? "made by other code")), will rerun"
    default: return plan ? state.planWord : state.rawValue
    }
  }

  /// What `run` does with work made by other sources, when there is any.
  private var staleNotes: [String] {
    let reused = cells.filter { $0.state == .done && $0.origin?.isStale == true }.count
    let rerun = cells.filter { $0.state == .stale }.count
    let staleStages = stages.filter { $0.origin?.isStale == true }
    var lines: [String] = []
    if reused > 0 {
      lines.append(
        "\(reused) cached cell(s) were made by other code (sources \(sourceDigest.prefix(12)) "
          + "now): `run` reuses them; `run --rerun-stale` reruns them")
    }
    if rerun > 0 {
      lines.append("\(rerun) stale cell(s) will rerun (--rerun-stale)")
    }
    if !staleStages.isEmpty {
      lines.append(
        "\(staleStages.count) cached stage(s) were made by other code and are reused (also with "
          + "--rerun-stale); delete a stage's folder under .stages/pretraining/ to rebuild it")
    }
    return lines.isEmpty ? [] : [""] + lines
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
