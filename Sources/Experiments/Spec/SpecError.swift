// LayoutLab — errors in experiment specs, each naming the file and the key path.

/// A problem found while reading or resolving an experiment spec. Every case names where.
public enum SpecError: Error, CustomStringConvertible, Equatable {
  case unreadable(file: String, reason: String)
  case syntax(file: String, reason: String)
  case unknownKey(file: String, path: String, suggestion: String?)
  case wrongType(file: String, path: String, expected: String, found: String)
  case invalidValue(file: String, path: String, expected: String)
  case missingKey(file: String, path: String)
  case badVariantReference(file: String, path: String, name: String, known: [String])
  case badOverride(text: String, reason: String)
  case missingPath(file: String, path: String, filePath: String)
  /// Architecture settings given beside `model.initFrom` that the checkpoint does not have.
  case checkpointConflict(file: String, variant: String, checkpoint: String, conflicts: [String])

  public var description: String {
    switch self {
    case .unreadable(let file, let reason): return "\(file): cannot read the spec (\(reason))"
    case .syntax(let file, let reason): return "\(file): not valid JSON5 (\(reason))"
    case .unknownKey(let file, let path, let suggestion):
      return "\(file): unknown key '\(path)'"
        + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
    case .wrongType(let file, let path, let expected, let found):
      return "\(file): '\(path)' must be \(expected), found \(found)"
    case .invalidValue(let file, let path, let expected):
      return "\(file): '\(path)' must be \(expected)"
    case .missingKey(let file, let path): return "\(file): '\(path)' is required"
    case .badVariantReference(let file, let path, let name, let known):
      return "\(file): '\(path)' names variant '\(name)', which does not exist (variants: "
        + known.joined(separator: ", ") + ")"
    case .badOverride(let text, let reason): return "--set \(text): \(reason)"
    case .missingPath(let file, let path, let filePath):
      return "\(file): '\(path)' points at \(filePath), which does not exist"
    case .checkpointConflict(let file, let variant, let checkpoint, let conflicts):
      return "\(file): variant '\(variant)' starts from \(checkpoint), whose architecture wins, "
        + "but sets " + conflicts.joined(separator: "; ")
        + " (remove these keys from the variant, or make them equal to the checkpoint's)"
    }
  }
}

extension SpecError {
  /// The key path the error is about, when it names one.
  var keyPath: String? {
    switch self {
    case .unknownKey(_, let path, _), .wrongType(_, let path, _, _), .invalidValue(_, let path, _),
      .missingKey(_, let path), .badVariantReference(_, let path, _, _),
      .missingPath(_, let path, _):
      return path
    case .unreadable, .syntax, .badOverride, .checkpointConflict: return nil
    }
  }

  /// Whether the error is about `path` or a key or element under it.
  func isAbout(_ path: String) -> Bool {
    guard let keyPath else { return false }
    return keyPath == path || keyPath.hasPrefix(path + ".") || keyPath.hasPrefix(path + "[")
  }
}
