// LayoutLab — JSON text out of a JSONValue: the canonical form (hashed) and compact output.

import Foundation

extension JSONValue {
  /// Compact JSON text with sorted keys, stable across runs; spec hashes are taken over it, so
  /// it must never change. Whole numbers below 10^15 are written as integers (`1`, not `1.0`),
  /// other numbers as Swift prints a `Double` (`5e-05`, `inf`); strings escape `"`, `\`, LF and
  /// TAB by name and other control characters as `\u00XX`.
  public var canonicalText: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n):
      if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
      return "\(n)"
    case .integer(let n): return String(n)
    case .string(let s):
      var out = "\""
      for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        default:
          if scalar.value < 0x20 {
            out += String(format: "\\u%04x", scalar.value)
          } else {
            out.unicodeScalars.append(scalar)
          }
        }
      }
      return out + "\""
    case .array(let items): return "[" + items.map(\.canonicalText).joined(separator: ",") + "]"
    case .object(let pairs):
      return "{"
        + pairs.sorted { $0.0 < $1.0 }.map {
          JSONValue.string($0.0).canonicalText + ":" + $0.1.canonicalText
        }
        .joined(separator: ",") + "}"
    }
  }

  /// Compact JSON text for output (`score --json`, report cells): object keys sorted, numbers
  /// as Swift prints a `Double` (`3.0`, `0.444`) and `.integer` without a fraction, non-finite
  /// numbers as `null`; strings escape `"`, `\`, LF, CR and TAB by name, other control
  /// characters as `\u00XX`.
  public var serialized: String {
    var text = ""
    write(to: &text)
    return text
  }

  private func write(to text: inout String) {
    switch self {
    case .null: text += "null"
    case .bool(let value): text += value ? "true" : "false"
    case .number(let value): text += value.isFinite ? "\(value)" : "null"
    case .integer(let value): text += "\(value)"
    case .string(let value): Self.writeString(value, to: &text)
    case .array(let values):
      text += "["
      for (index, value) in values.enumerated() {
        if index > 0 { text += "," }
        value.write(to: &text)
      }
      text += "]"
    case .object(let members):
      text += "{"
      for (index, member) in members.sorted(by: { $0.0 < $1.0 }).enumerated() {
        if index > 0 { text += "," }
        Self.writeString(member.0, to: &text)
        text += ":"
        member.1.write(to: &text)
      }
      text += "}"
    }
  }

  private static func writeString(_ value: String, to text: inout String) {
    text += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          text.unicodeScalars.append(scalar)
        }
      }
    }
    text += "\""
  }
}
