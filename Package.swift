// swift-tools-version: 6.0
// LayoutLab — a research harness around from-scratch LayoutLM v1 and LayoutLMv2.
//
// Packages: none. Every module below depends only on the toolchain and on modules
// earlier in the data flow: documents → encoded batches → model → training → metrics
// → results → reports.

import PackageDescription

/// AVX-512 with FMA for the numeric core only (`swift-performance.md` §3, §11). The default
/// x86-64 target has no FMA and runs the kernels about 150× slower. `-O` keeps `swift test`
/// quick: the numeric module is optimized in debug builds too.
let numericFlags: [SwiftSetting] = [
  .unsafeFlags(["-Xcc", "-march=x86-64-v4"]),
  .unsafeFlags(["-O"], .when(configuration: .debug)),
]

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
    .target(name: "LayoutData", swiftSettings: optimizedInDebug),
    .target(name: "TensorCore", swiftSettings: numericFlags),
    .target(name: "LayoutModels", dependencies: ["TensorCore"], swiftSettings: optimizedInDebug),
    .target(
      name: "Training", dependencies: ["TensorCore", "LayoutModels", "LayoutData", "Evaluation"],
      swiftSettings: optimizedInDebug),
    .target(name: "Evaluation", swiftSettings: optimizedInDebug),
    .target(
      name: "Experiments",
      dependencies: [
        "TensorCore", "LayoutData", "LayoutModels", "Training", "Evaluation", "ArgumentParsing",
      ]),
    .target(name: "Reporting", dependencies: ["Evaluation"]),
    .target(
      name: "ExperimentWorkflow",
      dependencies: [
        "Experiments", "Reporting", "SyntheticData", "LayoutData", "LayoutModels", "Training",
        "TensorCore",
      ]),
    .target(name: "Benchmarks", dependencies: ["TensorCore", "LayoutModels", "Training"]),
    .target(name: "ArgumentParsing"),
    .target(name: "SyntheticData", dependencies: ["LayoutData"], swiftSettings: optimizedInDebug),

    // MARK: - Executable
    .executableTarget(
      name: "layoutlab",
      dependencies: [
        "ArgumentParsing", "TensorCore", "LayoutData", "LayoutModels", "Training", "Evaluation",
        "Experiments", "Reporting", "Benchmarks", "ExperimentWorkflow", "SyntheticData",
      ]),

    // MARK: - Test support
    .target(name: "_TestSupport", dependencies: ["TensorCore", "LayoutModels"], path: "Sources/_TestSupport"),

    // MARK: - Tests
    .testTarget(
      name: "TensorCoreTests", dependencies: ["TensorCore", "_TestSupport"], exclude: ["Fixtures"]),
    .testTarget(
      name: "LayoutDataTests", dependencies: ["LayoutData", "_TestSupport"], exclude: ["Fixtures"]),
    .testTarget(
      name: "LayoutModelsTests", dependencies: ["LayoutModels", "Training", "_TestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "TrainingTests", dependencies: ["Training", "LayoutData", "LayoutModels", "_TestSupport"]),
    .testTarget(
      name: "EvaluationTests", dependencies: ["Evaluation", "_TestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "_TestSupport"]),
    .testTarget(name: "ReportingTests", dependencies: ["Reporting", "_TestSupport"]),
    .testTarget(
      name: "ExperimentWorkflowTests",
      dependencies: [
        "ExperimentWorkflow", "Experiments", "SyntheticData", "Training", "_TestSupport",
      ]),
    .testTarget(name: "BenchmarksTests", dependencies: ["Benchmarks", "_TestSupport"]),
    .testTarget(name: "ArgumentParsingTests", dependencies: ["ArgumentParsing"]),
    .testTarget(name: "SyntheticDataTests", dependencies: ["SyntheticData", "_TestSupport"]),
  ],
  swiftLanguageModes: [.v5]
)
