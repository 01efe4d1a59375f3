// LayoutLab — bounds on a spec: how many runs a plan may hold, and no repeated seeds or values.

import Foundation

extension ExperimentSpec {
  /// The most runs (variants or axis cells × seeds) one spec may plan: 100,000. A larger
  /// sweep is refused before anything is expanded; split it into several specs.
  public static let maximumRuns = 100_000
}

/// Throws `SpecError.invalidValue` naming `path` when `count` runs (described by `what`) exceed
/// `ExperimentSpec.maximumRuns`.
func checkRunCount(_ count: Int, file: String, path: String, what: String) throws {
  guard count <= ExperimentSpec.maximumRuns else {
    throw SpecError.invalidValue(
      file: file, path: path,
      expected:
        "at most \(ExperimentSpec.maximumRuns) runs in one spec, found \(what)"
        + (count == Int.max ? "" : " (\(count) runs)") + "; split the sweep into several specs")
  }
}

/// Throws `SpecError.invalidValue` at `path[j]` for the first element equal to an earlier one
/// (`what` names an element, e.g. `seed`): a repeated seed or axis value would run twice.
func checkDistinct<Element: Hashable>(
  _ elements: [Element], file: String, path: String, what: String
) throws {
  var firstIndex: [Element: Int] = [:]
  for (index, element) in elements.enumerated() {
    if let earlier = firstIndex[element] {
      throw SpecError.invalidValue(
        file: file, path: "\(path)[\(index)]",
        expected: "a \(what) not listed before (it repeats \(path)[\(earlier)])")
    }
    firstIndex[element] = index
  }
}
