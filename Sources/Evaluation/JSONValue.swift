// LayoutLab — a JSON value for reading score files with precise errors and writing JSON output.

import Foundation

/// Any JSON value. Numbers read from files are `.number`; `.integer` exists for output.
public indirect enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case integer(Int)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// A short name of the value's kind for error messages (`a string`, `a list`).
  public var kindName: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number, .integer: return "a number"
    case .string: return "a string"
    case .array: return "a list"
    case .object: return "an object"
    }
  }

  /// Compact JSON text; object keys are sorted so output is deterministic, and non-finite
  /// numbers are written as `null`.
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
    case .string(let value): writeString(value, to: &text)
    case .array(let values):
      text += "["
      for (index, value) in values.enumerated() {
        if index > 0 { text += "," }
        value.write(to: &text)
      }
      text += "]"
    case .object(let members):
      text += "{"
      for (index, key) in members.keys.sorted().enumerated() {
        if index > 0 { text += "," }
        writeString(key, to: &text)
        text += ":"
        members[key]?.write(to: &text)
      }
      text += "}"
    }
  }

  private func writeString(_ value: String, to text: inout String) {
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

extension JSONValue: Decodable {
  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }
}

/// Parses `data` as JSON; errors name `source` and say where the JSON is malformed.
public func parseJSON(_ data: Data, source: String) throws -> JSONValue {
  do {
    return try JSONDecoder().decode(JSONValue.self, from: data)
  } catch {
    // JSONDecoder says only "not valid JSON"; JSONSerialization says where.
    var detail = "\(error)"
    do {
      _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    } catch let parseError as NSError {
      if let description = parseError.userInfo[NSDebugDescriptionErrorKey] as? String {
        detail = description
      }
    }
    throw EvaluationError(source: source, problem: "not valid JSON (\(detail))")
  }
}

/// Reads and parses the JSON file at `path`.
/// - Throws: `EvaluationError` naming the file when it cannot be read or is not valid JSON.
public func readJSONFile(_ path: String) throws -> JSONValue {
  guard let data = FileManager.default.contents(atPath: path) else {
    throw EvaluationError(source: path, problem: "cannot read the file")
  }
  return try parseJSON(data, source: path)
}
