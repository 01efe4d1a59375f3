// LayoutLab — what the numeric core was compiled for, and whether this CPU can run it.
//
// This module is compiled with the compiler's default flags, so its checks run on any CPU of
// the architecture, even one that lacks the instructions `TensorCore` was compiled for.
// `Package.swift` passes it the same `LAYOUTLAB_SIMD*` and `LAYOUTLAB_X86_64_V*` defines it
// passes `TensorCore`.

/// The SIMD variant of the numeric core in this build.
public enum NumericBuild {
  /// Bits per vector in the numeric kernels: 512, 256 or 128.
  #if LAYOUTLAB_SIMD512
    public static let vectorBits = 512
  #elseif LAYOUTLAB_SIMD256
    public static let vectorBits = 256
  #else
    public static let vectorBits = 128
  #endif

  /// The x86-64 micro-architecture level the numeric core is compiled for (`x86-64-v4`,
  /// `x86-64-v3`), or nil for the compiler's default target.
  #if LAYOUTLAB_X86_64_V4
    public static let x86Level: String? = "x86-64-v4"
  #elseif LAYOUTLAB_X86_64_V3
    public static let x86Level: String? = "x86-64-v3"
  #else
    public static let x86Level: String? = nil
  #endif

  /// Float lanes per vector.
  public static var lanes: Int { vectorBits / 32 }

  /// The CPU features (as `/proc/cpuinfo` names them) that the compiled level needs.
  public static var requiredCPUFeatures: Set<String> {
    switch x86Level {
    case "x86-64-v4": return x86v4Features
    case "x86-64-v3": return x86v3Features
    default: return []
    }
  }

  /// What `-march=x86-64-v3` needs beyond baseline x86-64. `Package.swift` holds the same list
  /// (a manifest cannot import package code); `NumericBuildTests` checks that they agree.
  public static let x86v3Features: Set<String> = [
    "cx16", "lahf_lm", "pni", "popcnt", "sse4_1", "sse4_2", "ssse3", "avx", "avx2", "bmi1", "bmi2",
    "f16c", "fma", "abm", "movbe", "xsave",
  ]

  /// What `-march=x86-64-v4` needs beyond `x86-64-v3`.
  public static let x86v4Features: Set<String> = x86v3Features.union([
    "avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl",
  ])

  /// A one-line name of the variant, e.g. `256-bit SIMD (x86-64-v3: AVX2 + FMA)`.
  public static var summary: String {
    switch x86Level {
    case "x86-64-v4": return "\(vectorBits)-bit SIMD (x86-64-v4: AVX-512 + FMA)"
    case "x86-64-v3": return "\(vectorBits)-bit SIMD (x86-64-v3: AVX2 + FMA)"
    default:
      #if arch(arm64)
        return "\(vectorBits)-bit SIMD (arm64 NEON)"
      #else
        return "\(vectorBits)-bit SIMD (portable: the compiler's default target, no FMA)"
      #endif
    }
  }

  /// The features `cpu` lacks for this build, sorted; empty when it can run it. A CPU whose
  /// features cannot be read (no `/proc/cpuinfo`, as on macOS) is assumed able to.
  public static func missingFeatures(on cpu: CPUDescription) -> [String] {
    guard let flags = cpu.flags else { return [] }
    return requiredCPUFeatures.subtracting(flags).sorted()
  }

  /// Why this CPU cannot run this build, with what to do, or nil when it can.
  public static func incompatibility(with cpu: CPUDescription) -> String? {
    let missing = missingFeatures(on: cpu)
    if missing.isEmpty { return nil }
    return """
      this build's numeric core is \(summary), but this CPU (\(cpu.modelName)) lacks \
      \(missing.joined(separator: ", ")). The build folder was made on another machine: \
      `swift build` chooses the variant from the CPU it builds on and caches the choice. \
      Delete the build folder (`rm -rf .build`) and run the command again to build for this \
      CPU, or set LAYOUTLAB_SIMD=256 (or 128) to build a narrower variant.
      """
  }
}
