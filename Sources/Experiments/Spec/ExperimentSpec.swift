// LayoutLab — an experiment spec: base configuration, named variants, seeds.

import Foundation
import JSONValues

/// One named variant: an override of the base configuration, optionally on top of another
/// variant (`extends`).
public struct VariantSpec: Sendable, Equatable {
  public var name: String
  public var extends: String?
  public var override: JSONValue
}

/// One run to execute: a variant at a seed, with its resolved configuration.
public struct RunPlan: Codable, Sendable, Hashable {
  public var variant: String
  public var seed: Int
  public var configuration: RunConfiguration
}

extension JSONValue {
  /// Whether the object has `key` before `other` (or has `key` and not `other`).
  func keyOrder(_ key: String, before other: String) -> Bool {
    guard case .object(let pairs) = self,
      let first = pairs.firstIndex(where: { $0.0 == key })
    else { return false }
    return pairs.firstIndex(where: { $0.0 == other }).map { first < $0 } ?? true
  }
}

/// A parsed experiment spec (`experiments/*.json5`).
///
/// Top-level keys: `name`, `description`, `base` (a configuration: `task`, `model`, `data`,
/// `training`, `qa`, `pretraining`), `variants` (name → override, with an optional
/// `extends: "other"`), `axes` and `exclude` (a cartesian product of settings, expanded into
/// named cells: `SpecAxes`), `seeds`, and `compare` (pairs `['a', 'b']` of variant names whose
/// difference a − b the report tests).
public struct ExperimentSpec: Sendable {
  public var file: String
  public var name: String
  public var description: String
  public var base: JSONValue
  /// In the order the spec lists them; runs and reports follow this order.
  public var variants: [VariantSpec]
  public var seeds: [Int]
  /// Variant pairs (a, b) the report compares as a − b; empty: the first two variants.
  public var comparisons: [VariantComparison] = []
  /// The canonical text of the whole (overridden) spec, for the spec hash.
  public var canonicalText: String
  /// Every run, resolved once when the spec is read (`plans()`).
  private var runs: [RunPlan] = []

  /// Reads and checks a spec, applying `overrides` (`key.path=value`) first.
  ///
  /// An override path that starts with a top-level key (`seeds`, `base`, `variants`, `name`,
  /// `compare`)
  /// addresses the spec; any other path is relative to `base` (so `data.root=/x` sets
  /// `base.data.root`). Every variant is resolved here, so all errors surface before training.
  public static func load(contentsOf url: URL, overrides: [String] = []) throws -> ExperimentSpec {
    let file = url.path
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw SpecError.unreadable(file: file, reason: "no such file or unreadable")
    }
    var tree: JSONValue
    do { tree = try JSONValue.parseJSON5(data) } catch {
      throw SpecError.syntax(file: file, reason: "\(error)")
    }
    for text in overrides { tree = try applyOverride(text, to: tree) }
    return try parse(tree, file: file)
  }

  /// Parses a spec from its value tree.
  public static func parse(_ tree: JSONValue, file: String) throws -> ExperimentSpec {
    var reader = try SpecReader(file: file, path: "", value: tree)
    let name = try reader.string("name")
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
    else {
      throw SpecError.invalidValue(
        file: file, path: "name", expected: "letters, digits, '-', '_' or '.'")
    }
    let description = try reader.string("description", default: "")
    let base = reader.raw("base") ?? .object([])
    let seeds = try reader.intArray("seeds", default: [1])
    if seeds.isEmpty {
      throw SpecError.invalidValue(file: file, path: "seeds", expected: "at least one seed")
    }
    try checkDistinct(seeds, file: file, path: "seeds", what: "seed")
    try checkRunCount(seeds.count, file: file, path: "seeds", what: "\(seeds.count) seeds")
    var variants: [VariantSpec] = []
    if let value = reader.raw("variants") {
      guard case .object(let pairs) = value else {
        throw SpecError.wrongType(
          file: file, path: "variants", expected: "an object", found: value.typeName)
      }
      for (variantName, override) in pairs {
        var extends: String?
        var body = override
        if case .object(var fields) = override,
          let index = fields.firstIndex(where: { $0.0 == "extends" })
        {
          guard case .string(let parent) = fields[index].1 else {
            throw SpecError.wrongType(
              file: file, path: "variants.\(variantName).extends", expected: "a variant name",
              found: fields[index].1.typeName)
          }
          extends = parent
          fields.remove(at: index)
          body = .object(fields)
        }
        variants.append(VariantSpec(name: variantName, extends: extends, override: body))
      }
    }
    if let axesValue = reader.raw("axes") {
      let axes = try SpecAxes.read(
        axes: axesValue, exclude: reader.raw("exclude"), base: base, file: file)
      let cells = try axes.cells(file: file)
      for cell in cells where variants.contains(where: { $0.name == cell.name }) {
        throw SpecError.invalidValue(
          file: file, path: "variants.\(cell.name)", expected: "a name no axis cell has")
      }
      // Cells and named variants run in the order the spec writes the two keys.
      let axesFirst = tree.keyOrder("axes", before: "variants")
      variants = axesFirst ? cells + variants : variants + cells
    } else if reader.raw("exclude") != nil {
      throw SpecError.invalidValue(file: file, path: "exclude", expected: "used with axes")
    }
    if variants.isEmpty {
      variants = [VariantSpec(name: "default", extends: nil, override: .object([]))]
    }
    let (runs, overflow) = variants.count.multipliedReportingOverflow(by: seeds.count)
    try checkRunCount(
      overflow ? Int.max : runs, file: file, path: "seeds",
      what: "\(variants.count) variants × \(seeds.count) seeds")
    let comparisons = try readComparisons(
      reader.raw("compare"), variants: variants.map(\.name), file: file)
    try reader.finish()
    var spec = ExperimentSpec(
      file: file, name: name, description: description, base: base, variants: variants,
      seeds: seeds, canonicalText: tree.canonicalText)
    spec.comparisons = comparisons
    spec.runs = try spec.resolveRuns()  // every error surfaces now
    return spec
  }

  /// The configuration of `variant`: base, then each ancestor's override, then its own.
  public func configuration(of variant: String) throws -> RunConfiguration {
    var chain: [VariantSpec] = []
    var current: String? = variant
    while let name = current {
      guard let found = variants.first(where: { $0.name == name }) else {
        let path = chain.last.map { "variants.\($0.name).extends" } ?? "variants"
        throw SpecError.badVariantReference(
          file: file, path: path, name: name, known: variants.map(\.name))
      }
      if chain.contains(where: { $0.name == name }) {
        throw SpecError.invalidValue(
          file: file, path: "variants.\(name).extends", expected: "not circular")
      }
      chain.append(found)
      current = found.extends
    }
    var tree = base
    for step in chain.reversed() { tree = tree.merged(with: step.override) }
    return try RunConfiguration.read(tree, file: file, path: "variants.\(variant)")
  }

  /// Every run: each variant (in the order the spec lists them) at each seed, as resolved when
  /// the spec was read.
  public func plans() throws -> [RunPlan] {
    runs.isEmpty ? try resolveRuns() : runs
  }

  /// Resolves every variant's configuration, at each seed.
  private func resolveRuns() throws -> [RunPlan] {
    try variants.flatMap { variant in
      let configuration = try configuration(of: variant.name)
      return seeds.map { RunPlan(variant: variant.name, seed: $0, configuration: configuration) }
    }
  }
}

/// Applies one `key.path=value` override; the value is read as JSON5 when it parses, otherwise
/// as a plain string. A path whose first key is not one of `topLevel` is relative to
/// `defaultSection` (a spec's `data.root=/x` sets `base.data.root`).
func applyOverride(
  _ text: String, to tree: JSONValue,
  topLevel: [String] = [
    "name", "description", "base", "variants", "axes", "exclude", "seeds", "compare",
  ],
  defaultSection: String = "base"
) throws -> JSONValue {
  guard let equals = text.firstIndex(of: "=") else {
    throw SpecError.badOverride(text: text, reason: "expected key.path=value")
  }
  let key = String(text[..<equals])
  let rawValue = String(text[text.index(after: equals)...])
  var path = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
  guard !path.isEmpty, path.allSatisfy({ !$0.isEmpty }) else {
    throw SpecError.badOverride(text: text, reason: "empty key path")
  }
  if !topLevel.contains(path[0]) { path.insert(defaultSection, at: 0) }
  let value = (try? JSONValue.parseJSON5(Data(rawValue.utf8))) ?? .string(rawValue)
  return tree.setting(path, to: value)
}

/// One comparison the report makes: `a − b`.
public struct VariantComparison: Hashable, Sendable {
  public var a: String
  public var b: String

  /// Compares variant `a` against variant `b`.
  public init(_ a: String, _ b: String) {
    self.a = a
    self.b = b
  }
}

/// Reads `compare: [['a', 'b'], …]`, checking that every name is a variant.
func readComparisons(_ value: JSONValue?, variants: [String], file: String) throws
  -> [VariantComparison]
{
  guard let value else { return [] }
  guard case .array(let pairs) = value else {
    throw SpecError.wrongType(
      file: file, path: "compare", expected: "an array of ['a', 'b'] variant pairs",
      found: value.typeName)
  }
  return try pairs.enumerated().map { index, pair in
    let path = "compare[\(index)]"
    guard case .array(let names) = pair, names.count == 2, case .string(let a) = names[0],
      case .string(let b) = names[1]
    else {
      throw SpecError.wrongType(
        file: file, path: path, expected: "two variant names, ['a', 'b']", found: pair.typeName)
    }
    for name in [a, b] where !variants.contains(name) {
      throw SpecError.badVariantReference(file: file, path: path, name: name, known: variants)
    }
    guard a != b else {
      throw SpecError.invalidValue(file: file, path: path, expected: "two different variants")
    }
    return VariantComparison(a, b)
  }
}
