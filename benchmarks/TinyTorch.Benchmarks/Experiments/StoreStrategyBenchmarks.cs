using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace TinyTorch.Benchmarks.Experiments;

/// <summary>
/// Issue 4's store-strategy question, measured: regular against non-temporal stores, 4× against 2×
/// unrolling, for ReLU out of place, ReLU in place and a plain copy, in cache (256K floats = 1 MiB),
/// in L3 (4M = 16 MiB) and beyond it (16M = 64 MiB), on one and on all threads.
/// </summary>
[MemoryDiagnoser]
public unsafe class StoreStrategyBenchmarks : ThreadedBenchmark
{
    private float[] _x = [], _y = [];
    private float* _px, _py;

    /// <summary>Elements per invocation.</summary>
    [Params(262_144, 4_194_304, 16_777_216)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        _x = GC.AllocateArray<float>(N, pinned: true);
        _y = GC.AllocateArray<float>(N, pinned: true);
        RandomInputs(N).CopyTo(_x, 0);
        _px = (float*)Unsafe.AsPointer(ref _x[0]);
        _py = (float*)Unsafe.AsPointer(ref _y[0]);
    }

    [Benchmark(Baseline = true)]
    public void ReLURegular4x() => Go<ReLUFunction>(_px, _py, false, 4);

    [Benchmark]
    public void ReLURegular2x() => Go<ReLUFunction>(_px, _py, false, 2);

    [Benchmark]
    public void ReLUNonTemporal() => Go<ReLUFunction>(_px, _py, true, 4);

    [Benchmark]
    public void ReLUInPlaceRegular() => Go<ReLUFunction>(_py, _py, false, 4);

    [Benchmark]
    public void ReLUInPlaceNonTemporal() => Go<ReLUFunction>(_py, _py, true, 4);

    [Benchmark]
    public void CopyRegular() => Go<CopyFunction>(_px, _py, false, 4);

    [Benchmark]
    public void CopyNonTemporal() => Go<CopyFunction>(_px, _py, true, 4);

    private void Go<TF>(float* x, float* y, bool nonTemporal, int unroll)
        where TF : IVectorFunction
    {
        nint xs = (nint)x, ys = (nint)y;
        Split.Run(N, Threads, (s, c) => StoreVariants.Run<TF>((float*)xs + s, (float*)ys + s, c, nonTemporal, unroll));
    }
}
