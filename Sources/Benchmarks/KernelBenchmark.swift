// LayoutLab — `layoutlab bench kernels`: GEMM, row-kernel and conv throughput on this machine.

/// Options of the kernel benchmark.
public struct KernelBenchmarkOptions: Sendable {
  /// Threads to use; `nil` uses `LAYOUTLAB_THREADS` or all cores.
  public var threads: Int?
  /// Print one JSON object per line instead of a table.
  public var json: Bool

  /// Creates benchmark options.
  public init(threads: Int? = nil, json: Bool = false) {
    self.threads = threads
    self.json = json
  }
}

/// Runs the kernel benchmark and prints its results; returns the exit status.
public func runKernelBenchmark(_ options: KernelBenchmarkOptions) throws -> Int32 {
  print("kernel benchmark: not implemented yet")
  return 1
}
