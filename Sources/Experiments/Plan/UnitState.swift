// LayoutLab — where each unit of the graph stands: cached (and by which code), running,
// failed, interrupted, stale or missing, with an estimate of its time.

import Foundation
import HostCPU

/// A cell unit with its state: done (a result with its hash), running, failed, stale or missing,
/// and an estimate from a finished run like it.
func cellState(
  _ unit: WorkUnit, store: ResultStore, finished: [RunResult], options: RunnerOptions
) throws -> PlannedUnit {
  guard let cell = unit.cell else { return PlannedUnit(unit: unit, state: .missing) }
  let run = cell.run
  var planned = PlannedUnit(unit: unit, state: .missing)
  let directory = store.resultURL(
    experiment: unit.context.experiment, variant: run.variant, seed: run.seed
  )
  .deletingLastPathComponent()
  if let existing = try store.read(
    experiment: unit.context.experiment, variant: run.variant, seed: run.seed),
    existing.provenance.configurationHash == cell.configurationHash
  {
    planned.origin = CodeOrigin(existing.provenance, currentDigest: options.sourceDigest)
    planned.state = .done
    planned.estimateSeconds = existing.timings.totalSeconds
  }
  let rerun = planned.origin?.isStale == true && options.rerunStale
  if planned.state == .done && !rerun {
    return planned  // reused as it is
  } else if let activity = StageActivity.read(in: directory), activity.isAlive {
    planned.state = .running
    planned.activity = activity
  } else if let failure = CellFailure.read(in: directory),
    failure.configurationHash == cell.configurationHash
  {
    planned.state = .failed
    planned.failure = failure.error
  } else if rerun {
    planned.state = .stale
  }
  // A finished run with the same settings (another seed), else the same model and data.
  func text<T: Encodable>(_ value: T) -> String? { try? canonicalJSON(value) }
  let twin =
    finished.first { text($0.configuration) == text(run.configuration) }
    ?? finished.first {
      text($0.configuration.model) == text(run.configuration.model)
        && text($0.configuration.data) == text(run.configuration.data)
        && $0.configuration.training.epochs == run.configuration.training.epochs
    }
  planned.estimateSeconds = twin?.timings.totalSeconds
  return planned
}

/// A corpus unit with its state: done, running, interrupted or missing.
func corpusState(_ unit: WorkUnit, store: StageStore) -> PlannedUnit {
  var planned = PlannedUnit(unit: unit, state: .missing)
  guard case .corpus(let corpus) = unit.work else { return planned }
  if let record = store.record(.corpus, key: corpus.key) {
    planned.state = .done
    planned.estimateSeconds = record.seconds
    planned.origin = CodeOrigin(record.provenance, currentDigest: unit.context.sourceDigest)
  } else if let activity = store.activity(.corpus, key: corpus.key) {
    planned.activity = activity
    planned.state = activity.isAlive ? .running : .interrupted
  }
  return planned
}

/// A pre-training unit with its state, and an estimate from step times measured on this
/// machine for the same shape (else for the same model).
func stageState(_ unit: WorkUnit, _ stage: PretrainingStagePlan, store: StageStore)
  -> PlannedUnit
{
  var result = PlannedUnit(unit: unit, state: .missing)
  if let record = store.record(.pretraining, key: stage.key) {
    result.state = .done
    result.estimateSeconds = record.seconds
    result.origin = CodeOrigin(record.provenance, currentDigest: unit.context.sourceDigest)
    return result
  }
  if let activity = store.activity(.pretraining, key: stage.key) {
    result.activity = activity
    result.state = activity.isAlive ? .running : .interrupted
  }
  let records = store.records(.pretraining).filter { $0.secondsPerStep != nil }
  let cpu = CPUDescription.current().modelName
  let sameShape = records.filter { $0.stepShape == stage.stepShape }
  if let match = sameShape.first(where: { $0.provenance.cpu == cpu }) ?? sameShape.first,
    let perStep = match.secondsPerStep
  {
    let remaining = stage.section.settings.run.steps - (result.activity?.step ?? 0)
    result.estimateSeconds = perStep * Double(remaining)
  }
  return result
}
