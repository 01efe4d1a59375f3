// LayoutLab — form templates: the geometry a family of synthetic forms shares.

import Seeding

/// The fixed geometry of one form template; documents add their own jitter on top.
///
/// Templates differ in margins, font sizes, key-column width, one or two field columns, row
/// spacing, header alignment, where the visual-cue fields sit and how wide tables are.
struct FormTemplate {
  /// Templates in all; with `--template-holdout` the last quarter is test-only.
  static let count = 16

  let id: Int
  let margin: Int
  let headerScale: Int
  let bodyScale: Int
  let keyColumnWidth: Int
  let columns: Int
  let rowGap: Int
  let centeredHeader: Bool
  let hasLogo: Bool
  /// Left edge of the checkbox slot of visual-cue fields, as a fraction of the free width.
  let visualOffset: Double
  /// Width of a visual-cue field's decorated area in pixels.
  let visualFieldWidth: Int
  let tableColumns: Int
  let ruledTables: Bool

  /// The template `id`; the same id always gives the same geometry.
  init(id: Int) {
    self.id = id
    var generator = SeededGenerator(
      seed: SeededGenerator.stableHash("form-template") ^ UInt64(id) &* 0x9E37_79B9)
    margin = generator.nextInt(in: 40...80)
    headerScale = generator.nextBool(probability: 0.5) ? 3 : 4
    bodyScale = 2
    keyColumnWidth = generator.nextInt(in: 150...230)
    columns = generator.nextBool(probability: 0.4) ? 2 : 1
    rowGap = generator.nextInt(in: 8...18)
    centeredHeader = generator.nextBool(probability: 0.6)
    hasLogo = generator.nextBool(probability: 0.5)
    visualOffset = generator.nextUniformDouble(in: 0...0.35)
    visualFieldWidth = generator.nextInt(in: 220...300)
    tableColumns = generator.nextInt(in: 2...4)
    ruledTables = generator.nextBool(probability: 0.6)
  }

  /// The template ids a document of `split` may use.
  static func ids(holdout: Bool, testSplit: Bool) -> [Int] {
    let seen = count - count / 4
    guard holdout else { return Array(0..<count) }
    return testSplit ? Array(seen..<count) : Array(0..<seen)
  }
}
