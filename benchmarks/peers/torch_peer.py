#!/usr/bin/python3
"""PyTorch on the same cases as benchmarks/TinyTorch.Benchmarks, for the side-by-side table in docs/performance.md.

Not a test and not a dependency: run it by hand where Debian's python3-torch is installed
(apt-get install python3-torch), e.g.

    ATEN_CPU_CAPABILITY=avx512 /usr/bin/python3 benchmarks/peers/torch_peer.py [--quick]

Every call writes into a preallocated output (out=), as the .NET kernels do; ns per element, median of the rounds.
"""
import os
import statistics
import sys
import time

import torch

QUICK = "--quick" in sys.argv
SIZES = [4_096, 262_144, 4_194_304, 16_777_216]
SOFTMAX = [((32, 1000), -1), ((4096, 1024), -1), ((16384, 1024), -1), ((256, 65536), -1), ((1024, 4096), 0)]


def time_ns_per_element(body, elements, rounds):
    # Warm up, then size each sample to ~5 ms so the clock's resolution does not matter.
    start = time.perf_counter()
    calls = 0
    while calls < 5 or time.perf_counter() - start < 0.1:
        body()
        calls += 1
    per_call = (time.perf_counter() - start) / calls
    repeats = max(1, int(5e-3 / per_call))
    samples = []
    for _ in range(rounds):
        t0 = time.perf_counter_ns()
        for _ in range(repeats):
            body()
        samples.append((time.perf_counter_ns() - t0) / repeats / elements)
    return statistics.median(samples)


def elementwise_cases(x, y, t, z):
    def gelu_sigmoid():
        torch.mul(x, 1.702, out=t)
        torch.sigmoid(t, out=t)
        torch.mul(x, t, out=y)

    return [
        ("ReLU", lambda: torch.clamp_min(x, 0.0, out=y)),
        ("ReLU in place", lambda: torch.relu_(z)),
        ("Sigmoid", lambda: torch.sigmoid(x, out=y)),
        ("Tanh", lambda: torch.tanh(x, out=y)),
        ("GELU exact", lambda: torch._C._nn.gelu(x, approximate="none", out=y)),
        ("GELU tanh", lambda: torch._C._nn.gelu(x, approximate="tanh", out=y)),
        ("GELU sigmoid (composed)", gelu_sigmoid),
        ("copy", lambda: y.copy_(x)),
    ]


def main():
    rounds = 7 if QUICK else 21
    print(f"torch {torch.__version__}, ATEN_CPU_CAPABILITY={os.environ.get('ATEN_CPU_CAPABILITY', '(default)')}, "
          f"{os.cpu_count()} CPUs")
    print()
    print("| case | elements | 1 thread ns/elem | 2 threads ns/elem |")
    print("|---|---:|---:|---:|")
    for n in SIZES:
        x = torch.rand(n) * 16 - 8
        y, t, z = torch.empty(n), torch.empty(n), torch.rand(n) * 2 - 1
        for name, body in elementwise_cases(x, y, t, z):
            cells = []
            for threads in (1, 2):
                torch.set_num_threads(threads)
                cells.append(time_ns_per_element(body, n, rounds))
            print(f"| {name} | {n:,} | {cells[0]:.3f} | {cells[1]:.3f} |", flush=True)
    for shape, dim in SOFTMAX:
        x = torch.rand(shape) * 200 - 100
        y = torch.empty(shape)
        cells = []
        for threads in (1, 2):
            torch.set_num_threads(threads)
            cells.append(time_ns_per_element(lambda: torch._softmax(x, dim, False, out=y), x.numel(), rounds))
        print(f"| Softmax dim {dim} | {shape[0]}×{shape[1]} | {cells[0]:.3f} | {cells[1]:.3f} |", flush=True)


if __name__ == "__main__":
    main()
