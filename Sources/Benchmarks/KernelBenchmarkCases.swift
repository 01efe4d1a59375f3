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

/// The FMA peak at the compiled width on 1 thread and, when `threads > 1`, on `threads`
/// threads (each running the same loop), paired with their thread counts.
func fmaPeakBenchmarkCases(threads: Int, pool: ThreadPool) -> [(Int, KernelBenchmarkCase)] {
  let iterations = 1 << 21
  let flops = Double(iterations * fmaThroughputFlopsPerIteration)
  let shape = "\(fmaThroughputChains) chains × \(KernelVariant.vectorBits)-bit"
  let sink = BenchBuffer(max(threads, 1), seed: 0)
  var cases: [(Int, KernelBenchmarkCase)] = [
    (
      1,
      KernelBenchmarkCase(
        group: "peak", name: "FMA 1 thread, \(shape)", unit: "GFLOP/s", amount: flops
      ) { sink.pointer[0] = fmaThroughputLoop(iterations: iterations, scale: 1e-9) }
    )
  ]
  if threads > 1 {
    cases.append(
      (
        threads,
        KernelBenchmarkCase(
          group: "peak", name: "FMA \(threads) threads, \(shape)", unit: "GFLOP/s",
          amount: flops * Double(threads)
        ) {
          pool.parallelFor(threads) { part in
            sink.pointer[part] = fmaThroughputLoop(iterations: iterations, scale: 1e-9)
          }
        }
      ))
  }
  return cases
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

/// Softmax, LayerNorm and GELU on 2048×1024; GB/s counts the minimum traffic (every input
/// read once, every output written once).
func rowKernelBenchmarkCases(pool: ThreadPool) -> [KernelBenchmarkCase] {
  let (rows, cols) = (2048, 1024)
  let count = rows * cols
  let x = BenchBuffer(count, seed: 7)
  let y = BenchBuffer(count, seed: 8)
  let dy = BenchBuffer(count, seed: 9)
  let dx = BenchBuffer(count, seed: 10)
  let gamma = BenchBuffer(cols, seed: 11)
  let beta = BenchBuffer(cols, seed: 12)
  let dgamma = BenchBuffer(cols, seed: 13)
  let dbeta = BenchBuffer(cols, seed: 14)
  let mean = BenchBuffer(rows, seed: 15)
  let rstd = BenchBuffer(rows, seed: 16)
  let matrix = Double(count * 4)
  softmaxRows(x.pointer, y.pointer, rows: rows, cols: cols, pool: pool)
  return [
    KernelBenchmarkCase(
      group: "row", name: "softmax 2048×1024", unit: "GB/s", amount: 2 * matrix
    ) { softmaxRows(x.pointer, y.pointer, rows: rows, cols: cols, pool: pool) },
    KernelBenchmarkCase(
      group: "row", name: "softmax backward 2048×1024", unit: "GB/s", amount: 3 * matrix
    ) {
      softmaxBackwardRows(
        output: y.pointer, gradOutput: dy.pointer, gradInput: dx.pointer, rows: rows,
        cols: cols, pool: pool)
    },
    KernelBenchmarkCase(
      group: "row", name: "layernorm 2048×1024", unit: "GB/s", amount: 2 * matrix
    ) {
      layerNormRows(
        x.pointer, gamma: gamma.pointer, beta: beta.pointer, y.pointer, mean: mean.pointer,
        rstd: rstd.pointer, rows: rows, cols: cols, eps: 1e-12, pool: pool)
    },
    KernelBenchmarkCase(
      group: "row", name: "layernorm backward 2048×1024", unit: "GB/s", amount: 3 * matrix
    ) {
      layerNormBackwardRows(
        gradOutput: dy.pointer, input: x.pointer, mean: mean.pointer, rstd: rstd.pointer,
        gamma: gamma.pointer, gradInput: dx.pointer, gradGamma: dgamma.pointer,
        gradBeta: dbeta.pointer, rows: rows, cols: cols, pool: pool)
    },
    KernelBenchmarkCase(
      group: "row", name: "gelu 2048×1024", unit: "GB/s", amount: 2 * matrix
    ) { geluForward(x.pointer, y.pointer, count: count, pool: pool) },
    KernelBenchmarkCase(
      group: "row", name: "gelu backward 2048×1024", unit: "GB/s", amount: 3 * matrix
    ) {
      geluBackward(
        input: x.pointer, gradOutput: dy.pointer, gradInput: dx.pointer, count: count, pool: pool)
    },
  ]
}

/// conv2d 8×3×224×224 → 32 channels, kernel 7, stride 2, padding 3: forward and backward time.
func convolutionBenchmarkCases(pool: ThreadPool) -> [KernelBenchmarkCase] {
  guard
    let g = try? Conv2DGeometry(
      batch: 8, inChannels: 3, inHeight: 224, inWidth: 224, outChannels: 32, kernelHeight: 7,
      kernelWidth: 7, strideHeight: 2, strideWidth: 2, paddingHeight: 3, paddingWidth: 3)
  else { return [] }
  let x = BenchBuffer(g.batch * g.inChannels * g.inHeight * g.inWidth, seed: 17)
  let w = BenchBuffer(g.outChannels * g.columnRows, seed: 18)
  let bias = BenchBuffer(g.outChannels, seed: 19)
  let y = BenchBuffer(g.batch * g.outChannels * g.outputPositions, seed: 20)
  let dx = BenchBuffer(x.count, seed: 21)
  let dw = BenchBuffer(w.count, seed: 22)
  let db = BenchBuffer(g.outChannels, seed: 23)
  let forward = {
    conv2dForward(
      g, input: x.pointer, weight: w.pointer, bias: bias.pointer, output: y.pointer, pool: pool)
  }
  let backward = {
    conv2dBackward(
      g, input: x.pointer, weight: w.pointer, gradOutput: y.pointer, gradInput: dx.pointer,
      gradWeight: dw.pointer, gradBias: db.pointer, pool: pool)
  }
  let name = "8×3×224×224→32 k7 s2 p3"
  return [
    KernelBenchmarkCase(
      group: "conv2d", name: "forward \(name)", unit: "ms", amount: 0, run: forward),
    KernelBenchmarkCase(
      group: "conv2d", name: "backward \(name)", unit: "ms", amount: 0, run: backward),
    KernelBenchmarkCase(group: "conv2d", name: "fwd+bwd \(name)", unit: "ms", amount: 0) {
      forward()
      backward()
    },
  ]
}

/// Every case, in the order they are reported; with `filter`, only those whose group or name
/// contains it.
func kernelBenchmarkCases(pool: ThreadPool, filter: String? = nil) -> [KernelBenchmarkCase] {
  let all =
    gemmBenchmarkCases(pool: pool) + rowKernelBenchmarkCases(pool: pool)
    + convolutionBenchmarkCases(pool: pool)
  guard let filter else { return all }
  return all.filter { $0.name.contains(filter) || $0.group.contains(filter) }
}
