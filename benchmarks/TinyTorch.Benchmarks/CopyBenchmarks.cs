using BenchmarkDotNet.Attributes;

namespace TinyTorch.Benchmarks;

/// <summary>
/// The bandwidth limit: a span copy of the same size (read N floats, write N floats), split over the same
/// threads as the kernels. An element-wise kernel cannot beat this once the data leaves the caches.
/// </summary>
[MemoryDiagnoser]
public class CopyBenchmarks : ElementwiseBenchmark
{
    private Action<int, int> _copy = null!;

    [Benchmark(Baseline = true)]
    public void SpanCopyTo() => Split.Run(N, Threads, _copy);

    protected override void AfterSetup() => _copy = (s, c) => X.AsSpan(s, c).CopyTo(Y.AsSpan(s, c));
}
