using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using TinyTorch.Kernels;

namespace TinyTorch.Benchmarks;

/// <summary>ReLU out of place and in place against TensorPrimitives.Max(x, 0) and a scalar loop.</summary>
/// <remarks>
/// In place, every invocation after the first sees non-negative data; ReLU's vector body is branchless,
/// so the work per element does not change.
/// </remarks>
[MemoryDiagnoser]
public class ReLUBenchmarks : ElementwiseBenchmark
{
    private Action<int, int> _tp = null!, _tpInPlace = null!, _scalar = null!;

    [Benchmark]
    public void Kernel() => ActivationKernels.ReLU(X, Y);

    [Benchmark]
    public void KernelInPlace() => ActivationKernels.ReLU(Z, Z);

    [Benchmark(Baseline = true)]
    public void TensorPrimitivesMax() => Split.Run(N, Threads, _tp);

    [Benchmark]
    public void TensorPrimitivesMaxInPlace() => Split.Run(N, Threads, _tpInPlace);

    [Benchmark]
    public void ScalarLoop() => Split.Run(N, Threads, _scalar);

    protected override void AfterSetup()
    {
        _tp = (s, c) => TensorPrimitives.Max(X.AsSpan(s, c), 0f, Y.AsSpan(s, c));
        _tpInPlace = (s, c) => TensorPrimitives.Max(Z.AsSpan(s, c), 0f, Z.AsSpan(s, c));
        _scalar = (s, c) =>
        {
            float[] x = X, y = Y;
            for (int i = s; i < s + c; i++)
            {
                y[i] = x[i] > 0f ? x[i] : 0f;
            }
        };
    }
}
