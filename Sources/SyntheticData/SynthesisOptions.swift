// LayoutLab — what the synthetic generator makes: dataset kinds, cue tags and every knob.

/// The dataset a synthesis run writes.
public enum SynthesisKind: String, CaseIterable, Sendable, Codable {
  /// Unlabelled pages of every document type, for pre-training.
  case corpus
  /// FUNSD-format forms with header / question / answer / other entities and links.
  case forms
  /// RVL-CDIP-format pages of the 16 standard classes.
  case classify
  /// DocVQA-format extractive questions with Microsoft Read OCR files.
  case qa
}

/// The modality that decides a labelled item.
public enum Cue: String, CaseIterable, Sendable, Codable {
  /// The words alone decide it.
  case text
  /// Position and geometry decide it; the strings are shared between the labels.
  case layout
  /// Only the image decides it; strings and geometry are shared between the labels.
  case visual
}

/// Rates of simulated OCR errors, applied to the words written to the files (never the image).
public struct OCRNoiseRates: Sendable, Equatable, Codable {
  /// Probability that a character is replaced by a look-alike.
  public var characterError: Double
  /// Probability that a word of four or more characters is split in two.
  public var wordSplit: Double
  /// Probability that a word is merged with the next word of its line and entity.
  public var wordMerge: Double
  /// Largest box jitter in pixels (each coordinate moves by up to this much).
  public var boxJitter: Int

  /// Creates rates; the defaults are mild, like a good commercial OCR engine.
  public init(
    characterError: Double = 0.01, wordSplit: Double = 0.01, wordMerge: Double = 0.01,
    boxJitter: Int = 2
  ) {
    self.characterError = characterError
    self.wordSplit = wordSplit
    self.wordMerge = wordMerge
    self.boxJitter = boxJitter
  }

  /// No OCR errors at all.
  public static let none = OCRNoiseRates(
    characterError: 0, wordSplit: 0, wordMerge: 0, boxJitter: 0)
}

/// Every option of a synthesis run besides kind, count, seed and output folder.
public struct SynthesisOptions: Sendable, Equatable, Codable {
  /// Relative weights of the cues among labelled items (text, layout, visual); default 40/30/30.
  public var cueWeights: [Double]
  /// OCR noise rates.
  public var ocrNoise: OCRNoiseRates
  /// Fraction of documents in the training split; the rest go to test (and val for classify).
  public var trainFraction: Double
  /// Fraction of documents in the validation split (`classify` only).
  public var validationFraction: Double
  /// When set, a quarter of the templates appear only in the test split.
  public var templateHoldout: Bool
  /// Probability that a page is turned by a small angle.
  public var rotationProbability: Double
  /// Largest turn in degrees.
  public var maxRotationDegrees: Double
  /// Scan speckles a page (scaled by a random factor in 0…1).
  public var speckles: Int
  /// Page height in pixels; the width is 0.762 of it, as on RVL-CDIP scans.
  public var pageHeight: Int
  /// `classify`: when true, the parts of a page that do not carry its class are neutral (plain
  /// paragraphs, no visual signature) instead of another class's decoys. nil or false: decoys.
  public var neutralParts: Bool?

  /// Creates options with the documented defaults.
  public init(
    cueWeights: [Double] = [0.4, 0.3, 0.3], ocrNoise: OCRNoiseRates = OCRNoiseRates(),
    trainFraction: Double = 0.8, validationFraction: Double = 0.1, templateHoldout: Bool = false,
    rotationProbability: Double = 0.3, maxRotationDegrees: Double = 1.0, speckles: Int = 300,
    pageHeight: Int = 1000
  ) {
    self.cueWeights = cueWeights
    self.ocrNoise = ocrNoise
    self.trainFraction = trainFraction
    self.validationFraction = validationFraction
    self.templateHoldout = templateHoldout
    self.rotationProbability = rotationProbability
    self.maxRotationDegrees = maxRotationDegrees
    self.speckles = speckles
    self.pageHeight = pageHeight
  }

  /// Page width in pixels.
  public var pageWidth: Int { Int((Double(pageHeight) * 0.762).rounded()) }

  /// Checks every field and throws an error that names the first bad one.
  public func validate() throws {
    func fail(_ field: String, _ expected: String) -> SynthesisError {
      SynthesisError.invalidOption(field: field, expected: expected)
    }
    guard cueWeights.count == 3, cueWeights.allSatisfy({ $0 >= 0 && $0.isFinite }),
      cueWeights.reduce(0, +) > 0
    else {
      throw fail("cue-mix", "three non-negative weights text,layout,visual with a positive sum")
    }
    for (name, rate) in [
      ("char-error", ocrNoise.characterError), ("word-split", ocrNoise.wordSplit),
      ("word-merge", ocrNoise.wordMerge), ("rotation-probability", rotationProbability),
    ] where !(0...1).contains(rate) {
      throw fail(name, "a probability in 0...1")
    }
    guard (0...20).contains(ocrNoise.boxJitter) else { throw fail("box-jitter", "0...20 pixels") }
    guard trainFraction > 0, validationFraction >= 0, trainFraction + validationFraction < 1 else {
      throw fail("train-fraction", "train > 0, val ≥ 0 and train + val < 1")
    }
    guard (0...10).contains(maxRotationDegrees) else {
      throw fail("max-rotation", "0...10 degrees")
    }
    guard (0...100_000).contains(speckles) else { throw fail("speckles", "0...100000") }
    guard (200...4000).contains(pageHeight) else { throw fail("page-height", "200...4000 pixels") }
  }
}

/// Why a synthesis run or a data card failed.
public enum SynthesisError: Error, CustomStringConvertible, Equatable {
  /// An option is out of range.
  case invalidOption(field: String, expected: String)
  /// A file could not be written or read back.
  case io(path: String, reason: String)
  /// The folder does not hold a synthetic dataset.
  case notADataset(path: String, expected: String)

  public var description: String {
    switch self {
    case .invalidOption(let field, let expected):
      return "synthesis option '\(field)': expected \(expected)"
    case .io(let path, let reason):
      return "\(path): \(reason)"
    case .notADataset(let path, let expected):
      return "\(path) is not a synthetic dataset: expected \(expected)"
    }
  }
}
