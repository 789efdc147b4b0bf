using TinyTorch.Kernels;
using TinyTorch.Tests.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels;

[Collection(KernelOptionsCollection.Name)]
public class SoftmaxKernelTests
{
    private static float[] Spread(int length, int seed, double halfWidth = 100)
    {
        var random = new Random(seed);
        var x = new float[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = (float)((random.NextDouble() * 2 * halfWidth) - halfWidth);
        }

        return x;
    }

    /// <summary>Every slice of x viewed as [outer, length, inner] against the oracle at 2 ULP.</summary>
    private static void AssertSlicesWithin(float[] x, float[] y, int length, int inner) =>
        SoftmaxSlices.MaxUlp(x, y, length, inner, 2, "softmax");

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(31)]
    [InlineData(1000)]
    [InlineData(65536)]
    public void RowsOverPlusMinus100AreWithin2Ulp(int length)
    {
        int rows = Math.Max(1, 4096 / length);
        float[] x = Spread(rows * length, length);
        var y = new float[x.Length];
        ActivationKernels.Softmax(x, y, length);
        AssertSlicesWithin(x, y, length, 1);
    }

    [Fact]
    public void EveryRowLengthUpTo64IsWithin2UlpAndInPlaceAgrees()
    {
        for (int length = 1; length <= 64; length++)
        {
            float[] x = Spread(3 * length, 500 + length);
            var y = new float[x.Length];
            ActivationKernels.Softmax(x, y, length);
            AssertSlicesWithin(x, y, length, 1);

            ActivationKernels.Softmax(x, x, length);
            Assert.True(x.Zip(y).All(p => OperatorChecks.SameBits(p.First, p.Second)), $"length {length} in place");
        }
    }

    [Theory]
    [InlineData(3, 17, 45)]    // a middle dimension: 45 columns = 5 vectors + 5 scalar columns
    [InlineData(1, 70, 19)]    // dim 0 of a [70, 19] matrix
    [InlineData(2, 5, 200)]    // several strips of 32 columns and a partial one
    [InlineData(4, 3, 8)]
    public void StridedDimensionsAreWithin2UlpAndInPlaceAgrees(int outer, int length, int inner)
    {
        float[] x = Spread(outer * length * inner, (outer * 1000) + inner);
        var y = new float[x.Length];
        ActivationKernels.SoftmaxStrided(x, y, length, inner);
        AssertSlicesWithin(x, y, length, inner);

        ActivationKernels.SoftmaxStrided(x, x, length, inner);
        Assert.True(x.Zip(y).All(p => OperatorChecks.SameBits(p.First, p.Second)), "in place");
    }

    [Fact]
    public void IdenticalColumnsGetIdenticalResultsInVectorAndScalarColumns()
    {
        // NOTE: 19 columns = a block of 16 and a last block overlapping it by 13 (on the direct path: 16 + 1 + 1 + 1
        // columns). Each column's sum runs down the column in the same order either way, so identical columns must
        // give identical bits.
        const int Columns = 19;
        float[] column = Spread(50, 3);
        float[] matrix = [.. Enumerable.Range(0, 50 * Columns).Select(k => column[k / Columns])];
        float[] original = [.. matrix];

        ActivationKernels.SoftmaxStrided(matrix, matrix, 50, Columns);
        for (int i = 0; i < 50; i++)
        {
            for (int c = 1; c < Columns; c++)
            {
                Assert.Equal(matrix[i * Columns], matrix[(i * Columns) + c]);
            }
        }

        AssertSlicesWithin(original, matrix, 50, Columns);
    }

    [Fact]
    public void EdgeSemanticsFollowPyTorch()
    {
        float inf = float.PositiveInfinity, nan = float.NaN;
        foreach (int pad in new[] { 0, 9 })   // short rows (scalar path) and long rows (vector path)
        {
            float[][] rows =
            [
                [1f, nan, 2f],
                [-inf, -inf, -inf],
                [1f, inf, 2f],
                [-inf, 0f, -inf],
                [-inf, 1f, 1f],
            ];
            foreach (float[] baseRow in rows)
            {
                bool allNegativeInfinity = baseRow.All(float.IsNegativeInfinity);
                float[] row = [.. baseRow, .. Enumerable.Repeat(allNegativeInfinity ? -inf : -50f, pad)];
                var y = new float[row.Length];
                ActivationKernels.Softmax(row, y, row.Length);
                double[] truth = Oracle.Softmax(row);
                for (int i = 0; i < row.Length; i++)
                {
                    Assert.True(Ulp.WithinForwardBound(y[i], truth[i], 2), $"[{string.Join(", ", row)}] element {i}: {y[i]:R} vs {truth[i]:R}");
                    if (float.IsNegativeInfinity(row[i]) && !double.IsNaN(truth[i]))
                    {
                        Assert.Equal(0u, BitConverter.SingleToUInt32Bits(y[i]));   // exactly +0
                    }
                }
            }
        }

        Assert.Equal([1f / 3, 1f / 3, 1f / 3], Softmax([1000f, 1000f, 1000f]));
    }

    [Fact]
    public void EdgeValuesInAStridedColumnPoisonOnlyThatColumn()
    {
        var x = new float[4 * 64];
        for (int k = 0; k < x.Length; k++)
        {
            x[k] = k % 7;
        }

        x[(2 * 64) + 10] = float.NaN;
        x[(1 * 64) + 40] = float.PositiveInfinity;
        x[(3 * 64) + 20] = float.NegativeInfinity;
        var y = new float[x.Length];
        ActivationKernels.SoftmaxStrided(x, y, 4, 64);
        AssertSlicesWithin(x, y, 4, 64);
        Assert.True(float.IsNaN(y[10]) && float.IsNaN(y[40]) && !float.IsNaN(y[11]));
        Assert.Equal(0f, y[(3 * 64) + 20]);
    }

    [Fact]
    public void ResultsAreBitIdenticalWhateverTheThreadCount()
    {
        int before = KernelOptions.MaxDegreeOfParallelism;
        try
        {
            float[] rows = Spread(512 * 1024, 11, 20);
            float[] strided = Spread(256 * 1024, 12, 20);
            var results = new List<float[]>();
            foreach (int threads in new[] { 1, 2 })
            {
                KernelOptions.MaxDegreeOfParallelism = threads;
                var y = new float[rows.Length];
                ActivationKernels.Softmax(rows, y, 1024);
                var z = new float[strided.Length];
                ActivationKernels.SoftmaxStrided(strided, z, 256, 1024);
                var dx = new float[rows.Length];
                ActivationKernels.SoftmaxBackward(rows, y, dx, 1024);
                results.Add([.. y, .. z, .. dx]);
            }

            Assert.True(results[0].AsSpan().SequenceEqual(results[1]), "1 thread and 2 threads differ");
        }
        finally
        {
            KernelOptions.MaxDegreeOfParallelism = before;
        }
    }

    /// <summary>
    /// Every slice within 1.5 ULP of y ⊙ (g − Σ g·y) plus 2^-47 of its scale (rows and other dims); over another dim every
    /// column exactly the rows' float formula on its own sequential double sum, whether it fell in a vector or in the
    /// scalar remainder; in place the same bits.
    /// </summary>
    [Theory]
    [InlineData(1, 5, 1)]
    [InlineData(3, 37, 1)]
    [InlineData(2, 1000, 1)]
    [InlineData(1, 33, 5)]
    [InlineData(3, 9, 8)]
    [InlineData(2, 33, 13)]
    [InlineData(2, 17, 32)]
    [InlineData(1, 40, 37)]
    [InlineData(2, 9, 70)]
    public void BackwardIsWithinOneAndAHalfUlp_ColumnsHaveTheirFormulasBits_AndInPlaceAgrees(int outer, int length, int inner)
    {
        float[] x = Spread(outer * length * inner, length + inner, 10);
        var y = new float[x.Length];
        ActivationKernels.SoftmaxStrided(x, y, length, inner);
        float[] g = OperatorChecks.Gradients(x.Length);
        var dx = new float[x.Length];
        ActivationKernels.SoftmaxStridedBackward(g, y, dx, length, inner);

        for (int o = 0; o < outer; o++)
        {
            for (int c = 0; c < inner; c++)
            {
                int start = (o * length * inner) + c;
                double dot = 0, exact = 0, scale = 0;
                for (int i = 0; i < length; i++)
                {
                    int k = start + (i * inner);
                    dot = Math.FusedMultiplyAdd(y[k], g[k], dot);   // a column's order: row by row
                    exact += (double)g[k] * y[k];
                    scale += Math.Abs((double)g[k] * y[k]);
                }

                float d = (float)dot, minusDLo = -(float)(dot - d);
                for (int i = 0; i < length; i++)
                {
                    int k = start + (i * inner);
                    float expected = MathF.FusedMultiplyAdd(y[k], g[k] - d, y[k] * minusDLo);
                    Assert.True(inner == 1 || OperatorChecks.SameBits(expected, dx[k]), $"({o}, {c}) element {i}: {dx[k]:R}, the column formula gives {expected:R}");
                    double truth = y[k] * (g[k] - exact);
                    double ulp = Math.ScaleB(1.0, Math.ILogB(Math.Max(Math.Abs(truth), Math.ScaleB(1.0, -126))) - 23);
                    double bound = (1.5 * ulp) + (Math.ScaleB(1.0, -47) * y[k] * scale);
                    Assert.True(Math.Abs(dx[k] - truth) <= bound, $"({o}, {c}) element {i}: {dx[k]:R} vs {truth:R}");
                }
            }
        }

        ActivationKernels.SoftmaxStridedBackward(g, y, g, length, inner);
        Assert.True(g.Zip(dx).All(p => OperatorChecks.SameBits(p.First, p.Second)), "in place");
    }

    private static float[] Softmax(float[] row)
    {
        var y = new float[row.Length];
        ActivationKernels.Softmax(row, y, row.Length);
        return y;
    }
}
