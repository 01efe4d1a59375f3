// LayoutLab — a run's file paths: portable (repository-relative) in records, absolute for use.

import Foundation

extension RunConfiguration {
  /// The settings' file paths (data root, test folder, OCR folder, vocabulary, checkpoint).
  private var pathKeys: [WritableKeyPath<RunConfiguration, String?>] {
    [\.data.root, \.data.test, \.data.ocr, \.model.initFrom]
  }

  /// This configuration with absolute paths inside `repository` made relative to it, so that
  /// the configuration hash, `result.json` and the reports are the same in every clone. Paths
  /// outside the repository stay as written.
  func relativizingPaths(to repository: URL) -> RunConfiguration {
    let base = repository.standardizedFileURL.path + "/"
    func relative(_ path: String) -> String {
      guard path.hasPrefix("/") else { return path }
      let standard = URL(fileURLWithPath: path).standardizedFileURL.path
      return standard.hasPrefix(base) ? String(standard.dropFirst(base.count)) : path
    }
    var copy = self
    for key in pathKeys { copy[keyPath: key] = self[keyPath: key].map(relative) }
    if data.vocabulary != DataSettings.buildVocabulary {
      copy.data.vocabulary = relative(data.vocabulary)
    }
    copy.pretraining?.mapCorpusFolders(relative)
    return copy
  }

  /// This configuration with relative paths made absolute against `repository`, for reading
  /// files. Never stored: records keep the portable form.
  func resolvingPaths(against repository: URL) -> RunConfiguration {
    func absolute(_ path: String) -> String { absolutePath(path, against: repository) }
    var copy = self
    for key in pathKeys { copy[keyPath: key] = self[keyPath: key].map(absolute) }
    if data.vocabulary != DataSettings.buildVocabulary {
      copy.data.vocabulary = absolute(data.vocabulary)
    }
    copy.pretraining?.mapCorpusFolders(absolute)
    return copy
  }
}

extension PretrainingSection {
  /// Rewrites each corpus folder path with `transform`.
  mutating func mapCorpusFolders(_ transform: (String) -> String) {
    corpus = corpus.map {
      if case .folder(let path) = $0 { return .folder(transform(path)) }
      return $0
    }
  }
}

/// `path` made absolute against `repository` (absolute paths stay as written).
func absolutePath(_ path: String, against repository: URL) -> String {
  path.hasPrefix("/") ? path : repository.appendingPathComponent(path).standardizedFileURL.path
}
