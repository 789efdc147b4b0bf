using TinyTorch.Kernels;
using TinyTorch.Tests.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels;

/// <summary>
/// The log-softmax kernel at each vector width called directly (16, 8 and 4 floats; a width the machine lacks runs in
/// software with the same IEEE operations): within its 1 ULP bound of a float64 oracle, and the same bits at every width,
/// on rows and on the columns of other dims.
/// </summary>
public class LogSoftmaxWidthTests
{
    /// <summary>The proven bound (LogSoftmaxRows: 0.69 ULP) with a little room; the issue asks for 2.</summary>
    private const double Bound = 0.7;

    private static readonly int[] Widths = [16, 8, 4];

    internal static float[] Spread(int length, int seed, double halfWidth = 100)
    {
        var random = new Random(seed);
        var x = new float[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = (float)((random.NextDouble() * 2 * halfWidth) - halfWidth);
        }

        return x;
    }

    internal static float[] LogSoftmax(float[] x, int outer, int length, int inner, int lanes)
    {
        var y = new float[x.Length];
        LogSoftmaxKernel.Forward(x, y, outer, length, inner, lanes);
        return y;
    }

    internal static void AssertSameBits(float[] expected, float[] actual, string what)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(OperatorChecks.SameBits(expected[i], actual[i]), $"{what}, element {i}: {expected[i]:R} vs {actual[i]:R}");
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(10.0)]
    [InlineData(100.0)]
    public void EveryRowLengthUpTo70IsWithinTheBoundAndTheSameAtEveryWidth(double halfWidth)
    {
        for (int length = 1; length <= 70; length++)
        {
            float[] x = Spread(3 * length, 500 + length, halfWidth);
            float[] wide = LogSoftmax(x, 3, length, 1, 16);
            LogSoftmaxOracle.MaxUlp(x, wide, length, 1, Bound, $"±{halfWidth}, length {length}");
            foreach (int lanes in Widths)
            {
                AssertSameBits(wide, LogSoftmax(x, 3, length, 1, lanes), $"length {length}, {lanes} lanes");
            }
        }
    }

    [Theory]
    [InlineData(1000, 1.0)]
    [InlineData(4099, 10.0)]
    [InlineData(20_000, 100.0)]
    [InlineData(65_536, 100.0)]
    [InlineData(65_536, 1.0)]
    public void LongRowsAreWithinTheBoundAndTheSameAtEveryWidth(int length, double halfWidth)
    {
        float[] x = Spread(2 * length, length, halfWidth);
        float[] wide = LogSoftmax(x, 2, length, 1, 16);
        LogSoftmaxOracle.MaxUlp(x, wide, length, 1, Bound, $"length {length}");
        foreach (int lanes in Widths)
        {
            AssertSameBits(wide, LogSoftmax(x, 2, length, 1, lanes), $"{lanes} lanes");
        }
    }

    /// <summary>
    /// Rows where one entry holds nearly all the mass (L &lt; 1/8: the exact path) and rows at the switch: the maximum's
    /// output is −L ≈ −s, which a sum of 1 + s would round away; here within the bound, down to s ≈ e^-200 (subnormal y).
    /// </summary>
    [Theory]
    [InlineData(2.0)]
    [InlineData(5.0)]
    [InlineData(9.0)]
    [InlineData(30.0)]
    [InlineData(90.0)]
    [InlineData(150.0)]
    public void DominatedRowsAreWithinTheBoundAndTheSameAtEveryWidth(double gap)
    {
        for (int length = 2; length <= 40; length += 3)
        {
            float[] x = Spread(length * 2, (int)gap + length, 1);
            for (int r = 0; r < 2; r++)
            {
                for (int i = 0; i < length; i++)
                {
                    x[(r * length) + i] -= (float)gap;
                }

                x[(r * length) + (length / 2)] += (float)gap;   // one entry ~gap above the rest
            }

            float[] wide = LogSoftmax(x, 2, length, 1, 16);
            LogSoftmaxOracle.MaxUlp(x, wide, length, 1, Bound, $"gap {gap}, length {length}");
            foreach (int lanes in Widths)
            {
                AssertSameBits(wide, LogSoftmax(x, 2, length, 1, lanes), $"gap {gap}, length {length}, {lanes} lanes");
            }
        }
    }

    [Theory]
    [InlineData(2, 9, 2)]
    [InlineData(3, 7, 3)]
    [InlineData(1, 40, 15)]
    [InlineData(2, 33, 16)]
    [InlineData(1, 600, 17)]
    [InlineData(3, 17, 45)]
    [InlineData(1, 11, 130)]
    [InlineData(1, 5000, 40)]
    [InlineData(1, 70_000, 3)]
    public void StridedSlicesAreWithinTheBoundAndTheSameAtEveryWidthAndInPlace(int outer, int length, int inner)
    {
        float[] x = Spread(outer * length * inner, (outer * 7919) + (length * 31) + inner);
        float[] wide = LogSoftmax(x, outer, length, inner, 16);
        LogSoftmaxOracle.MaxUlp(x, wide, length, inner, Bound, $"[{outer}, {length}, {inner}]");
        foreach (int lanes in Widths)
        {
            AssertSameBits(wide, LogSoftmax(x, outer, length, inner, lanes), $"{lanes} lanes");
        }

        float[] z = [.. x];
        LogSoftmaxKernel.Forward(z, z, outer, length, inner, 16);
        AssertSameBits(wide, z, "in place");
    }

    [Fact]
    public void EdgeRowsAreNaNOrMinusInfinityAsPyTorchAtEveryWidth()
    {
        float inf = float.PositiveInfinity, nan = float.NaN;
        float[][] cases =
        [
            [1f, nan, 2f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 3f],
            [nan, inf, 3f],
            [inf, 0f, 1f],
            [-inf, -inf, -inf],
            [-inf, 0f, 1f],
            [1000f, 1001f, 1002f],
            [-1000f, 0f, 1000f],
            [float.MaxValue, float.MaxValue, float.MinValue],
            [0f],
            [-inf],
        ];
        foreach (float[] row in cases)
        {
            double[] truth = LogSoftmaxOracle.LogSoftmax(row);
            foreach (int lanes in Widths)
            {
                float[] y = LogSoftmax(row, 1, row.Length, 1, lanes);
                for (int i = 0; i < row.Length; i++)
                {
                    Assert.True(Ulp.WithinForwardBound(y[i], truth[i], Bound), $"[{string.Join(", ", row)}] at {lanes} lanes, element {i}: {y[i]:R} vs {truth[i]:R}");
                }
            }
        }
    }

    [Fact]
    public void BackwardIsTheSameForEveryLayoutAndWithinItsBound()
    {
        const int Outer = 3, Length = 37, Inner = 5;
        float[] x = Spread(Outer * Length * Inner, 5, 5);
        float[] g = Spread(x.Length, 6, 1);
        float[] y = LogSoftmax(x, Outer, Length, Inner, 16);
        float[] dx = new float[x.Length];
        LogSoftmaxKernel.Backward(g, y, dx, Outer, Length, Inner);
        LogSoftmaxOracle.MaxUlp(x, y, Length, Inner, Bound, "the saved output");
        LogSoftmaxOracle.AssertBackward(g, y, dx, Length, Inner);

        // In place over g, and at every width: the same bits.
        float[] inPlace = [.. g];
        LogSoftmaxKernel.Backward(inPlace, y, inPlace, Outer, Length, Inner);
        AssertSameBits(dx, inPlace, "in place");
        foreach (int lanes in Widths)
        {
            float[] d = new float[x.Length];
            LogSoftmaxKernel.Backward(g, y, d, Outer, Length, Inner, lanes);
            AssertSameBits(dx, d, $"{lanes} lanes, strided");
        }

        // Rows of every length up to 40 (vector bodies and scalar tails), at every width.
        for (int n = 1; n <= 40; n++)
        {
            float[] rx = Spread(3 * n, 70 + n, 5), rg = Spread(3 * n, 80 + n, 2);
            float[] ry = LogSoftmax(rx, 3, n, 1, 16);
            float[] wide = new float[rx.Length];
            LogSoftmaxKernel.Backward(rg, ry, wide, 3, n, 1, 16);
            foreach (int lanes in Widths)
            {
                float[] d = new float[rx.Length];
                LogSoftmaxKernel.Backward(rg, ry, d, 3, n, 1, lanes);
                AssertSameBits(wide, d, $"row length {n}, {lanes} lanes");
            }
        }
    }
}
