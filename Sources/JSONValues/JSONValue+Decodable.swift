// LayoutLab — JSONValue as a Decodable, for a free-form part of a Codable document.

/// Decoding through `JSONDecoder`: it does not keep key order, so object keys come out sorted.
extension JSONValue: Decodable {
  /// Decodes any JSON value; numbers become `.number`.
  public init(from decoder: Decoder) throws {
    if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
      var pairs: [(String, JSONValue)] = []
      for key in keyed.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
        pairs.append((key.stringValue, try keyed.decode(JSONValue.self, forKey: key)))
      }
      self = .object(pairs)
      return
    }
    if var list = try? decoder.unkeyedContainer() {
      var items: [JSONValue] = []
      while !list.isAtEnd { items.append(try list.decode(JSONValue.self)) }
      self = .array(items)
      return
    }
    let single = try decoder.singleValueContainer()
    if single.decodeNil() {
      self = .null
    } else if let value = try? single.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? single.decode(Double.self) {
      self = .number(value)
    } else {
      self = .string(try single.decode(String.self))
    }
  }
}

/// Any key of a keyed container.
struct AnyKey: CodingKey {
  var stringValue: String
  var intValue: Int?
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) {
    self.stringValue = "\(intValue)"
    self.intValue = intValue
  }
}
