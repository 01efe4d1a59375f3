// LayoutLab — a spec's `data` section: where documents come from and how they are encoded.

/// Where a run's documents come from.
public enum DataSource: String, Codable, Sendable, CaseIterable {
  /// Synthetic FUNSD-format forms, generated into the experiment's cache.
  case syntheticForms = "synthetic-forms"
  /// Synthetic RVL-CDIP-format pages of 16 classes, generated into the cache.
  case syntheticClassify = "synthetic-classify"
  /// A FUNSD-format folder (`root`).
  case funsd
  /// An RVL-CDIP-format folder (`root`): `train.txt`, `val.txt`, `test.txt` under `labels/` or
  /// at the root, and TIFF page images.
  case rvlcdip
  /// Synthetic DocVQA-format pages with extractive questions, generated into the cache.
  case syntheticQA = "synthetic-qa"
  /// A DocVQA-format question file or folder (`root`), with OCR from `ocr` or `ocr_results/`.
  case docvqa
}

/// Data settings. The encoded form is part of each run's configuration hash: optional fields
/// are written only when set, so adding one keeps every other run's hash.
public struct DataSettings: Codable, Hashable, Sendable {
  public var source: DataSource = .syntheticForms
  /// FUNSD root holding `training_data/` (and optionally `testing_data/`), or the RVL-CDIP
  /// folder of `rvlcdip`; relative to the repository or absolute.
  public var root: String?
  /// A FUNSD-format folder to test on instead of `<root>/testing_data` (for `docvqa`: a
  /// question file or folder).
  public var test: String?
  /// A folder of OCR files: `<page>.tsv` tesseract TSV (as `layoutlab ocr` writes them) or, for
  /// `docvqa`, `<page>.json` Microsoft Read. nil: `rvlcdip` reads a TSV beside each image, else
  /// runs tesseract into the experiment's cache; `docvqa` reads `ocr_results/` beside the
  /// question file.
  public var ocr: String?
  /// Synthetic documents to generate, and the generator seed.
  public var documents: Int = 240
  public var generatorSeed: Int = 1
  /// Put unseen templates in the synthetic test split.
  public var templateHoldout: Bool = true
  /// Dev split: every `devEvery`-th training form (index % devEvery == devEvery − 1).
  public var devEvery: Int = 5
  /// Train on only the first this many training documents (dev and test unchanged), for
  /// label-efficiency curves; nil: all.
  public var trainDocuments: Int?
  /// `rvlcdip`: train on a stratified sample of this many training pages per class (drawn with
  /// `generatorSeed`; dev and test unchanged); nil: all.
  public var perClass: Int?
  /// `synthetic-classify`: pages whose non-cue parts are neutral instead of decoys; nil: decoys.
  public var neutralParts: Bool?
  /// Tokens per window, and the overlap between windows (0: none).
  public var maxLength: Int = 256
  public var stride: Int = 0
  /// `build` (learn a WordPiece vocabulary from the training words) or a `vocab.txt` path.
  public var vocabulary: String = DataSettings.buildVocabulary
  /// Size of a built vocabulary.
  public var vocabularySize: Int = 4000

  /// The `vocabulary` value that builds one from the training words.
  public static let buildVocabulary = "build"

  /// Creates the defaults.
  public init() {}
}
