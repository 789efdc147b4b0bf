using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using TinyTorch.Kernels;

namespace TinyTorch.Benchmarks;

/// <summary>Sigmoid against TensorPrimitives.Sigmoid and a scalar 1 / (1 + e^−x) loop.</summary>
[MemoryDiagnoser]
public class SigmoidBenchmarks : ElementwiseBenchmark
{
    private Action<int, int> _tp = null!, _scalar = null!;

    [Benchmark]
    public void Kernel() => ActivationKernels.Sigmoid(X, Y);

    [Benchmark(Baseline = true)]
    public void TensorPrimitivesSigmoid() => Split.RunHeavy(N, Threads, _tp);

    [Benchmark]
    public void ScalarLoop() => Split.RunHeavy(N, Threads, _scalar);

    protected override void AfterSetup()
    {
        _tp = (s, c) => TensorPrimitives.Sigmoid(X.AsSpan(s, c), Y.AsSpan(s, c));
        _scalar = (s, c) =>
        {
            float[] x = X, y = Y;
            for (int i = s; i < s + c; i++)
            {
                y[i] = 1f / (1f + MathF.Exp(-x[i]));
            }
        };
    }
}
