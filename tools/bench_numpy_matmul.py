#!/usr/bin/env python3
"""Times numpy.matmul the way `layoutlab bench kernels` times its GEMM: best of N after warm-up.

Usage: python3 tools/bench_numpy_matmul.py [--threads 2] [--size 1024] [--seconds 1.0] [--json]

The thread count must be fixed before numpy loads its BLAS, so this script sets
OPENBLAS_NUM_THREADS / OMP_NUM_THREADS / MKL_NUM_THREADS itself and then imports numpy.
OPENBLAS_CORETYPE is left as the environment has it (numpy's bundled OpenBLAS picks "Haswell"
kernels on this machine unless you export OPENBLAS_CORETYPE=SkylakeX); the output records it.
"""

import argparse
import json
import os
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--size", type=int, default=1024, help="M = N = K")
    parser.add_argument("--seconds", type=float, default=1.0, help="measured time at least")
    parser.add_argument("--min-reps", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(args.threads)
    import numpy as np  # noqa: E402  (after the thread settings on purpose)

    n = args.size
    rng = np.random.default_rng(0)
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    c = np.empty((n, n), dtype=np.float32)
    np.matmul(a, b, out=c)  # warm-up
    samples = []
    total = 0.0
    while len(samples) < args.min_reps or total < args.seconds:
        start = time.perf_counter()
        np.matmul(a, b, out=c)
        elapsed = time.perf_counter() - start
        samples.append(elapsed)
        total += elapsed
    samples.sort()
    best = samples[0]
    gflops = 2.0 * n * n * n / best / 1e9
    result = {
        "group": "numpy",
        "name": f"numpy.matmul {n}³",
        "value": gflops,
        "unit": "GFLOP/s",
        "bestMilliseconds": best * 1e3,
        "medianMilliseconds": samples[len(samples) // 2] * 1e3,
        "repetitions": len(samples),
        "threads": args.threads,
        "numpy": np.__version__,
        "openblasCoretype": os.environ.get("OPENBLAS_CORETYPE", "(auto)"),
    }
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        print(
            f"numpy {np.__version__} matmul {n}³ on {args.threads} thread(s): "
            f"{gflops:.1f} GFLOP/s (best {best * 1e3:.3f} ms, "
            f"median {result['medianMilliseconds']:.3f} ms, {len(samples)} reps, "
            f"OPENBLAS_CORETYPE={result['openblasCoretype']})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
