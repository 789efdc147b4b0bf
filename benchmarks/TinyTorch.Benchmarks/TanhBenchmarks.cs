using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using TinyTorch.Kernels;

namespace TinyTorch.Benchmarks;

/// <summary>Tanh against TensorPrimitives.Tanh and a scalar MathF.Tanh loop.</summary>
[MemoryDiagnoser]
public class TanhBenchmarks : ElementwiseBenchmark
{
    private Action<int, int> _tp = null!, _scalar = null!;

    [Benchmark]
    public void Kernel() => ActivationKernels.Tanh(X, Y);

    [Benchmark(Baseline = true)]
    public void TensorPrimitivesTanh() => Split.RunHeavy(N, Threads, _tp);

    [Benchmark]
    public void ScalarLoop() => Split.RunHeavy(N, Threads, _scalar);

    protected override void AfterSetup()
    {
        _tp = (s, c) => TensorPrimitives.Tanh(X.AsSpan(s, c), Y.AsSpan(s, c));
        _scalar = (s, c) =>
        {
            float[] x = X, y = Y;
            for (int i = s; i < s + c; i++)
            {
                y[i] = MathF.Tanh(x[i]);
            }
        };
    }
}
