// LayoutLab — every rate and choice of the MVLM / TIA / TIM pre-training tasks, with defaults.

/// What TIM's "no image" negative shows the model.
public enum MissingImageMode: String, Codable, Sendable, CaseIterable {
  /// A blank white page.
  case blank
  /// No visual tokens: the page's visual tokens are masked out of attention.
  case noVisualTokens
}

/// What TIA learns on a TIM negative (a page showing another page's image, or none).
public enum NegativePageTIA: String, Codable, Sendable, CaseIterable {
  /// Every token is labelled "covered" (LayoutLMv2 §2.2 as the issue reads it).
  case covered
  /// The page's tokens are left out of the TIA loss, so TIA only learns to find covered lines
  /// (without this, spotting a mismatched page is an easier way to lower the TIA loss).
  case ignored
}

/// The pre-training tasks and their options (LayoutLMv2 §2.2; the paper leaves most of these
/// open, `layoutlm-reference.md` §B.2, so each is an explicit option with a documented default).
public struct PretrainingOptions: Codable, Hashable, Sendable {
  /// Masked visual-language modelling.
  public var mvlm = true
  /// Text-image alignment.
  public var tia = true
  /// Text-image matching.
  public var tim = true
  /// Fraction of text tokens MVLM selects (0.15).
  public var maskRate: Double = 0.15
  /// Of the selected tokens: replaced by `[MASK]` (0.8), by a random token (0.1), else kept.
  public var maskTokenShare: Double = 0.8
  public var randomTokenShare: Double = 0.1
  /// Paint the image regions of MVLM-selected tokens before the visual encoder (v2: on).
  public var paintMaskedRegions = true
  /// Fraction of OCR lines TIA covers on the page image (0.15).
  public var tiaLineRate: Double = 0.15
  /// The gray level covered regions are painted with (0 = black).
  public var coverFill: Float = 0
  /// The gray level MVLM paints masked tokens' regions with (0, the same as `coverFill`; 255
  /// erases the word to white so a painted word does not look like a TIA cover).
  public var maskedRegionFill: Float = 0
  /// Covered tokens' weight in the TIA loss against not-covered ones (1: plain BCE).
  public var tiaPositiveWeight: Float = 1
  /// Fraction of pages that get another page's image (0.15) and no image (0.05) for TIM.
  public var timReplaceRate: Double = 0.15
  public var timDropRate: Double = 0.05
  public var missingImage: MissingImageMode = .blank
  /// TIA labels on TIM negatives.
  public var negativePageTIA: NegativePageTIA = .covered
  /// Loss weights of the three tasks.
  public var mvlmWeight: Float = 1
  public var tiaWeight: Float = 1
  public var timWeight: Float = 1

  /// Creates the defaults.
  public init() {}

  /// Options for a v1 model: MVLM only (no image).
  public static var v1: PretrainingOptions {
    var options = PretrainingOptions()
    options.tia = false
    options.tim = false
    options.paintMaskedRegions = false
    return options
  }
}
