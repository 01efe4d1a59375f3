// LayoutLab — what this build runs with: the numeric core's variant, the CPU, the threads.

import HostCPU
import TensorCore

/// The build's numeric variant and the machine it runs on, as `layoutlab env`, `--version` and
/// `bench` print them.
public struct BuildEnvironment: Codable, Sendable, Equatable {
  /// Bits per vector in the kernels (512, 256 or 128).
  public var vectorBits: Int
  /// E.g. `256-bit SIMD (x86-64-v3: AVX2 + FMA)`.
  public var variant: String
  /// The GEMM micro-kernel's register tile.
  public var gemmTile: String
  /// The CPU's model name.
  public var cpu: String
  /// The CPU's SIMD features, as `/proc/cpuinfo` names them (empty where unknown).
  public var cpuFeatures: [String]
  /// Threads the kernels use.
  public var threads: Int
  /// Active cores.
  public var cores: Int

  /// The environment of this process; `threads` defaults to `LAYOUTLAB_THREADS` or all cores.
  public static func current(threads: Int? = nil) -> BuildEnvironment {
    let cpu = CPUDescription.current()
    return BuildEnvironment(
      vectorBits: KernelVariant.vectorBits, variant: NumericBuild.summary,
      gemmTile: KernelVariant.gemmTile, cpu: cpu.modelName, cpuFeatures: cpu.simdFeatures,
      threads: threads ?? ThreadPool.configuredThreadCount(), cores: cpu.cores)
  }

  /// Human-readable lines, one fact each.
  public var lines: [String] {
    [
      "numeric core: \(variant), GEMM tile \(gemmTile)",
      "cpu: \(cpu), \(cores) core(s); SIMD features: "
        + (cpuFeatures.isEmpty ? "unknown" : cpuFeatures.joined(separator: " ")),
      "threads: \(threads) (LAYOUTLAB_THREADS, default all cores)",
    ]
  }
}

/// Prints this process's `BuildEnvironment` (`layoutlab env`); returns the exit status.
public func printBuildEnvironment(json: Bool) throws -> Int32 {
  let environment = BuildEnvironment.current()
  if json {
    print(try jsonLine(environment))
  } else {
    environment.lines.forEach { print($0) }
  }
  return 0
}
