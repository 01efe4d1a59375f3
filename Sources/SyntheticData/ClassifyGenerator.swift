// LayoutLab — synthetic RVL-CDIP pages whose class is decided by text, layout or pixels.

import LayoutData
import Seeding

/// Builds one `classify` page of a given class and cue.
///
/// A page has three independent parts: its words (class words or neutral), its arrangement
/// (a class's layout) and its look (a class's visual signature). The cue picks which part
/// carries the true class; the other two are drawn from a uniformly random class (words are
/// neutral), so they carry no information about it but do show another class (a decoy); with
/// `SynthesisOptions.neutralParts` they are neutral instead (plain paragraphs, no signature):
/// - `text`: class words and keywords; random arrangement and look;
/// - `layout`: neutral words; the class's arrangement; random look;
/// - `visual`: neutral words; random arrangement; the class's look.
struct ClassifyGenerator {
  /// Arrangement variants per class; with `--template-holdout` the last one is test-only.
  static let variantCount = 4

  let options: SynthesisOptions

  /// The page `id` of class `classLabel` with `cue`, arranged with template `variant`.
  func makePage(
    id: String, classLabel: Int, cue: Cue, variant: Int, generator: SeededGenerator,
    labelled: Bool = true
  ) -> (document: Document, canvas: PageCanvas) {
    let page = makePageWithParts(
      id: id, classLabel: classLabel, cue: cue, variant: variant, generator: generator,
      labelled: labelled)
    return (page.document, page.canvas)
  }

  /// `makePage`, plus the classes the page's arrangement and look were drawn from (equal to
  /// `classLabel` for the cue's part, random decoys otherwise, −1 when neutral).
  func makePageWithParts(
    id: String, classLabel: Int, cue: Cue, variant: Int, generator: SeededGenerator,
    labelled: Bool = true
  ) -> (document: Document, canvas: PageCanvas, layoutClass: Int, visualClass: Int) {
    var page = PageBuilder(
      width: options.pageWidth, height: options.pageHeight, generator: generator)
    let classes = RVLCDIP.classNames.count
    var layoutClass = cue == .layout ? classLabel : page.generator.nextInt(below: classes)
    var visualClass = cue == .visual ? classLabel : page.generator.nextInt(below: classes)
    // Neutral parts: no signature, and a plain arrangement shared by every class (−1).
    let neutral = options.neutralParts ?? false
    if neutral && cue != .visual { visualClass = -1 }
    if neutral && cue != .layout { layoutClass = -1 }
    if visualClass >= 0 {
      ClassVisuals.draw(visualClass, on: &page.canvas, generator: &page.generator)
    }
    let source = PhraseSource(classLabel: classLabel, neutral: cue != .text)
    ClassLayouts(source: source, variant: variant).draw(layoutClass, on: &page)
    let finished = page.finish(
      id: id, options: options, classLabel: labelled ? classLabel : nil,
      cue: labelled ? cue : nil)
    return (finished.document, finished.canvas, layoutClass, visualClass)
  }
}
