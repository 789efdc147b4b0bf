using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using TinyTorch.Core;
using TinyTorch.Kernels;

namespace TinyTorch.Benchmarks;

/// <summary>
/// The three GELU forms against TensorPrimitives composed of its calls and scalar loops.
/// </summary>
/// <remarks>
/// The composition works block by block (2 048 elements, 8 KiB) in the destination itself, so its
/// intermediate results stay in L1: the fastest way to build GELU out of TensorPrimitives. There is no
/// TensorPrimitives or MathF erf, so the exact form has no composed or scalar peer here.
/// </remarks>
[MemoryDiagnoser]
public class GeluBenchmarks : ElementwiseBenchmark
{
    private const int Block = 2_048;
    private const float TanhScale = 0.7978845608f;   // √(2/π)
    private Action<int, int> _tpTanh = null!, _tpSigmoid = null!, _scalarTanh = null!, _scalarSigmoid = null!;

    [Benchmark]
    public void KernelExact() => ActivationKernels.GELU(X, Y, GeluApproximation.None);

    [Benchmark]
    public void KernelTanhForm() => ActivationKernels.GELU(X, Y, GeluApproximation.Tanh);

    [Benchmark]
    public void KernelSigmoidForm() => ActivationKernels.GELU(X, Y, GeluApproximation.Sigmoid);

    [Benchmark]
    public void TensorPrimitivesTanhForm() => Split.RunHeavy(N, Threads, _tpTanh);

    [Benchmark]
    public void TensorPrimitivesSigmoidForm() => Split.RunHeavy(N, Threads, _tpSigmoid);

    [Benchmark]
    public void ScalarTanhForm() => Split.RunHeavy(N, Threads, _scalarTanh);

    [Benchmark]
    public void ScalarSigmoidForm() => Split.RunHeavy(N, Threads, _scalarSigmoid);

    protected override void AfterSetup()
    {
        _tpTanh = (s, c) => Blocks(s, c, static (x, y) =>
        {
            // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))
            TensorPrimitives.Multiply(x, x, y);
            TensorPrimitives.Multiply(y, x, y);
            TensorPrimitives.MultiplyAdd(y, 0.044715f, x, y);
            TensorPrimitives.Multiply(y, TanhScale, y);
            TensorPrimitives.Tanh(y, y);
            TensorPrimitives.Add(y, 1f, y);
            TensorPrimitives.Multiply(y, x, y);
            TensorPrimitives.Multiply(y, 0.5f, y);
        });
        _tpSigmoid = (s, c) => Blocks(s, c, static (x, y) =>
        {
            // x·σ(1.702·x)
            TensorPrimitives.Multiply(x, 1.702f, y);
            TensorPrimitives.Sigmoid(y, y);
            TensorPrimitives.Multiply(y, x, y);
        });
        _scalarTanh = (s, c) =>
        {
            float[] x = X, y = Y;
            for (int i = s; i < s + c; i++)
            {
                float v = x[i];
                y[i] = 0.5f * v * (1f + MathF.Tanh(TanhScale * (v + (0.044715f * v * v * v))));
            }
        };
        _scalarSigmoid = (s, c) =>
        {
            float[] x = X, y = Y;
            for (int i = s; i < s + c; i++)
            {
                y[i] = x[i] / (1f + MathF.Exp(-1.702f * x[i]));
            }
        };
    }

    private void Blocks(int start, int count, BlockAction step)
    {
        for (int b = start; b < start + count; b += Block)
        {
            int length = Math.Min(Block, start + count - b);
            step(X.AsSpan(b, length), Y.AsSpan(b, length));
        }
    }

    private delegate void BlockAction(ReadOnlySpan<float> x, Span<float> y);
}
