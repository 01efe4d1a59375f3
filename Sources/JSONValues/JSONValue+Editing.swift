// LayoutLab — merging JSON objects and setting values at key paths (spec overrides).

extension JSONValue {
  /// `self` with `overlay` merged in: objects merge key by key (recursively), anything else is
  /// replaced. New keys go after the existing ones.
  public func merged(with overlay: JSONValue) -> JSONValue {
    guard case .object(var pairs) = self, case .object(let extra) = overlay else { return overlay }
    for (key, value) in extra {
      if let index = pairs.firstIndex(where: { $0.0 == key }) {
        pairs[index].1 = pairs[index].1.merged(with: value)
      } else {
        pairs.append((key, value))
      }
    }
    return .object(pairs)
  }

  /// `self` with the value at the key path `path` (`["data", "root"]`) set to `value`,
  /// creating objects on the way (and replacing non-objects there).
  public func setting(_ path: [String], to value: JSONValue) -> JSONValue {
    guard let first = path.first else { return value }
    var pairs: [(String, JSONValue)] = []
    if case .object(let existing) = self { pairs = existing }
    let rest = Array(path.dropFirst())
    if let index = pairs.firstIndex(where: { $0.0 == first }) {
      pairs[index].1 = pairs[index].1.setting(rest, to: value)
    } else {
      pairs.append((first, JSONValue.null.setting(rest, to: value)))
    }
    return .object(pairs)
  }
}
