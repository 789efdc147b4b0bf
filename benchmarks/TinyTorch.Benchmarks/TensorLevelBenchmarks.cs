using BenchmarkDotNet.Attributes;
using TinyTorch.Core;
using TinyTorch.Kernels;

namespace TinyTorch.Benchmarks;

/// <summary>
/// The cost of the Tensor level: Functional.X allocates its output (without a zeroing pass) and calls the
/// span kernel, against the span kernel writing into a preallocated output. Issue 4 wants the first within
/// 1.3× of the second from 262 144 elements up.
/// </summary>
[MemoryDiagnoser]
public class TensorLevelBenchmarks : ThreadedBenchmark
{
    private Tensor _x = null!;
    private float[] _xs = [], _ys = [];

    /// <summary>Elements per invocation.</summary>
    [Params(262_144, 4_194_304, 16_777_216)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        _xs = RandomInputs(N);
        _ys = new float[N];
        _x = new Tensor(_xs, [N]);
    }

    [Benchmark(Baseline = true)]
    public void ReLUSpan() => ActivationKernels.ReLU(_xs, _ys);

    [Benchmark]
    public Tensor ReLUTensor() => Functional.ReLU(_x);

    [Benchmark]
    public void SigmoidSpan() => ActivationKernels.Sigmoid(_xs, _ys);

    [Benchmark]
    public Tensor SigmoidTensor() => Functional.Sigmoid(_x);

    [Benchmark]
    public void GeluSpan() => ActivationKernels.GELU(_xs, _ys);

    [Benchmark]
    public Tensor GeluTensor() => Functional.GELU(_x);
}
