// LayoutLab — the report's "configuration that differs" table: what each variant actually ran.

import Evaluation
import Experiments
import JSONValues
import LayoutModels
import Tasks

/// The settings whose values differ between variants, one row each. The model rows come from
/// the model configuration that ran (`result.json`'s `modelConfiguration`: the settings
/// translated, or an `initFrom` checkpoint's architecture), under `model.<config field>`,
/// except HF's `image_feature_pool_shape` `[Gh, Gw, C]`, which is shown by the spec's key path
/// as `model.grid` (`4×4`) and `model.visualChannels`, or "—" for a model without visual tokens
/// (a setting that does not apply never counts as a difference). The other rows come from the
/// spec's settings. Results from before the record fall back to the spec's model settings.
func configurationSection(variants: [String], byVariant: [String: [RunRecord]]) -> [String] {
  var flat: [String: [String: String]] = [:]
  for variant in variants {
    var table: [String: String] = [:]
    if let run = byVariant[variant]?.first {
      let model = run.modelSettings
      flattenSettings(run.settings, "", into: &table, skippingModel: model != nil)
      if let model {
        flattenSettings(model, "model", into: &table, skippingModel: false)
        showPoolShapeAsGrid(model, in: &table)
        if let initFrom = modelSetting("initFrom", in: run.settings) {
          table["model.initFrom"] = initFrom
        }
      }
    }
    flat[variant] = table
  }
  let keys = Set(flat.values.flatMap(\.keys)).sorted().filter { key in
    Set(variants.map { flat[$0]?[key] ?? "(default)" }.filter { $0 != notApplicable }).count > 1
  }
  let out = ["## Configuration that differs between variants", ""]
  if keys.isEmpty { return out + ["(none)", ""] }
  var table = MarkdownTable(header: ["setting"] + variants)
  for key in keys { table.rows.append([key] + variants.map { flat[$0]?[key] ?? "(default)" }) }
  return out + [table.markdown, ""]
}

/// A run's spec settings (`result.json`'s `configuration`) by key path, as the report shows
/// them: `training.learningRate` → `0.001` (objects recurse; arrays are one value).
func flattenedSettings(_ configuration: JSONValue) -> [String: String] {
  var table: [String: String] = [:]
  flattenSettings(configuration, "", into: &table, skippingModel: false)
  return table
}

/// The text of a model setting that does not apply to a cell's model.
private let notApplicable = "—"

/// Replaces the configuration row `model.image_feature_pool_shape` (`[Gh, Gw, C]`) with
/// `model.grid` (`4×4`) and `model.visualChannels`, both `notApplicable` without visual tokens.
private func showPoolShapeAsGrid(_ model: JSONValue, in table: inout [String: String]) {
  guard let shape = table.removeValue(forKey: "model.image_feature_pool_shape") else { return }
  guard model["layoutlab_visual_tokens"] != .bool(false) else {
    table["model.grid"] = notApplicable
    table["model.visualChannels"] = notApplicable
    return
  }
  guard case .array(let sides)? = model["image_feature_pool_shape"], sides.count == 3,
    let grid = gridText(.array(Array(sides.prefix(2))))
  else {
    table["model.image_feature_pool_shape"] = shape
    return
  }
  table["model.grid"] = grid
  table["model.visualChannels"] = settingText(sides[2])
}

/// A `[Gh, Gw]` grid as `VisualGrid` shows it (`4×4`); nil if `value` is not one.
private func gridText(_ value: JSONValue) -> String? {
  guard case .array(let items) = value else { return nil }
  let sides = items.compactMap { Int(settingText($0)) }
  guard sides.count == items.count, let grid = try? VisualGrid(sides) else { return nil }
  return grid.description
}

/// Flattens `value` into `path.key` → text rows (objects recurse; arrays are one row; a `grid`
/// setting shows as `4×4`).
private func flattenSettings(
  _ value: JSONValue, _ path: String, into table: inout [String: String],
  skippingModel: Bool
) {
  if case .object(let fields) = value {
    for (key, child) in fields where !(skippingModel && path.isEmpty && key == "model") {
      flattenSettings(
        child, path.isEmpty ? key : path + "." + key, into: &table, skippingModel: false)
    }
  } else if path == "grid" || path.hasSuffix(".grid"), let grid = gridText(value) {
    table[path] = grid
  } else {
    table[path] = settingText(value)
  }
}

/// The spec's `model.<key>` setting as text, if set.
private func modelSetting(_ key: String, in configuration: JSONValue) -> String? {
  guard case .object(let fields) = configuration,
    let model = fields.first(where: { $0.0 == "model" })?.1, case .object(let settings) = model,
    let value = settings.first(where: { $0.0 == key })?.1
  else { return nil }
  return settingText(value)
}

/// A setting's value as the report shows it: whole numbers without a fraction (result.json
/// reads them back as doubles), inside arrays too (`[14, 14]`, not `[14.0, 14.0]`).
func settingText(_ value: JSONValue) -> String {
  switch value {
  case .null: return "null"
  case .bool(let flag): return flag ? "true" : "false"
  case .number(let number):
    if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
    return "\(number)"
  case .string(let text): return "\"\(text)\""
  case .array(let items): return "[" + items.map(settingText).joined(separator: ", ") + "]"
  case .object(let fields):
    return "{" + fields.map { "\($0.0): \(settingText($0.1))" }.sorted().joined(separator: ", ")
      + "}"
  case .integer(let number): return String(number)
  }
}
