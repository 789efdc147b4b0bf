using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using TinyTorch.Kernels;

namespace TinyTorch.Benchmarks;

/// <summary>
/// Softmax forward and backward over the shapes of issue 4 §6, against TensorPrimitives.SoftMax per
/// slice and a scalar three-pass loop (max, exp and sum, scale).
/// </summary>
/// <remarks>
/// Over dim 0 TensorPrimitives can only work on contiguous slices, so its baseline gathers each column
/// into a scratch buffer, normalizes it and scatters it back: what a user of it would have to write.
/// Inputs lie in [−8, 8): TensorPrimitives.SoftMax does not subtract the maximum and overflows above ~88.7.
/// </remarks>
[MemoryDiagnoser]
public class SoftmaxBenchmarks : ThreadedBenchmark
{
    private float[] _x = [], _y = [], _g = [], _d = [];
    private Action<int, int> _tp = null!, _scalar = null!, _scalarBackward = null!;

    /// <summary>The shapes of issue 4 §6.</summary>
    public static IEnumerable<SoftmaxShape> Shapes =>
    [
        new(32, 1_000, -1), new(4_096, 1_024, -1), new(16_384, 1_024, -1), new(256, 65_536, -1), new(1_024, 4_096, 0),
    ];

    /// <summary>The case.</summary>
    [ParamsSource(nameof(Shapes))]
    public SoftmaxShape Shape { get; set; } = null!;

    private int AxisLength => Shape.Dim == 0 ? Shape.Rows : Shape.Columns;

    private int Stride => Shape.Dim == 0 ? Shape.Columns : 1;

    private int Slices => Shape.Dim == 0 ? Shape.Columns : Shape.Rows;

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        _x = RandomInputs(Shape.Elements);
        _y = new float[Shape.Elements];
        _g = RandomInputs(Shape.Elements, 1f);
        _d = new float[Shape.Elements];
        ActivationKernels.SoftmaxStrided(_x, _y, AxisLength, Stride);
        _tp = Shape.Dim == 0 ? TensorPrimitivesColumns : TensorPrimitivesRows;
        _scalar = ScalarForward;
        _scalarBackward = ScalarBackward;
    }

    [Benchmark]
    public void Kernel() => ActivationKernels.SoftmaxStrided(_x, _y, AxisLength, Stride);

    [Benchmark(Baseline = true)]
    public void TensorPrimitivesSoftMax() => Split.Run(Slices, (long)AxisLength * ParallelRunner.SoftmaxElementWeight, 1, Threads, _tp);

    [Benchmark]
    public void ScalarLoop() => Split.Run(Slices, (long)AxisLength * ParallelRunner.SoftmaxElementWeight, 1, Threads, _scalar);

    [Benchmark]
    public void KernelBackward() => ActivationKernels.SoftmaxStridedBackward(_g, _y, _d, AxisLength, Stride);

    [Benchmark]
    public void ScalarLoopBackward() => Split.Run(Slices, AxisLength, 1, Threads, _scalarBackward);

    private void TensorPrimitivesRows(int start, int count)
    {
        int n = Shape.Columns;
        for (int r = start; r < start + count; r++)
        {
            TensorPrimitives.SoftMax(_x.AsSpan(r * n, n), _y.AsSpan(r * n, n));
        }
    }

    private void TensorPrimitivesColumns(int start, int count)
    {
        int rows = Shape.Rows, columns = Shape.Columns;
        float[] scratch = new float[rows];   // one per chunk, not per column
        for (int c = start; c < start + count; c++)
        {
            for (int r = 0; r < rows; r++)
            {
                scratch[r] = _x[(r * columns) + c];
            }

            TensorPrimitives.SoftMax(scratch, scratch);
            for (int r = 0; r < rows; r++)
            {
                _y[(r * columns) + c] = scratch[r];
            }
        }
    }

    private void ScalarForward(int start, int count)
    {
        int n = AxisLength, stride = Stride;
        for (int s = start; s < start + count; s++)
        {
            int origin = Shape.Dim == 0 ? s : s * n;
            float max = float.NegativeInfinity;
            for (int i = 0; i < n; i++)
            {
                max = MathF.Max(max, _x[origin + (i * stride)]);
            }

            float sum = 0f;
            for (int i = 0; i < n; i++)
            {
                float e = MathF.Exp(_x[origin + (i * stride)] - max);
                _y[origin + (i * stride)] = e;
                sum += e;
            }

            float scale = 1f / sum;
            for (int i = 0; i < n; i++)
            {
                _y[origin + (i * stride)] *= scale;
            }
        }
    }

    private void ScalarBackward(int start, int count)
    {
        int n = AxisLength, stride = Stride;
        for (int s = start; s < start + count; s++)
        {
            int origin = Shape.Dim == 0 ? s : s * n;
            float dot = 0f;
            for (int i = 0; i < n; i++)
            {
                dot += _g[origin + (i * stride)] * _y[origin + (i * stride)];
            }

            for (int i = 0; i < n; i++)
            {
                int k = origin + (i * stride);
                _d[k] = _y[k] * (_g[k] - dot);
            }
        }
    }
}
