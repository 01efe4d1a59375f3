// LayoutLab — a spec's `axes` and `exclude`: a cartesian product of settings, expanded into
// named cells.

import Foundation
import JSONValues

/// One axis: a settings path (relative to `base`, like a variant override) and its values.
public struct SpecAxis: Sendable, Equatable {
  public var path: String
  public var values: [JSONValue]
}

/// What an exclude rule asks of one axis: a value, `{ anyOf: [...] }` or `{ not: value }`.
enum AxisValueMatcher: Equatable {
  case equals(JSONValue)
  case anyOf([JSONValue])
  case not(JSONValue)

  func matches(_ value: JSONValue) -> Bool {
    switch self {
    case .equals(let wanted): return wanted == value
    case .anyOf(let choices): return choices.contains(value)
    case .not(let unwanted): return unwanted != value
    }
  }
}

/// One exclude rule: a cell is dropped when every listed axis matches.
struct ExcludeRule: Equatable {
  var conditions: [(path: String, matcher: AxisValueMatcher)]

  static func == (a: ExcludeRule, b: ExcludeRule) -> Bool {
    a.conditions.map(\.path) == b.conditions.map(\.path)
      && a.conditions.map(\.matcher) == b.conditions.map(\.matcher)
  }
}

/// The axes of a spec and the cells they expand to.
///
/// `axes: { 'model.version': ['v1', 'v2'], 'model.grid': [[2,2], [4,4]] }` gives one cell per
/// combination, first axis slowest, named from the values (`v2-grid4x4`);
/// `exclude: [{ 'model.version': 'v1', 'model.grid': { not: [2,2] } }]` drops cells. Every axis
/// value is checked like a `--set` value, and every rule must drop at least one cell.
struct SpecAxes: Equatable {
  var axes: [SpecAxis]
  var rules: [ExcludeRule]

  /// Reads `axes` and `exclude`, checking each value against `base` (the spec's base
  /// configuration) so that a bad path or type names the axis.
  static func read(axes: JSONValue, exclude: JSONValue?, base: JSONValue, file: String) throws
    -> SpecAxes
  {
    guard case .object(let pairs) = axes, !pairs.isEmpty else {
      throw SpecError.wrongType(
        file: file, path: "axes", expected: "an object of 'settings.path': [values]",
        found: axes.typeName)
    }
    var result = SpecAxes(axes: [], rules: [])
    for (path, value) in pairs {
      guard case .array(let values) = value, !values.isEmpty else {
        throw SpecError.wrongType(
          file: file, path: "axes.'\(path)'", expected: "a non-empty array of values",
          found: value.typeName)
      }
      let components = try settingsPath(path, file: file, at: "axes.'\(path)'")
      try checkRunCount(
        values.count, file: file, path: "axes.'\(path)'", what: "\(values.count) values")
      try checkDistinct(
        values.map(\.canonicalText), file: file, path: "axes.'\(path)'", what: "value")
      for (index, candidate) in values.enumerated() {
        do {
          _ = try RunConfiguration.read(
            base.setting(components, to: candidate), file: file, path: "")
        } catch let error as SpecError {
          // Errors at this axis's own key path belong to the value; others can come from the
          // mix with other axes (v1 with TIA), which excludes or the cells' own check settle.
          if error.isAbout(path) {
            throw SpecError.invalidValue(
              file: file, path: "axes.'\(path)'[\(index)]",
              expected: "a valid value for '\(path)' (\(error.problem(in: file)))")
          }
        }
      }
      result.axes.append(SpecAxis(path: path, values: values))
    }
    // Bound the product before `combinations()` builds it.
    var cellCount = 1
    for axis in result.axes {
      let (product, overflow) = cellCount.multipliedReportingOverflow(by: axis.values.count)
      cellCount = overflow ? Int.max : product
    }
    try checkRunCount(
      cellCount, file: file, path: "axes",
      what: result.axes.map { "\($0.values.count)" }.joined(separator: " × ") + " axis values")
    if let exclude {
      guard case .array(let items) = exclude else {
        throw SpecError.wrongType(
          file: file, path: "exclude", expected: "an array of rules", found: exclude.typeName)
      }
      for (index, item) in items.enumerated() {
        result.rules.append(
          try readRule(item, axes: result.axes, file: file, path: "exclude[\(index)]"))
      }
    }
    let cells = result.combinations()
    for (index, rule) in result.rules.enumerated()
    where !cells.contains(where: { rule.matches($0, axes: result.axes) }) {
      throw SpecError.invalidValue(
        file: file, path: "exclude[\(index)]", expected: "a rule that matches at least one cell")
    }
    return result
  }

  /// Every combination of axis values, first axis slowest (before exclusion).
  func combinations() -> [[JSONValue]] {
    axes.reduce([[]]) { partial, axis in
      partial.flatMap { prefix in axis.values.map { prefix + [$0] } }
    }
  }

  /// The cells as variants, in order, with stable names; exclusions applied.
  func cells(file: String) throws -> [VariantSpec] {
    var variants: [VariantSpec] = []
    for combination in combinations()
    where !rules.contains(where: { $0.matches(combination, axes: axes) }) {
      var override = JSONValue.object([])
      var labels: [String] = []
      for (axis, value) in zip(axes, combination) {
        override = override.setting(axis.path.split(separator: ".").map(String.init), to: value)
        labels.append(cellLabel(path: axis.path, value: value))
      }
      let name = labels.joined(separator: "-")
      if variants.contains(where: { $0.name == name }) {
        throw SpecError.invalidValue(
          file: file, path: "axes", expected: "values whose cell names differ ('\(name)' twice)")
      }
      variants.append(VariantSpec(name: name, extends: nil, override: override))
    }
    return variants
  }

  private static func settingsPath(_ path: String, file: String, at where: String) throws
    -> [String]
  {
    let components = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard components.allSatisfy({ !$0.isEmpty }) else {
      throw SpecError.invalidValue(
        file: file, path: `where`, expected: "a key path like 'model.grid'")
    }
    return components
  }

  private static func readRule(_ value: JSONValue, axes: [SpecAxis], file: String, path: String)
    throws -> ExcludeRule
  {
    guard case .object(let pairs) = value, !pairs.isEmpty else {
      throw SpecError.wrongType(
        file: file, path: path, expected: "an object of 'axis.path': value", found: value.typeName)
    }
    var rule = ExcludeRule(conditions: [])
    for (key, condition) in pairs {
      guard axes.contains(where: { $0.path == key }) else {
        throw SpecError.invalidValue(
          file: file, path: "\(path).'\(key)'",
          expected: "an axis (axes: \(axes.map(\.path).joined(separator: ", ")))")
      }
      var matcher = AxisValueMatcher.equals(condition)
      if case .object(let fields) = condition, fields.count == 1 {
        switch (fields[0].0, fields[0].1) {
        case ("not", let unwanted): matcher = .not(unwanted)
        case ("anyOf", .array(let choices)): matcher = .anyOf(choices)
        case ("anyOf", let other):
          throw SpecError.wrongType(
            file: file, path: "\(path).'\(key)'.anyOf", expected: "an array of values",
            found: other.typeName)
        default: break
        }
      }
      rule.conditions.append((key, matcher))
    }
    return rule
  }
}

extension ExcludeRule {
  /// Whether the cell with `combination` (one value per axis, in axis order) is excluded.
  func matches(_ combination: [JSONValue], axes: [SpecAxis]) -> Bool {
    conditions.allSatisfy { condition in
      guard let index = axes.firstIndex(where: { $0.path == condition.path }) else { return false }
      return condition.matcher.matches(combination[index])
    }
  }
}

/// A readable piece of a cell name for one axis value: `v2`, `grid4x4`, `mvlm+tia`, `scratch`,
/// `lr0.001`, `spatialBias2D` / `no-spatialBias2D`.
func cellLabel(path: String, value: JSONValue) -> String {
  let key = path.split(separator: ".").last.map(String.init) ?? path
  let text: String
  switch value {
  case .string(let s): text = s
  case .bool(let b): text = b ? key : "no-" + key
  case .number(let n): text = key + (n == n.rounded() && abs(n) < 1e15 ? "\(Int(n))" : "\(n)")
  case .integer(let n): text = key + "\(n)"
  case .array(let items) where items.isEmpty:
    text = path == "pretraining.tasks" ? "scratch" : "no-" + key
  case .array(let items) where items.allSatisfy({ if case .string = $0 { true } else { false } }):
    text = items.map { if case .string(let s) = $0 { s } else { "" } }.joined(separator: "+")
  case .array(let items):
    text = key + items.map { cellLabel(path: "", value: $0) }.joined(separator: "x")
  case .null: text = "no-" + key
  case .object: text = key + String(sha256Hex(value.canonicalText).prefix(6))
  }
  return String(text.map { $0.isLetter || $0.isNumber || "-_.+".contains($0) ? $0 : "_" })
}

extension SpecError {
  /// The message without the leading `file: `.
  func problem(in file: String) -> String {
    let text = description
    return text.hasPrefix(file + ": ") ? String(text.dropFirst(file.count + 2)) : text
  }
}
