using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using TinyTorch.Kernels;

namespace TinyTorch.Benchmarks.Experiments;

/// <summary>
/// Where splitting over two threads starts to pay, and how to split: one thread, against Parallel.For
/// over two chunks, against one pool task plus the calling thread. Measured on the cheapest function
/// (ReLU, memory-bound) and on TensorPrimitives.Sigmoid as a stand-in for a vectorized transcendental
/// (a few tenths of a nanosecond per element).
/// </summary>
[MemoryDiagnoser]
public class ThresholdBenchmarks
{
    private float[] _x = [], _y = [];

    /// <summary>Elements per invocation.</summary>
    [Params(8_192, 16_384, 32_768, 65_536, 131_072, 262_144, 524_288)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        KernelOptions.MaxDegreeOfParallelism = 1;
        _x = new float[N];
        _y = new float[N];
        new Random(1).NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_x.AsSpan()));
        for (int i = 0; i < N; i++)
        {
            _x[i] = float.IsFinite(_x[i]) ? Math.Clamp(_x[i], -8f, 8f) : 1f;
        }
    }

    [Benchmark(Baseline = true)]
    public void ReLUOneThread() => ActivationKernels.ReLU(_x, _y);

    [Benchmark]
    public void ReLUParallelFor() => ParallelFor(static (x, y) => ActivationKernels.ReLU(x, y));

    [Benchmark]
    public void ReLUTaskAndCaller() => TaskAndCaller(static (x, y) => ActivationKernels.ReLU(x, y));

    [Benchmark]
    public void SigmoidOneThread() => TensorPrimitives.Sigmoid(_x, _y);

    [Benchmark]
    public void SigmoidParallelFor() => ParallelFor(static (x, y) => TensorPrimitives.Sigmoid(x, y));

    [Benchmark]
    public void SigmoidTaskAndCaller() => TaskAndCaller(static (x, y) => TensorPrimitives.Sigmoid(x, y));

    private void ParallelFor(Body body)
    {
        int half = N / 2;
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, t =>
            body(_x.AsSpan(t * half, half), _y.AsSpan(t * half, half)));
    }

    private void TaskAndCaller(Body body)
    {
        int half = N / 2;
        Task other = Task.Run(() => body(_x.AsSpan(half, half), _y.AsSpan(half, half)));
        body(_x.AsSpan(0, half), _y.AsSpan(0, half));
        other.Wait();
    }

    private delegate void Body(ReadOnlySpan<float> x, Span<float> y);
}
