// LayoutLab — the baselines of one data configuration, as `baselines.json` keeps them.

/// The baselines of one data configuration: entity baselines in `scores`, classification
/// baselines in `classification` (then `scores` is empty).
public struct BaselineEntry: Codable, Sendable {
  /// The data settings the baselines were scored on.
  public var data: DataSettings
  /// Entity baselines.
  public var scores: [BaselineScores]
  /// Classification baselines (absent for entity data).
  public var classification: [ClassificationBaselineScores]? = nil

  /// Creates an entry.
  public init(
    data: DataSettings, scores: [BaselineScores],
    classification: [ClassificationBaselineScores]? = nil
  ) {
    self.data = data
    self.scores = scores
    self.classification = classification
  }
}
