using BenchmarkDotNet.Attributes;
using TinyTorch.Core;
using TinyTorch.Kernels;

namespace TinyTorch.Benchmarks;

/// <summary>
/// The element-wise backward kernels (two inputs, one output) against scalar loops of the same formulas.
/// TensorPrimitives has no backward; the copy of <see cref="CopyBenchmarks"/> is the bandwidth reference
/// (backward moves 1.5× its bytes).
/// </summary>
[MemoryDiagnoser]
public class BackwardBenchmarks : ElementwiseBenchmark
{
    private float[] _sigmoidOut = [], _tanhOut = [];
    private Action<int, int> _scalarReLU = null!, _scalarSigmoid = null!, _scalarTanh = null!;

    [Benchmark]
    public void ReLUBackward() => ActivationKernels.ReLUBackward(Z, X, Y);

    [Benchmark]
    public void SigmoidBackward() => ActivationKernels.SigmoidBackward(Z, _sigmoidOut, Y);

    [Benchmark]
    public void TanhBackward() => ActivationKernels.TanhBackward(Z, _tanhOut, Y);

    [Benchmark]
    public void GeluExactBackward() => ActivationKernels.GELUBackward(Z, X, Y, GeluApproximation.None);

    [Benchmark]
    public void GeluTanhFormBackward() => ActivationKernels.GELUBackward(Z, X, Y, GeluApproximation.Tanh);

    [Benchmark]
    public void GeluSigmoidFormBackward() => ActivationKernels.GELUBackward(Z, X, Y, GeluApproximation.Sigmoid);

    [Benchmark]
    public void ScalarReLUBackward() => Split.Run(N, Threads, _scalarReLU);

    [Benchmark]
    public void ScalarSigmoidBackward() => Split.Run(N, Threads, _scalarSigmoid);

    [Benchmark]
    public void ScalarTanhBackward() => Split.Run(N, Threads, _scalarTanh);

    protected override void AfterSetup()
    {
        _sigmoidOut = new float[N];
        _tanhOut = new float[N];
        ActivationKernels.Sigmoid(X, _sigmoidOut);
        ActivationKernels.Tanh(X, _tanhOut);
        _scalarReLU = (s, c) =>
        {
            float[] x = X, g = Z, d = Y;
            for (int i = s; i < s + c; i++)
            {
                d[i] = x[i] > 0f ? g[i] : 0f;
            }
        };
        _scalarSigmoid = (s, c) =>
        {
            float[] y = _sigmoidOut, g = Z, d = Y;
            for (int i = s; i < s + c; i++)
            {
                d[i] = g[i] * y[i] * (1f - y[i]);
            }
        };
        _scalarTanh = (s, c) =>
        {
            float[] y = _tanhOut, g = Z, d = Y;
            for (int i = s; i < s + c; i++)
            {
                d[i] = g[i] * (1f - (y[i] * y[i]));
            }
        };
    }
}
