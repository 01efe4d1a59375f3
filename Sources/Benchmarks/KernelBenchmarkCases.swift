// LayoutLab — the cases `layoutlab bench kernels` measures, with their inputs.

import TensorCore

/// A float buffer that lives as long as the benchmark case closures that use it.
final class BenchBuffer: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<Float>
  let count: Int

  init(_ count: Int, seed: UInt64) {
    self.count = count
    pointer = .allocate(capacity: max(count, 1))
    var state = seed
    for i in 0..<count {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      pointer[i] = Float(Int64(bitPattern: state >> 11) % 2000 - 1000) / 1000
    }
  }

  deinit { pointer.deallocate() }
}

/// GEMM cases: square sizes, the BERT-style projection shapes, the transposed forms that
/// backward uses, and attention's batched product.
func gemmBenchmarkCases(pool: ThreadPool) -> [KernelBenchmarkCase] {
  let shapes: [(String, Bool, Bool, Int, Int, Int)] = [
    ("A·B 256³", false, false, 256, 256, 256),
    ("A·B 512³", false, false, 512, 512, 512),
    ("A·B 1024³", false, false, 1024, 1024, 1024),
    ("A·B M2048 K256 N1024", false, false, 2048, 1024, 256),
    ("A·B M2048 K1024 N256", false, false, 2048, 256, 1024),
    ("Aᵀ·B 1024³", true, false, 1024, 1024, 1024),
    ("A·Bᵀ 1024³", false, true, 1024, 1024, 1024),
    ("Aᵀ·B M256 K2048 N1024 (dW)", true, false, 256, 1024, 2048),
    ("A·Bᵀ M2048 K1024 N256 (fwd)", false, true, 2048, 256, 1024),
  ]
  var cases: [KernelBenchmarkCase] = []
  for (name, transposeA, transposeB, m, n, k) in shapes {
    let a = BenchBuffer(m * k, seed: 1)
    let b = BenchBuffer(k * n, seed: 2)
    let c = BenchBuffer(m * n, seed: 3)
    cases.append(
      KernelBenchmarkCase(
        group: "gemm", name: name, unit: "GFLOP/s", amount: 2 * Double(m * n * k)
      ) {
        gemm(
          transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a: a.pointer,
          lda: transposeA ? m : k, b: b.pointer, ldb: transposeB ? k : n, c: c.pointer, ldc: n,
          pool: pool)
      })
  }
  let (batch, t, d) = (32, 305, 64)
  let q = BenchBuffer(batch * t * d, seed: 4)
  let kMatrix = BenchBuffer(batch * t * d, seed: 5)
  let scores = BenchBuffer(batch * t * t, seed: 6)
  cases.append(
    KernelBenchmarkCase(
      group: "batched_gemm", name: "32 × Q·Kᵀ 305×305×64", unit: "GFLOP/s",
      amount: 2 * Double(batch * t * t * d)
    ) {
      batchedGemm(
        batchCount: batch, transposeA: false, transposeB: true, m: t, n: t, k: d,
        a: q.pointer, strideA: t * d, lda: d, b: kMatrix.pointer, strideB: t * d, ldb: d,
        c: scores.pointer, strideC: t * t, ldc: t, pool: pool)
    })
  return cases
}

/// Every case, in the order they are reported.
func kernelBenchmarkCases(pool: ThreadPool) -> [KernelBenchmarkCase] {
  gemmBenchmarkCases(pool: pool)
}
