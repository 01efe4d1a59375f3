// LayoutLab — the Levenshtein distance, over any sequence of comparable elements.

/// The unit-cost Levenshtein distance between `a` and `b`: the fewest insertions, deletions
/// and substitutions of single elements that turn one into the other.
///
/// Takes `O(a.count · b.count)` time and `O(b.count)` memory. ANLS calls it on code-point
/// arrays (`[Unicode.Scalar]`); `editDistance(_:_:)` on two `String`s counts Unicode scalars.
@inlinable
public func editDistance<A: Collection, B: Collection>(_ a: A, _ b: B) -> Int
where A.Element == B.Element, A.Element: Equatable {
  let x = Array(a)
  let y = Array(b)
  if x.isEmpty { return y.count }
  if y.isEmpty { return x.count }
  var previous = [Int](0...y.count)
  var current = [Int](repeating: 0, count: y.count + 1)
  x.withUnsafeBufferPointer { x in
    y.withUnsafeBufferPointer { y in
      for i in 1...x.count {
        current.withUnsafeMutableBufferPointer { row in
          previous.withUnsafeBufferPointer { above in
            row[0] = i
            for j in 1...y.count {
              let substitution = above[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
              row[j] = min(above[j] + 1, row[j - 1] + 1, substitution)
            }
          }
        }
        swap(&previous, &current)
      }
    }
  }
  return previous[y.count]
}

/// The Levenshtein distance between two strings, counted in Unicode scalars (code points, as
/// Python counts them), not in `Character`s.
public func editDistance(_ a: String, _ b: String) -> Int {
  editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
}
