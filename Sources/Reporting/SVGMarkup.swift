// LayoutLab — the pieces of SVG text every chart shares: numbers, escaping, colours, dashes.

/// The Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), distinguishable under
/// the common colour-vision deficiencies; yellow last, as it is faint on white. Series beyond
/// eight reuse colours with another dash pattern.
let chartPalette = [
  "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442",
]

/// Dash patterns that tell series apart without colour (solid, dashed, dotted, dash-dot).
let chartDashes = ["", "6 3", "2 3", "8 3 2 3"]

/// Series `index`'s colour and dash pattern: colours cycle first, then dashes, so no two of
/// the first 32 series share both.
func seriesStyle(_ index: Int) -> (color: String, dash: String) {
  let dash = chartDashes[(index + index / chartPalette.count) % chartDashes.count]
  return (chartPalette[index % chartPalette.count], dash)
}

/// A coordinate in SVG text: two decimals, never `-0.00`.
func svgNumber(_ value: Double) -> String { fixedLabel(value, 2) }

/// `text` with XML's five special characters escaped, for text nodes and attribute values.
func xmlEscaped(_ text: String) -> String {
  var out = ""
  for character in text {
    switch character {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&apos;"
    default: out.append(character)
    }
  }
  return out
}

/// An SVG element with attributes in the given order, self-closed or around escaped `text`.
func svgElement(_ name: String, _ attributes: [(String, String)], text: String? = nil) -> String {
  let attributeText = attributes.map { " \($0.0)=\"\(xmlEscaped($0.1))\"" }.joined()
  guard let text else { return "<\(name)\(attributeText)/>" }
  return "<\(name)\(attributeText)>\(xmlEscaped(text))</\(name)>"
}

/// A `points` attribute value: `x,y` pairs separated by spaces.
func svgPoints(_ points: [(Double, Double)]) -> String {
  points.map { svgNumber($0.0) + "," + svgNumber($0.1) }.joined(separator: " ")
}
