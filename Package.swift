// swift-tools-version: 6.0
// LayoutLab — a research harness around from-scratch LayoutLM v1 and LayoutLMv2.
//
// Packages: none. Every module below depends only on the toolchain and on modules
// earlier in the data flow: documents (LayoutData, SyntheticData) → encoded batches →
// model (TensorCore, LayoutModels) → training (Training) → metrics (Evaluation) → tasks
// (Tasks: entities, classification, QA behind one protocol) → results (Experiments) → reports
// (Reporting). ArgumentParsing, HostCPU and Benchmarks serve the
// executable, which joins them (the README's layout table lists the same modules).

import Foundation
import PackageDescription

// MARK: - The numeric core's SIMD variant, chosen for the machine that builds

/// The vector width the numeric core (`TensorCore`) is compiled for, and the instruction-set
/// level it needs. The build machine decides: x86-64 with AVX-512 builds the 512-bit variant,
/// x86-64 with AVX2 + FMA the 256-bit one, arm64 the 128-bit (NEON) one, anything else the
/// 128-bit source with the compiler's default flags (correct, slow: no FMA instruction).
/// `LAYOUTLAB_SIMD=512|256|128` overrides the width (cross-builds, tests of another path).
/// `HostCPU` gets the same defines, so the CLI checks the CPU against what was compiled.
struct NumericVariant {
  /// 512, 256 or 128 bits per vector.
  var width: Int
  /// The x86-64 micro-architecture level the module is compiled for (`x86-64-v4`, `x86-64-v3`),
  /// or nil for the compiler's default target (arm64, or an x86-64 CPU without AVX2 + FMA).
  var x86Level: String?

  /// The variant for this build: the override if set, else the build machine's best.
  static func forThisBuild() -> NumericVariant {
    let setting = ProcessInfo.processInfo.environment["LAYOUTLAB_SIMD"] ?? ""
    let requested = Int(setting)
    if !setting.isEmpty && ![512, 256, 128].contains(requested) {
      fatalError(
        "LAYOUTLAB_SIMD must be 512, 256 or 128 (or unset for this CPU's best), not '\(setting)'")
    }
    #if arch(x86_64)
      let flags = x86CPUFlags()
      let hostLevel: String? =
        x86v4Features.isSubset(of: flags)
        ? "x86-64-v4" : x86v3Features.isSubset(of: flags) ? "x86-64-v3" : nil
      switch requested {
      case 512: return NumericVariant(width: 512, x86Level: "x86-64-v4")
      case 256: return NumericVariant(width: 256, x86Level: "x86-64-v3")
      case 128: return NumericVariant(width: 128, x86Level: hostLevel == nil ? nil : "x86-64-v3")
      default:
        switch hostLevel {
        case "x86-64-v4": return NumericVariant(width: 512, x86Level: hostLevel)
        case "x86-64-v3": return NumericVariant(width: 256, x86Level: hostLevel)
        default: return NumericVariant(width: 128, x86Level: nil)
        }
      }
    #else
      return NumericVariant(
        width: [512, 256, 128].contains(requested) ? requested! : 128, x86Level: nil)
    #endif
  }

  /// What `-march=x86-64-v3` needs beyond baseline x86-64, as `/proc/cpuinfo` names it.
  static let x86v3Features: Set<String> = [
    "cx16", "lahf_lm", "pni", "popcnt", "sse4_1", "sse4_2", "ssse3", "avx", "avx2", "bmi1", "bmi2",
    "f16c", "fma", "abm", "movbe", "xsave",
  ]
  /// What `-march=x86-64-v4` needs beyond `x86-64-v3`.
  static let x86v4Features: Set<String> = x86v3Features.union([
    "avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl",
  ])

  /// The CPU's features under `/proc/cpuinfo`'s names: its `flags` line on Linux; on an Intel
  /// Mac, the levels that `sysctl hw.optional` reports (there is no `/proc` there).
  static func x86CPUFlags() -> Set<String> {
    #if os(macOS)
      func has(_ name: String) -> Bool {
        var value: Int32 = 0
        var size = MemoryLayout<Int32>.size
        return sysctlbyname(name, &value, &size, nil, 0) == 0 && value != 0
      }
      guard has("hw.optional.avx2_0"), has("hw.optional.fma") else { return [] }
      let avx512 = ["f", "bw", "cd", "dq", "vl"].allSatisfy { has("hw.optional.avx512" + $0) }
      return avx512 ? x86v4Features : x86v3Features
    #else
      guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
        let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
      else { return [] }
      return Set(line.split(separator: " ").map(String.init))
    #endif
  }

  /// The defines that tell `TensorCore` and `HostCPU` what was compiled.
  var defines: [SwiftSetting] {
    [.define("LAYOUTLAB_SIMD\(width)")]
      + (x86Level.map {
        [.define("LAYOUTLAB_" + $0.replacingOccurrences(of: "-", with: "_").uppercased())]
      } ?? [])
  }

  /// The numeric module's settings: the defines, the target level, and `-O` in debug builds
  /// too (so `swift test` is quick).
  var numericSettings: [SwiftSetting] {
    defines + (x86Level.map { [.unsafeFlags(["-Xcc", "-march=" + $0])] } ?? [])
      + [.unsafeFlags(["-O"], .when(configuration: .debug))]
  }
}

let numericVariant = NumericVariant.forThisBuild()

/// Modules that hold tight loops but no SIMD kernels are optimized in debug builds too.
let optimizedInDebug: [SwiftSetting] = [
  .unsafeFlags(["-O"], .when(configuration: .debug))
]

let package = Package(
  name: "LayoutLab",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "layoutlab", targets: ["layoutlab"])
  ],
  dependencies: [],
  targets: [
    // MARK: - Libraries (in data-flow order)
    .target(name: "Seeding", swiftSettings: optimizedInDebug),  // the one seeded random stream
    .target(name: "EditDistance", swiftSettings: optimizedInDebug),  // Levenshtein, typo hints
    .target(name: "JSONValues", swiftSettings: optimizedInDebug),  // the one JSON value type
    .target(name: "LayoutData", dependencies: ["JSONValues", "EditDistance"], swiftSettings: optimizedInDebug),
    .target(name: "HostCPU", swiftSettings: numericVariant.defines),
    .target(
      name: "TensorCore", dependencies: ["HostCPU", "Seeding"],
      swiftSettings: numericVariant.numericSettings),
    .target(name: "LayoutModels", dependencies: ["TensorCore"], swiftSettings: optimizedInDebug),
    .target(
      name: "Training", dependencies: ["HostCPU", "TensorCore", "LayoutModels", "LayoutData"],
      swiftSettings: optimizedInDebug),
    .target(
      name: "Evaluation", dependencies: ["Seeding", "EditDistance"], swiftSettings: optimizedInDebug
    ),
    .target(
      name: "Tasks",
      dependencies: [
        "TensorCore", "LayoutData", "SyntheticData", "LayoutModels", "Training", "Evaluation",
        "Seeding",
      ]),
    .target(
      name: "Experiments",
      dependencies: [
        "HostCPU", "TensorCore", "LayoutData", "SyntheticData", "LayoutModels", "Training",
        "Evaluation", "Tasks", "EditDistance", "Seeding", "JSONValues",
      ]),
    .target(
      name: "Reporting",
      dependencies: ["Evaluation", "Tasks", "Experiments", "JSONValues", "LayoutModels"]),
    .target(
      name: "Benchmarks", dependencies: ["HostCPU", "TensorCore", "LayoutModels", "Training"]),
    .target(name: "ArgumentParsing", dependencies: ["EditDistance"]),
    .target(
      name: "SyntheticData", dependencies: ["LayoutData", "Seeding"],
      swiftSettings: optimizedInDebug),
    // The subcommands' functions (files in, text out) that the executable calls.
    .target(
      name: "Commands",
      dependencies: ["JSONValues", "LayoutData", "TensorCore", "LayoutModels", "Evaluation"]),

    // MARK: - Executable
    .executableTarget(
      name: "layoutlab",
      dependencies: [
        "ArgumentParsing", "HostCPU", "TensorCore", "LayoutData", "LayoutModels", "Training",
        "Evaluation", "Tasks", "Experiments", "Reporting", "Benchmarks", "SyntheticData",
        "Commands",
      ]),

    // MARK: - Test support
    .target(
      name: "_TestSupport", dependencies: ["TensorCore", "LayoutModels"],
      path: "Sources/_TestSupport"),

    // MARK: - Tests
    .testTarget(
      name: "TensorCoreTests", dependencies: ["TensorCore", "_TestSupport"], exclude: ["Fixtures"]),
    .testTarget(
      name: "LayoutDataTests", dependencies: ["LayoutData", "_TestSupport"], exclude: ["Fixtures"]),
    .testTarget(
      name: "LayoutModelsTests", dependencies: ["LayoutModels", "Training", "_TestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "TrainingTests",
      dependencies: ["Training", "LayoutData", "LayoutModels", "_TestSupport"]),
    .testTarget(
      name: "EvaluationTests", dependencies: ["Evaluation", "_TestSupport"], exclude: ["Fixtures"]),
    .testTarget(
      name: "TasksTests",
      dependencies: [
        "Tasks", "Training", "LayoutData", "LayoutModels", "TensorCore", "Evaluation",
        "_TestSupport",
      ]),
    .testTarget(
      name: "ExperimentsTests",
      dependencies: [
        "Experiments", "Tasks", "JSONValues", "SyntheticData", "Training", "LayoutModels",
        "LayoutData", "Evaluation", "_TestSupport",
      ], exclude: ["Fixtures"]),
    .testTarget(
      name: "ReportingTests",
      dependencies: [
        "Reporting", "Experiments", "Tasks", "JSONValues", "SyntheticData", "_TestSupport",
      ],
      exclude: ["Fixtures"]),
    .testTarget(name: "BenchmarksTests", dependencies: ["Benchmarks", "_TestSupport"]),
    .testTarget(name: "ArgumentParsingTests", dependencies: ["ArgumentParsing"]),
    .testTarget(name: "HostCPUTests", dependencies: ["HostCPU"]),
    .testTarget(name: "SyntheticDataTests", dependencies: ["SyntheticData", "_TestSupport"]),
    .testTarget(name: "SeedingTests", dependencies: ["Seeding"]),
    .testTarget(name: "EditDistanceTests", dependencies: ["EditDistance"]),
    .testTarget(name: "JSONValuesTests", dependencies: ["JSONValues"]),
    .testTarget(
      name: "CommandsTests",
      dependencies: ["Commands", "Evaluation", "LayoutData", "LayoutModels", "TensorCore", "_TestSupport"]),
  ],
  swiftLanguageModes: [.v5]
)
