// LayoutLab — refuses to start on a CPU without the instructions the numeric core was built for.

import Foundation

/// Checks `/proc/cpuinfo` for AVX-512F and FMA, which the numeric module is compiled for.
///
/// - Returns: `nil` when the CPU has them (or the check cannot be made, as on macOS), or an
///   error message that says what is missing and what to do.
func missingCPUFeatures() -> String? {
  guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
  guard let flagsLine = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else {
    return nil
  }
  let flags = Set(flagsLine.split(separator: " ").map(String.init))
  let missing = ["avx512f", "fma"].filter { !flags.contains($0) }
  if missing.isEmpty { return nil }
  return "this CPU lacks \(missing.joined(separator: ", ")); LayoutLab's numeric core is built "
    + "for x86-64-v4 (AVX-512). Edit `numericFlags` in Package.swift to build for this CPU."
}
