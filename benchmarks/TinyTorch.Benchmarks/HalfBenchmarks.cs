using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using TinyTorch.Kernels;

namespace TinyTorch.Benchmarks;

/// <summary>
/// The Half kernels (widen, float operator, narrow, float64 fix-up of lanes near a Half midpoint) against
/// TensorPrimitives.Sigmoid&lt;Half&gt; and Tanh&lt;Half&gt;, split over the same threads, and against the float kernel
/// of the same length (what the Half round trip costs).
/// </summary>
[MemoryDiagnoser]
public class HalfBenchmarks : ThreadedBenchmark
{
    private Half[] _x = [], _y = [], _dx = [], _sigmoid = [];
    private float[] _xf = [], _yf = [];
    private Action<int, int> _tpSigmoid = null!, _tpTanh = null!;

    /// <summary>Elements per invocation: 8 KiB (L1), 512 KiB (L2) and 8 MiB (L3) of Half.</summary>
    [Params(4_096, 262_144, 4_194_304)]
    public int N { get; set; }

    /// <summary>Inputs in [−8, 8), as the float benchmarks, rounded to Half.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        _xf = RandomInputs(N);
        _yf = new float[N];
        _x = [.. _xf.Select(v => (Half)v)];
        _y = new Half[N];
        _dx = new Half[N];
        _sigmoid = new Half[N];
        ActivationKernels.Sigmoid(_x, _sigmoid);
        _tpSigmoid = (s, c) => TensorPrimitives.Sigmoid<Half>(_x.AsSpan(s, c), _y.AsSpan(s, c));
        _tpTanh = (s, c) => TensorPrimitives.Tanh<Half>(_x.AsSpan(s, c), _y.AsSpan(s, c));
    }

    [Benchmark]
    public void SigmoidHalf() => ActivationKernels.Sigmoid(_x, _y);

    [Benchmark(Baseline = true)]
    public void TensorPrimitivesSigmoidHalf() => Split.RunHeavy(N, Threads, _tpSigmoid);

    [Benchmark]
    public void SigmoidFloat() => ActivationKernels.Sigmoid(_xf, _yf);

    [Benchmark]
    public void TanhHalf() => ActivationKernels.Tanh(_x, _y);

    [Benchmark]
    public void TensorPrimitivesTanhHalf() => Split.RunHeavy(N, Threads, _tpTanh);

    [Benchmark]
    public void GeluHalf() => ActivationKernels.GELU(_x, _y);

    /// <summary>From the forward's output, with the inputs as the gradient.</summary>
    [Benchmark]
    public void SigmoidBackwardHalf() => ActivationKernels.SigmoidBackward(_x, _sigmoid, _dx);

    /// <summary>Half the saved values are ≤ 0, so half the results are exact zeros (none may take the float64 path).</summary>
    [Benchmark]
    public void ReLUBackwardHalf() => ActivationKernels.ReLUBackward(_x, _x, _dx);

    /// <summary>A backward with a zero of f′ (x ≈ −0.75): its fix-up window scales with the gradient.</summary>
    [Benchmark]
    public void GeluBackwardHalf() => ActivationKernels.GELUBackward(_x, _x, _dx);
}
