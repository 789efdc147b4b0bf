using BenchmarkDotNet.Attributes;
using TinyTorch.Core;
using TinyTorch.Kernels;

namespace TinyTorch.Benchmarks;

/// <summary>
/// The cost of the Tensor level, per activation: the module's <c>Forward(x)</c>, which allocates its output (without
/// a zeroing pass) and calls the span kernel; <c>Forward(x, output)</c>, which writes into a tensor the caller owns;
/// and the span kernel writing into a preallocated array. Issue 4 wants the Tensor level within 1.3× of the span
/// kernel from 262 144 elements up. Softmax runs over rows of 1 024. <c>--probe tensor</c> is the interleaved
/// version of the same comparison, with the allocation's costs taken apart.
/// </summary>
[MemoryDiagnoser]
public class TensorLevelBenchmarks : ThreadedBenchmark
{
    private readonly ReLU _relu = new();
    private readonly Sigmoid _sigmoid = new();
    private readonly Tanh _tanh = new();
    private readonly GELU _gelu = new();
    private readonly Softmax _softmax = new();
    private Tensor _x = null!, _output = null!;
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
        _x = new Tensor(_xs, [N / 1024, 1024]);
        _output = Tensor.ZerosLike(_x);
    }

    [Benchmark(Baseline = true)]
    public void ReLUSpan() => ActivationKernels.ReLU(_xs, _ys);

    [Benchmark]
    public Tensor ReLUTensor() => _relu.Forward(_x);

    [Benchmark]
    public Tensor ReLUTensorIntoOutput() => _relu.Forward(_x, _output);

    [Benchmark]
    public void SigmoidSpan() => ActivationKernels.Sigmoid(_xs, _ys);

    [Benchmark]
    public Tensor SigmoidTensor() => _sigmoid.Forward(_x);

    [Benchmark]
    public Tensor SigmoidTensorIntoOutput() => _sigmoid.Forward(_x, _output);

    [Benchmark]
    public void TanhSpan() => ActivationKernels.Tanh(_xs, _ys);

    [Benchmark]
    public Tensor TanhTensor() => _tanh.Forward(_x);

    [Benchmark]
    public Tensor TanhTensorIntoOutput() => _tanh.Forward(_x, _output);

    [Benchmark]
    public void GeluSpan() => ActivationKernels.GELU(_xs, _ys);

    [Benchmark]
    public Tensor GeluTensor() => _gelu.Forward(_x);

    [Benchmark]
    public Tensor GeluTensorIntoOutput() => _gelu.Forward(_x, _output);

    [Benchmark]
    public void SoftmaxSpan() => ActivationKernels.Softmax(_xs, _ys, 1024);

    [Benchmark]
    public Tensor SoftmaxTensor() => _softmax.Forward(_x);

    [Benchmark]
    public Tensor SoftmaxTensorIntoOutput() => _softmax.Forward(_x, _output);
}
