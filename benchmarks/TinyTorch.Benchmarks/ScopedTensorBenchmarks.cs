using BenchmarkDotNet.Attributes;
using TinyTorch.Core;
using TinyTorch.Kernels;

namespace TinyTorch.Benchmarks;

/// <summary>
/// Issue 13's Tensor-level target: each course activation's module <c>Forward(x)</c> inside a dispose scope opened
/// and disposed around every call (the output's storage goes back to <see cref="TensorStoragePool"/> and the next
/// call reuses it), against the span kernel writing into a preallocated array. Target: within 1.25× of the span
/// kernel, 4 096 to 16M elements, 1 and 2 threads. Softmax runs over rows of 1 024. <c>--probe scoped</c> is the
/// interleaved version, with the unscoped Forward beside it.
/// </summary>
[MemoryDiagnoser]
public class ScopedTensorBenchmarks : ThreadedBenchmark
{
    private readonly ReLU _relu = new();
    private readonly Sigmoid _sigmoid = new();
    private readonly Tanh _tanh = new();
    private readonly GELU _gelu = new();
    private readonly Softmax _softmax = new();
    private Tensor _x = null!;
    private float[] _xs = [], _ys = [];

    /// <summary>Elements per invocation.</summary>
    [Params(4_096, 262_144, 4_194_304, 16_777_216)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        _xs = RandomInputs(N);
        _ys = new float[N];
        _x = new Tensor(_xs, [N / 1024, 1024]);
    }

    [Benchmark(Baseline = true)]
    public void ReLUSpan() => ActivationKernels.ReLU(_xs, _ys);

    [Benchmark]
    public void ReLUScoped()
    {
        using DisposeScope scope = Tensor.NewDisposeScope();
        _relu.Forward(_x);
    }

    [Benchmark]
    public void SigmoidSpan() => ActivationKernels.Sigmoid(_xs, _ys);

    [Benchmark]
    public void SigmoidScoped()
    {
        using DisposeScope scope = Tensor.NewDisposeScope();
        _sigmoid.Forward(_x);
    }

    [Benchmark]
    public void TanhSpan() => ActivationKernels.Tanh(_xs, _ys);

    [Benchmark]
    public void TanhScoped()
    {
        using DisposeScope scope = Tensor.NewDisposeScope();
        _tanh.Forward(_x);
    }

    [Benchmark]
    public void GeluSpan() => ActivationKernels.GELU(_xs, _ys);

    [Benchmark]
    public void GeluScoped()
    {
        using DisposeScope scope = Tensor.NewDisposeScope();
        _gelu.Forward(_x);
    }

    [Benchmark]
    public void SoftmaxSpan() => ActivationKernels.Softmax(_xs, _ys, 1024);

    [Benchmark]
    public void SoftmaxScoped()
    {
        using DisposeScope scope = Tensor.NewDisposeScope();
        _softmax.Forward(_x);
    }
}
