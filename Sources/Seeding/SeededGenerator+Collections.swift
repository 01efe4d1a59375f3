// LayoutLab — seeded shuffles and choices, built on `nextInt(below:)` and `nextUniformDouble()`.

extension SeededGenerator {
  /// Shuffles `array` in place (Fisher–Yates from the back: for `i` from `count − 1` down to 1,
  /// swap element `i` with element `nextInt(below: i + 1)`), so `count − 1` draws.
  public mutating func shuffle<T>(_ array: inout [T]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      array.swapAt(i, nextInt(below: i + 1))
    }
  }

  /// The elements of `items` in a shuffled order (the same draws as `shuffle(_:)`).
  public mutating func shuffled<S: Sequence>(_ items: S) -> [S.Element] {
    var result = Array(items)
    shuffle(&result)
    return result
  }

  /// A uniformly chosen element (`items[nextInt(below: items.count)]`); `fallback`, without a
  /// draw, when `items` is empty. A one-element array also draws nothing.
  public mutating func pick<T>(_ items: [T], or fallback: T) -> T {
    items.isEmpty ? fallback : items[nextInt(below: items.count)]
  }

  /// An index drawn with probability proportional to `weights`; non-positive weights never win.
  ///
  /// One `nextUniformDouble()` draw when some weight is positive; 0, without a draw, otherwise.
  public mutating func weightedIndex(_ weights: [Double]) -> Int {
    let total = weights.reduce(0) { $0 + max(0, $1) }
    guard total > 0 else { return 0 }
    var target = nextUniformDouble() * total
    for (index, weight) in weights.enumerated() where weight > 0 {
      target -= weight
      if target < 0 { return index }
    }
    return weights.lastIndex(where: { $0 > 0 }) ?? 0
  }
}
