// LayoutLab — what the executor lends a task: the cache folder and the synthetic-set cache.

import Foundation
import SyntheticData

/// Where a task reads and caches its documents. The executor owns the caches; a task asks.
public struct TaskEnvironment: Sendable {
  /// The experiment's cache folder (OCR, generated sets).
  public var cache: URL
  /// Whether encoded windows go to temporary files instead of memory.
  public var windowsOnDisk: Bool
  /// The folder of the synthetic `kind` set for the data settings, generated on first use; the
  /// string is a suffix of its cache key (a variant of the generator's options).
  public var syntheticSet: @Sendable (SynthesisKind, DataSettings, String) throws -> URL

  /// Creates an environment.
  public init(
    cache: URL, windowsOnDisk: Bool = false,
    syntheticSet: @escaping @Sendable (SynthesisKind, DataSettings, String) throws -> URL = {
      kind, _, _ in throw TaskEnvironmentError.noSyntheticSets(kind: kind)
    }
  ) {
    self.cache = cache
    self.windowsOnDisk = windowsOnDisk
    self.syntheticSet = syntheticSet
  }
}

/// An environment that cannot give what a task asked for.
public enum TaskEnvironmentError: Error, CustomStringConvertible {
  /// The environment has no synthetic-set cache.
  case noSyntheticSets(kind: SynthesisKind)

  public var description: String {
    switch self {
    case .noSyntheticSets(let kind):
      return "no synthetic '\(kind.rawValue)' set: this environment generates none"
    }
  }
}
