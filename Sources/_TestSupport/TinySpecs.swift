// LayoutLab — the smallest experiment spec that runs end to end, for tests of run and report.

/// The JSON5 text of a spec `tiny` that trains in seconds: a one-layer tiny v1 on 20 synthetic
/// forms (vocabulary 300, windows of 64), one epoch in batches of 4, variants `a` and `b` (`b`
/// with learning rate 1e-3), over `seeds`. Tests vary it with `replacingOccurrences`.
public func tinyFormsSpec(seeds: [Int] = [1, 2]) -> String {
  """
  {
    name: 'tiny',
    base: {
      model: { preset: 'tiny', version: 'v1', layers: 1 },
      data: { source: 'synthetic-forms', documents: 20, vocabularySize: 300, maxLength: 64 },
      training: { epochs: 1, batchSize: 4 },
    },
    variants: { a: {}, b: { training: { learningRate: 1e-3 } } },
    seeds: [\(seeds.map(String.init).joined(separator: ", "))],
  }
  """
}
