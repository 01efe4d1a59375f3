// LayoutLab — the CPU this process runs on: model name, features, cores.

import Foundation

/// What this machine's CPU is, read from `/proc/cpuinfo` where there is one.
public struct CPUDescription: Sendable, Equatable {
  /// The model name (`AMD EPYC`, `Apple M2`…), or the architecture when unknown.
  public var modelName: String
  /// The `flags` (x86) or `Features` (arm64) of `/proc/cpuinfo`; nil where it cannot be read.
  public var flags: Set<String>?
  /// Active cores.
  public var cores: Int

  /// Creates a description from its parts.
  public init(modelName: String, flags: Set<String>?, cores: Int) {
    self.modelName = modelName
    self.flags = flags
    self.cores = cores
  }

  /// Parses the text of `/proc/cpuinfo` (its first processor's `model name` and `flags` or
  /// `Features` lines).
  public init(cpuinfo text: String, cores: Int) {
    var model: String?
    var flags: Set<String>?
    for line in text.split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces)
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if model == nil, key == "model name" || key == "Model" || key == "Hardware" {
        model = value
      }
      if flags == nil, key == "flags" || key == "Features" {
        flags = Set(value.split(separator: " ").map(String.init))
      }
    }
    self.init(modelName: model ?? CPUDescription.architecture, flags: flags, cores: cores)
  }

  /// This machine's CPU.
  public static func current() -> CPUDescription {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) {
      return CPUDescription(cpuinfo: text, cores: cores)
    }
    return CPUDescription(modelName: architecture, flags: nil, cores: cores)
  }

  /// The SIMD-relevant features this CPU has, in a fixed order (for reports and `layoutlab env`).
  public var simdFeatures: [String] {
    guard let flags else { return [] }
    let known = [
      "sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl",
      "avx512_bf16", "asimd", "asimdhp", "fphp", "sve", "sve2",
    ]
    return known.filter(flags.contains)
  }

  /// The instruction-set architecture this binary was built for.
  public static var architecture: String {
    #if arch(x86_64)
      return "x86_64"
    #elseif arch(arm64)
      return "arm64"
    #else
      return "unknown architecture"
    #endif
  }
}
