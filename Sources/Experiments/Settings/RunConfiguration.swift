// LayoutLab — the fully resolved settings of one run: task, model, data, fine-tuning.

import LayoutModels
import Tasks
import Training

/// Everything one run needs, after variants and overrides are applied. File paths stay as the
/// spec wrote them (relative to the repository, or absolute), so the configuration hash and the
/// reports do not depend on where the checkout lives.
public struct RunConfiguration: Codable, Hashable, Sendable {
  public var task: FineTuningTask = .entities
  public var model = ModelSettings()
  public var data = DataSettings()
  public var training = FineTuningOptions()
  /// Question encoding, answer matching and decoding (`task: qa` only).
  public var qa = QAOptions()
  /// The pre-training stage the run starts from; nil: random initialisation (or `initFrom`).
  public var pretraining: PretrainingSection?

  /// Creates the defaults.
  public init() {}

  enum CodingKeys: String, CodingKey { case model, data, training, task, qa, pretraining }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let defaults = RunConfiguration()
    model = try c.decode(ModelSettings.self, forKey: .model)
    data = try c.decode(DataSettings.self, forKey: .data)
    training = try c.decode(FineTuningOptions.self, forKey: .training)
    task = try c.decodeIfPresent(FineTuningTask.self, forKey: .task) ?? defaults.task
    qa = try c.decodeIfPresent(QAOptions.self, forKey: .qa) ?? defaults.qa
    pretraining = try c.decodeIfPresent(PretrainingSection.self, forKey: .pretraining)
  }

  /// `task` is written only when it is not the default, `qa` only for QA runs and
  /// `pretraining` only when set, so older runs keep their configuration hash (and stay cached)
  /// across versions.
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(model, forKey: .model)
    try c.encode(data, forKey: .data)
    try c.encode(training, forKey: .training)
    if task != RunConfiguration().task { try c.encode(task, forKey: .task) }
    if task == .qa { try c.encode(qa, forKey: .qa) }
    try c.encodeIfPresent(pretraining, forKey: .pretraining)
  }
}
