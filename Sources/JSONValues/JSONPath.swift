// LayoutLab — the path of a value inside a JSON file (`form[3].words[0].box`), built only when shown.

/// Where a value sits inside a JSON document: the root, a member of an object, or an element of
/// an array. Readers extend it for every value they step into, so it is cheap to make; the
/// text is built only for an error message.
public indirect enum JSONPath: Sendable, Equatable, CustomStringConvertible {
  /// The whole document.
  case root
  /// The member `key` of the object at the parent path.
  case member(JSONPath, String)
  /// The element at `index` of the array at the parent path.
  case element(JSONPath, Int)

  /// `form[3].words[0].box`; empty for the root.
  public var description: String {
    switch self {
    case .root: return ""
    case .member(.root, let key): return key
    case .member(let parent, let key): return parent.description + "." + key
    case .element(let parent, let index): return parent.description + "[\(index)]"
    }
  }
}
