// LayoutLab — a run record's JSON: its version, the shared fields, and the task's section under
// its key; older versions migrate as they are read.

import Foundation
import LayoutModels
import Tasks

extension RunRecord: Codable {
  private enum CodingKeys: String, CodingKey {
    case version, experiment, variant, seed, configuration, modelConfiguration, data, timings
    case memory, provenance, parameterCount
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
    let version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 1
    guard (1...RunRecord.version).contains(version) else {
      throw DecodingError.dataCorruptedError(
        forKey: .version, in: c,
        debugDescription: "version \(version), which this code cannot read (it reads 1 to "
          + "\(RunRecord.version)); newer code wrote it")
    }
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
    if version < RunRecord.version { migrate(from: version) }
  }

  /// The one migration: a version-1 record (no `version`) recorded every task's dev metric as
  /// `devF1` without its name; the task's section names it.
  private mutating func migrate(from version: Int) {
    outcome?.migrate()
  }

  /// Reads the record at `url`.
  /// - Throws: `RecordError.unreadable` naming the file when it is not a readable record.
  public static func read(contentsOf url: URL) throws -> RunRecord {
    do {
      return try JSONDecoder().decode(RunRecord.self, from: Data(contentsOf: url))
    } catch {
      throw RecordError.unreadable(path: url.path, reason: "not a valid result.json (\(error))")
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(RunRecord.version, forKey: .version)
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
