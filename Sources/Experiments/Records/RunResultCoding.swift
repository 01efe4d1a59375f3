// LayoutLab — a run record's JSON: the shared fields, and the task's section under its key.

import Foundation
import LayoutModels
import Tasks

extension RunResult: Codable {
  private enum CodingKeys: String, CodingKey {
    case experiment, variant, seed, configuration, modelConfiguration, data, timings, memory
    case provenance, parameterCount
  }

  /// A task section's key (`fineTuning`, `classification`, `qa`, or a registered task's).
  private struct SectionKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    experiment = try c.decode(String.self, forKey: .experiment)
    variant = try c.decode(String.self, forKey: .variant)
    seed = try c.decode(Int.self, forKey: .seed)
    configuration = try c.decode(RunConfiguration.self, forKey: .configuration)
    modelConfiguration = try c.decodeIfPresent(
      LayoutLMConfiguration.self, forKey: .modelConfiguration)
    data = try c.decode(DataSummary.self, forKey: .data)
    timings = try c.decode(RunTimings.self, forKey: .timings)
    memory = try c.decodeIfPresent(RunMemory.self, forKey: .memory)
    provenance = try c.decode(Provenance.self, forKey: .provenance)
    parameterCount = try c.decode(Int.self, forKey: .parameterCount)
    let sections = try decoder.container(keyedBy: SectionKey.self)
    for (key, type) in TaskRegistry.outcomeTypes {
      let sectionKey = SectionKey(stringValue: key)
      guard sections.contains(sectionKey), try !sections.decodeNil(forKey: sectionKey) else {
        continue
      }
      outcome = try type.decodeSection(from: sections, forKey: sectionKey)
      break
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(experiment, forKey: .experiment)
    try c.encode(variant, forKey: .variant)
    try c.encode(seed, forKey: .seed)
    try c.encode(configuration, forKey: .configuration)
    try c.encodeIfPresent(modelConfiguration, forKey: .modelConfiguration)
    try c.encode(data, forKey: .data)
    try c.encode(timings, forKey: .timings)
    try c.encodeIfPresent(memory, forKey: .memory)
    try c.encode(provenance, forKey: .provenance)
    try c.encode(parameterCount, forKey: .parameterCount)
    if let outcome {
      var sections = encoder.container(keyedBy: SectionKey.self)
      try outcome.encodeSection(
        into: &sections, forKey: SectionKey(stringValue: type(of: outcome).recordKey))
    }
  }
}

extension TaskOutcome {
  fileprivate static func decodeSection<Key: CodingKey>(
    from container: KeyedDecodingContainer<Key>, forKey key: Key
  ) throws -> any TaskOutcome {
    try container.decode(Self.self, forKey: key)
  }

  fileprivate func encodeSection<Key: CodingKey>(
    into container: inout KeyedEncodingContainer<Key>, forKey key: Key
  ) throws {
    try container.encode(self, forKey: key)
  }
}
