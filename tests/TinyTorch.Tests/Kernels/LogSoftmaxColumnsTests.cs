using TinyTorch.Kernels;
using TinyTorch.Tests.Support;
using static TinyTorch.Tests.Kernels.LogSoftmaxWidthTests;

namespace TinyTorch.Tests.Kernels;

/// <summary>
/// The column path of log-softmax (a dim that is not the last): within its 0.69 ULP bound of a float64 oracle on every
/// dim of 1- to 4-d inputs, the same bits at every width (16, 8, 4 and the scalar body alone, lanes = 1), on both sides
/// of its scratch, in place, on one thread and two; PyTorch's edges in a column among ordinary ones; and its backward.
/// </summary>
[Collection(KernelOptionsCollection.Name)]
public class LogSoftmaxColumnsTests
{
    private const double Bound = 0.7;

    /// <summary>16, 8 and 4 floats, and 1: every column through the scalar body.</summary>
    private static readonly int[] Widths = [16, 8, 4, 1];

    public static TheoryData<int[]> Shapes => new()
    {
        new[] { 7 },
        new[] { 5, 9 },
        new[] { 33, 1 },
        new[] { 3, 17, 21 },
        new[] { 1, 40, 70 },
        new[] { 2, 3, 4, 5 },
        new[] { 3, 1, 19, 6 },
        new[] { 2, 65, 2, 33 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryDimIsWithinTheBoundAndTheSameAtEveryWidthAndInPlace(int[] shape)
    {
        for (int dim = 0; dim < shape.Length; dim++)
        {
            int length = shape[dim];
            int inner = shape.Skip(dim + 1).Aggregate(1, (a, b) => a * b);
            int outer = shape.Take(dim).Aggregate(1, (a, b) => a * b);
            float[] x = Spread(outer * length * inner, (dim * 131) + length + inner, 30);
            float[] wide = LogSoftmax(x, outer, length, inner, 16);
            string what = $"[{string.Join(", ", shape)}] over dim {dim}";
            LogSoftmaxOracle.MaxUlp(x, wide, length, inner, Bound, what);
            foreach (int lanes in Widths)
            {
                AssertSameBits(wide, LogSoftmax(x, outer, length, inner, lanes), $"{what}, {lanes} lanes");
            }

            float[] z = [.. x];
            LogSoftmaxKernel.Forward(z, z, outer, length, inner, 16);
            AssertSameBits(wide, z, $"{what}, in place");
        }
    }

    [Theory]
    [InlineData(1, 40, 600)]
    [InlineData(2, 300, 1024)]
    [InlineData(1, 4500, 512)]
    [InlineData(1, 7, 530)]
    public void RowsHalfAPageApartGoThroughTheScratchWithTheSameBits(int outer, int length, int inner)
    {
        float[] x = Spread(outer * length * inner, length + inner, 50);
        float[] y = LogSoftmax(x, outer, length, inner, 16);
        // A column's bits are its own: the first 70 columns laid out 70 apart (too close for the scratch) agree.
        const int Narrow = 70;
        float[] near = new float[outer * length * Narrow];
        for (int r = 0; r < outer * length; r++)
        {
            Array.Copy(x, (long)r * inner, near, (long)r * Narrow, Narrow);
        }

        Assert.Equal(0, LogSoftmaxColumns.ScratchFloats(length, Narrow));
        float[] nearY = LogSoftmax(near, outer, length, Narrow, 16);
        for (int r = 0; r < outer * length; r++)
        {
            AssertSameBits(nearY[(r * Narrow)..((r + 1) * Narrow)], y[(r * inner)..((r * inner) + Narrow)], $"row {r}, scratch or not");
        }

        Assert.Equal(length <= 4096 ? length * 64 : 0, LogSoftmaxColumns.ScratchFloats(length, inner));
        LogSoftmaxOracle.MaxUlp(x, y, length, inner, Bound, $"[{outer}, {length}, {inner}]");
        float[] z = [.. x];
        LogSoftmaxKernel.Forward(z, z, outer, length, inner, 8);
        AssertSameBits(y, z, "in place, 8 lanes");
    }

    /// <summary>
    /// Columns where one entry holds nearly all the mass: the maximum's output is −L ≈ −s, which a sum of 1 + s would
    /// round away; within the bound down to s ≈ e^-150 (subnormal y), with no exact fallback.
    /// </summary>
    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(9.0)]
    [InlineData(30.0)]
    [InlineData(80.0)]
    [InlineData(95.0)]
    [InlineData(150.0)]
    public void DominatedColumnsAreWithinTheBoundAndTheSameAtEveryWidth(double gap)
    {
        const int Inner = 21;
        foreach (int length in new[] { 2, 3, 10, 37 })
        {
            float[] x = Spread(length * Inner, (int)gap + length, 1);
            for (int c = 0; c < Inner; c++)
            {
                for (int i = 0; i < length; i++)
                {
                    x[(i * Inner) + c] -= (float)gap;
                }

                x[(c % length * Inner) + c] += (float)gap;   // one entry ~gap above the rest of its column
                if (c % 3 == 0)
                {
                    x[((c + 1) % length * Inner) + c] = x[(c % length * Inner) + c];   // and a tie for the maximum
                }
            }

            float[] wide = LogSoftmax(x, 1, length, Inner, 16);
            LogSoftmaxOracle.MaxUlp(x, wide, length, Inner, Bound, $"gap {gap}, length {length}");
            foreach (int lanes in Widths)
            {
                AssertSameBits(wide, LogSoftmax(x, 1, length, Inner, lanes), $"gap {gap}, length {length}, {lanes} lanes");
            }
        }
    }

    [Fact]
    public void EdgeColumnsAreNaNOrMinusInfinityAsPyTorchAndLeaveTheirNeighboursAlone()
    {
        float inf = float.PositiveInfinity, nan = float.NaN;
        float[][] cases =
        [
            [1f, nan, 2f],
            [nan, inf, 3f],
            [inf, 0f, 1f],
            [-inf, -inf, -inf],
            [-inf, 0f, 1f],
            [-inf, 5f, -inf],
            [1000f, 1001f, 1002f],
            [-1000f, 0f, 1000f],
            [1000f, 1000f, -1000f],
            [float.MaxValue, float.MaxValue, float.MinValue],
            [-3e38f, 3e38f, 0f],
        ];
        const int Inner = 19, Column = 17;
        foreach (float[] column in cases)
        {
            foreach (int pad in new[] { 0, 9 })
            {
                float[] slice = [.. column, .. Enumerable.Repeat(column.All(float.IsNegativeInfinity) ? -inf : -20f, pad)];
                float[] x = new float[slice.Length * Inner];
                for (int i = 0; i < slice.Length; i++)
                {
                    for (int c = 0; c < Inner; c++)
                    {
                        x[(i * Inner) + c] = c == Column ? slice[i] : (i * 0.25f) - c;
                    }
                }

                double[] truth = LogSoftmaxOracle.LogSoftmax(slice);
                string what = $"[{string.Join(", ", column)}] + {pad}";
                foreach (int lanes in Widths)
                {
                    float[] y = LogSoftmax(x, 1, slice.Length, Inner, lanes);
                    for (int i = 0; i < slice.Length; i++)
                    {
                        float got = y[(i * Inner) + Column];
                        Assert.True(Ulp.WithinForwardBound(got, truth[i], Bound), $"{what} at {lanes} lanes, element {i}: {got:R} vs {truth[i]:R}");
                    }

                    // The ordinary columns around it are finite and within the bound.
                    Assert.All(y, v => Assert.False(float.IsNaN(v) && !truth.Any(double.IsNaN), $"{what}: a NaN leaked"));
                    LogSoftmaxOracle.MaxUlp(
                        [.. x.Where((_, k) => k % Inner != Column)], [.. y.Where((_, k) => k % Inner != Column)], slice.Length, Inner - 1, Bound, $"{what}, neighbours");
                }
            }
        }
    }

    [Fact]
    public void ZeroSizeDimsDoNothing()
    {
        float[] none = [];
        LogSoftmaxKernel.Forward(none, none, 0, 5, 3, 16);
        LogSoftmaxKernel.Forward(none, none, 2, 0, 3, 16);
        LogSoftmaxKernel.Forward(none, none, 2, 5, 0, 16);
        LogSoftmaxKernel.Backward(none, none, none, 0, 5, 3, 16);
        LogSoftmaxKernel.Backward(none, none, none, 2, 0, 3, 16);
        LogSoftmaxKernel.Backward(none, none, none, 2, 5, 0, 16);
        ActivationKernels.LogSoftmaxStrided(none, none, 0, 4);
        ActivationKernels.LogSoftmaxStridedBackward(none, none, none, 0, 4);
        Assert.Empty(none);
    }

    [Fact]
    public void OneThreadAndTwoGiveTheSameBitsForwardAndBackward()
    {
        int previous = KernelOptions.MaxDegreeOfParallelism;
        try
        {
            const int Outer = 4, Length = 300, Inner = 70;
            float[] x = Spread(Outer * Length * Inner, 3, 20), g = Spread(x.Length, 4, 1);
            var results = new List<(float[] Y, float[] Dx)>();
            foreach (int threads in new[] { 1, 2 })
            {
                KernelOptions.MaxDegreeOfParallelism = threads;
                float[] y = new float[x.Length], dx = new float[x.Length];
                ActivationKernels.LogSoftmaxStrided(x, y, Length, Inner);
                ActivationKernels.LogSoftmaxStridedBackward(g, y, dx, Length, Inner);
                results.Add((y, dx));
            }

            AssertSameBits(results[0].Y, results[1].Y, "forward, 1 vs 2 threads");
            AssertSameBits(results[0].Dx, results[1].Dx, "backward, 1 vs 2 threads");
        }
        finally
        {
            KernelOptions.MaxDegreeOfParallelism = previous;
        }
    }

    [Theory]
    [InlineData(2, 37, 5)]
    [InlineData(1, 600, 45)]
    [InlineData(3, 9, 70)]
    public void BackwardIsWithinItsBoundTheSameAtEveryWidthAndInPlace(int outer, int length, int inner)
    {
        float[] x = Spread(outer * length * inner, length, 8);
        float[] g = Spread(x.Length, inner, 1);
        float[] y = LogSoftmax(x, outer, length, inner, 16);
        float[] dx = new float[x.Length];
        LogSoftmaxKernel.Backward(g, y, dx, outer, length, inner, 16);
        LogSoftmaxOracle.AssertBackward(g, y, dx, length, inner);

        foreach (int lanes in Widths)
        {
            float[] d = new float[x.Length];
            LogSoftmaxKernel.Backward(g, y, d, outer, length, inner, lanes);
            AssertSameBits(dx, d, $"{lanes} lanes");
        }

        float[] overG = [.. g], overY = [.. y];
        LogSoftmaxKernel.Backward(overG, y, overG, outer, length, inner, 16);
        LogSoftmaxKernel.Backward(g, overY, overY, outer, length, inner, 16);
        AssertSameBits(dx, overG, "in place over g");
        AssertSameBits(dx, overY, "in place over y");
    }
}
